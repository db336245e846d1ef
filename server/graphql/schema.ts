import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { UserConnectionResolver, UserIdentityResolver, UserResolver } from '../users/user.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { ApiTokenResolver } from '../tokens/api-token.resolver.js';
import { EventActorResolver } from '../audit/audit.resolver.js';
import { OrganizationResolver, UserOrganizationResolver } from '../organizations/organization.resolver.js';
import { UserFieldResolver, UserFieldsResolver, UserFieldValueResolver } from '../fields/user-field.resolver.js';

export const resolvers = [UserResolver, UserIdentityResolver, UserConnectionResolver, AuthResolver, ApiTokenResolver, EventActorResolver, OrganizationResolver, UserOrganizationResolver, UserFieldResolver, UserFieldsResolver, UserFieldValueResolver] as const;

let schema: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once from the type-graphql classes. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({ resolvers, validate: false, emitSchemaFile: false });
  return schema;
}
