import { ADMINS, rule } from '../auth/policy.js';
import { msg } from '../i18n/message.js';

/**
 * The team (agents and admins). Staff see it through `users(filter: { roles })`
 * under userPolicy.list; inviting, resending and revoking an invitation are
 * for admins signed in to Accueil, never an API token.
 */
export const teamPolicy = {
  manage: rule({
    name: 'team.manage',
    sessionOnly: true,
    roles: ADMINS,
    message: msg('team.adminSignedInAccueil'),
  }),
} as const;
