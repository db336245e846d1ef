import { ADMINS, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { msg } from '../i18n/message.js';

/** Custom user fields: agents and admins read the definitions (and fill values in); admins define them. */
export const userFieldPolicy = {
  read: rule({ name: 'userFields.read', scope: ApiTokenScope.USERS_READ, roles: STAFF, message: msg('fields.agentsAdminsSeeUser') }),
  manage: rule({ name: 'userFields.manage', scope: ApiTokenScope.USERS_WRITE, roles: ADMINS, message: msg('fields.adminsManageUserFields') }),
} as const;
