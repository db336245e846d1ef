import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { UserConnectionResolver, UserResolver, UserWarningResolver } from '../users/user.resolver.js';
import { UserIdentityResolver } from '../users/identity.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { ViewerPermissionsResolver } from '../auth/viewer-permissions.js';
import { authChecker } from '../auth/auth-checker.js';
import { ApiTokenResolver } from '../tokens/api-token.resolver.js';
import { EventActorResolver } from '../audit/audit.resolver.js';
import { OrganizationResolver, UserOrganizationResolver } from '../organizations/organization.resolver.js';
import { UserFieldResolver, UserFieldsResolver, UserFieldValueResolver } from '../fields/user-field.resolver.js';

export const resolvers = [
  UserResolver,
  UserIdentityResolver,
  UserConnectionResolver,
  UserWarningResolver,
  AuthResolver,
  ViewerPermissionsResolver,
  ApiTokenResolver,
  EventActorResolver,
  OrganizationResolver,
  UserOrganizationResolver,
  UserFieldResolver,
  UserFieldsResolver,
  UserFieldValueResolver,
] as const;

let schema: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once from the type-graphql classes; every @Authorized rule goes through one auth checker. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({ resolvers, validate: false, emitSchemaFile: false, authChecker, authMode: 'error' }).then((built) => {
    // type-graphql has no option for the root types' descriptions.
    built.getQueryType()!.description = 'What can be read. Each field says who may read it; `viewerCan` tells what the person asking may do.';
    built.getMutationType()!.description = 'What can be changed. Each write runs in one transaction and is recorded in the history of the accounts it changes.';
    return built;
  });
  return schema;
}
