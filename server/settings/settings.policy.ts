import { ADMINS, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { msg } from '../i18n/message.js';

/** Settings: agents and admins read them (a token with USERS_READ, its creator staff); only admins change them. */
export const settingsPolicy = {
  read: rule({ name: 'settings.read', scope: ApiTokenScope.USERS_READ, roles: STAFF, message: msg('settings.agentsAdminsReadSettings') }),
  manage: rule({ name: 'settings.manage', scope: ApiTokenScope.USERS_WRITE, roles: ADMINS, message: msg('settings.adminsChangeSettings') }),
} as const;
