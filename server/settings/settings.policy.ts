import { ADMINS, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';

/** Settings: agents and admins read them (a token with USERS_READ, its creator staff); only admins change them. */
export const settingsPolicy = {
  read: rule({ name: 'settings.read', scope: ApiTokenScope.USERS_READ, roles: STAFF, message: 'Only agents and admins can read the settings.' }),
  manage: rule({ name: 'settings.manage', scope: ApiTokenScope.USERS_WRITE, roles: ADMINS, message: 'Only admins can change the settings.' }),
} as const;
