import { rule } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { msg } from '../i18n/message.js';

/** The help center: a person signed in replies on their own requests (which ones: ticketPolicy.read, checked on the ticket). */
export const doorPolicy = {
  reply: rule({
    name: 'helpCenter.reply',
    sessionOnly: true,
    scope: ApiTokenScope.TICKETS_WRITE,
    message: msg('door.repliesFromHelpCenter'),
  }),
} as const;
