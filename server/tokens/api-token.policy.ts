import { ADMINS, rule } from '../auth/policy.js';
import { msg } from '../i18n/message.js';

/** API tokens are managed by an admin signed in to Accueil; tokens never manage tokens. */
export const apiTokenPolicy = {
  manage: rule({ name: 'apiTokens.manage', sessionOnly: true, roles: ADMINS, message: msg('tokens.adminSignedInAccueil') }),
} as const;
