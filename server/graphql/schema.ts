import { UserBulkResolver } from '../users/user-bulk.resolver.js';
import { UserDeletionResolver } from '../users/user-deletion.resolver.js';
import { MergeChoiceResolver, UserMergeResolver } from '../users/user-merge.resolver.js';
import { UserVersionsResolver } from '../users/user-versions.resolver.js';
import { CustomerListResolver } from '../lists/customer-list.resolver.js';
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { UserConnectionResolver, UserResolver, UserWarningResolver } from '../users/user.resolver.js';
import { UserIdentityResolver } from '../users/identity.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { ViewerPermissionsResolver } from '../auth/viewer-permissions.js';
import { BulkUserResolver } from '../users/bulk.resolver.js';
import { ImportJobResolver } from '../imports/import.resolver.js';
import { MailResolver, UserMessagesResolver } from '../mail/mail.resolver.js';
import { authChecker } from '../auth/auth-checker.js';
import { directResolvers } from './direct-resolvers.js';
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
  TicketEventResolver,
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
  TicketEventResolver,
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

/** The executable schema, built once from the type-graphql classes; every @Authorized rule goes through one auth checker. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({ resolvers, validate: false, emitSchemaFile: false, authChecker, authMode: 'error' }).then((built) => {
    directResolvers(built);
    // type-graphql has no option for the root types' descriptions.
    built.getQueryType()!.description = 'What can be read. Each field says who may read it; `viewerCan` tells what the person asking may do.';
    built.getMutationType()!.description =
      'What can be changed. Each write runs in one transaction and is recorded in the history of the accounts it changes.';
    return built;
  });
  return schema;
}
