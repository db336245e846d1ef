import { ADMINS, rule } from '../auth/policy.js';

/** API tokens are managed by an admin signed in to Accueil; tokens never manage tokens. */
export const apiTokenPolicy = {
  manage: rule({ name: 'apiTokens.manage', sessionOnly: true, roles: ADMINS, message: 'Only an admin signed in to Accueil can do this.' }),
} as const;
