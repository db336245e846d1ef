import { ADMINS, rule } from '../auth/policy.js';
import { msg } from '../i18n/message.js';

/**
 * Webhooks send the desk's data to a URL of the admin's choice, signed with a
 * secret: only an admin signed in to Accueil manages them, never an API token
 * (a leaked token must not be able to point the desk's data elsewhere).
 */
export const webhookPolicy = {
  manage: rule({ name: 'webhooks.manage', sessionOnly: true, roles: ADMINS, message: msg('webhooks.adminSignedInAccueil') }),
} as const;
