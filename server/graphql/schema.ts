import { UserBulkResolver } from '../users/user-bulk.resolver.js';
import { UserDeletionResolver } from '../users/user-deletion.resolver.js';
import { MergeChoiceResolver, UserMergeResolver } from '../users/user-merge.resolver.js';
import { UserVersionsResolver } from '../users/user-versions.resolver.js';
import { CustomerListResolver } from '../lists/customer-list.resolver.js';
import 'reflect-metadata';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { UserConnectionResolver, UserResolver, UserWarningResolver } from '../users/user.resolver.js';
import { UserIdentityResolver } from '../users/identity.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { ViewerPermissionsResolver } from '../auth/viewer-permissions.js';
import { BulkUserResolver } from '../users/bulk.resolver.js';
import { ImportJobResolver } from '../imports/import.resolver.js';
import { MailResolver, UserMessagesResolver } from '../mail/mail.resolver.js';
import { authChecker } from '../auth/auth-checker.js';
import { ApiTokenResolver } from '../tokens/api-token.resolver.js';
import { WebhookResolver } from '../webhooks/webhook.resolver.js';
import { EventActorResolver, FieldChangeResolver } from '../audit/audit.resolver.js';
import { OrganizationResolver, UserOrganizationResolver } from '../organizations/organization.resolver.js';
import { UserFieldResolver, UserFieldsResolver, UserFieldValueResolver } from '../fields/user-field.resolver.js';
import { TicketResolver } from '../tickets/ticket.resolver.js';
import { SettingsResolver } from '../settings/settings.resolver.js';
import { DoorResolver } from '../door/door.resolver.js';
import { TeamResolver } from '../team/team.resolver.js';
import {
  SideConversationMessageResolver,
  SideConversationResolver,
  TicketCommentResolver,
  TicketFieldsResolver,
  UserTicketsResolver,
} from '../tickets/ticket-fields.resolver.js';

export const resolvers = [
  UserResolver,
  UserDeletionResolver,
  UserMergeResolver,
  MergeChoiceResolver,
  UserVersionsResolver,
  UserIdentityResolver,
  UserConnectionResolver,
  UserWarningResolver,
  AuthResolver,
  ViewerPermissionsResolver,
  ApiTokenResolver,
  WebhookResolver,
  EventActorResolver,
  FieldChangeResolver,
  OrganizationResolver,
  UserOrganizationResolver,
  UserFieldResolver,
  UserFieldsResolver,
  UserFieldValueResolver,
  TicketResolver,
  TicketFieldsResolver,
  TicketCommentResolver,
  SideConversationResolver,
  SideConversationMessageResolver,
  UserTicketsResolver,
  CustomerListResolver,
  UserBulkResolver,
  BulkUserResolver,
  ImportJobResolver,
  SettingsResolver,
  DoorResolver,
  TeamResolver,
  MailResolver,
  UserMessagesResolver,
] as const;

let schema: Promise<GraphQLSchema> | null = null;

/**
 * type-graphql applies `@Authorized` through an async middleware: a promise for
 * every field it guards, which doubled the time of a page of 100 profiles. A
 * plain property (no field resolver, no middleware) gets the same check, from
 * the same `@Authorized` rules and the same auth checker, synchronously.
 */
function synchronousPropertyGuards(built: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const meta of storage.objectTypes) {
    const type = built.getType(meta.name);
    if (!isObjectType(type)) continue;
    const resolved = new Set(storage.fieldResolvers.filter((r) => r.getObjectType?.() === meta.target).map((r) => r.methodName));
    for (const field of meta.fields ?? []) {
      const roles = field.roles;
      const target = type.getFields()[field.schemaName];
      if (!roles || !target || field.middlewares?.length || resolved.has(field.name)) continue;
      const name = field.name;
      target.resolve = (root, args, context, info) => {
        authChecker({ root, args, context, info }, roles);
        return (root as Record<string, unknown>)[name];
      };
    }
  }
}

/** The executable schema, built once from the type-graphql classes; every @Authorized rule goes through one auth checker. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({ resolvers, validate: false, emitSchemaFile: false, authChecker, authMode: 'error' }).then((built) => {
    synchronousPropertyGuards(built);
    // type-graphql has no option for the root types' descriptions.
    built.getQueryType()!.description = 'What can be read. Each field says who may read it; `viewerCan` tells what the person asking may do.';
    built.getMutationType()!.description =
      'What can be changed. Each write runs in one transaction and is recorded in the history of the accounts it changes.';
    return built;
  });
  return schema;
}
