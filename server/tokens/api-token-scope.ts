import { registerEnumType } from 'type-graphql';

/**
 * What an API token may do, on top of its creator's role. The values are
 * what the database stores (api_tokens.scopes, space-separated); GraphQL
 * names them USERS_READ, USERS_WRITE, IMPORT.
 */
export enum ApiTokenScope {
  USERS_READ = 'users:read',
  USERS_WRITE = 'users:write',
  IMPORT = 'import',
  TICKETS_READ = 'tickets:read',
  TICKETS_WRITE = 'tickets:write',
  INBOUND = 'inbound',
}
registerEnumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description:
    "What an API token may do, on top of its creator's role. Without USERS_READ a token reads nothing about users but their ids, not even in the answer to its own writes.",
  valuesConfig: {
    USERS_READ: { description: 'Read users, organizations, custom fields and tags, and the history of accounts.' },
    USERS_WRITE: { description: "Add, change and delete users and their addresses (and, for an admin's token, organizations and custom fields)." },
    IMPORT: {
      description:
        "Run CSV imports: POST /imports/users, importJob(s), runImportJob, cancelImportJob and the failed rows file (an admin's token only).",
    },
    TICKETS_READ: { description: 'Read tickets, their comments, CCs, side conversations and history (the people in them need USERS_READ too).' },
    TICKETS_WRITE: { description: 'Create and change tickets, comment, add and remove CCs, start side conversations.' },
    INBOUND: {
      description:
        'Deliver inbound mail to POST /inbound/email, and nothing else: such a token cannot be combined with other scopes and is refused at /graphql.',
    },
  },
});

export const SCOPES: readonly ApiTokenScope[] = Object.values(ApiTokenScope);
