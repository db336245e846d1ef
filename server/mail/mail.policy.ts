import { ADMINS, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { msg } from '../i18n/message.js';

/**
 * Outgoing mail (issue 12). Staff, who see every user, may email a user and
 * read the messages sent to them; only admins read the whole outbox. A token
 * acts with its creator's role: USERS_WRITE to send, USERS_READ to read.
 */
export const mailPolicy = {
  send: rule({ name: 'mail.send', scope: ApiTokenScope.USERS_WRITE, roles: STAFF, message: msg('mail.agentsAdminsEmailUsers') }),
  /** User.messages: declared once, on the field. */
  readMessages: rule({
    name: 'mail.readMessages',
    scope: ApiTokenScope.USERS_READ,
    roles: STAFF,
    message: msg('mail.agentsAdminsSeeMessages'),
  }),
  outbox: rule({ name: 'mail.outbox', scope: ApiTokenScope.USERS_READ, roles: ADMINS, message: msg('mail.adminsSeeOutbox') }),
} as const;
