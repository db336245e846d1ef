import { ADMINS, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';

/** Custom user fields: agents and admins read the definitions (and fill values in); admins define them. */
export const userFieldPolicy = {
  read: rule({ name: 'userFields.read', scope: ApiTokenScope.USERS_READ, roles: STAFF, message: 'Only agents and admins can see user fields.' }),
  manage: rule({ name: 'userFields.manage', scope: ApiTokenScope.USERS_WRITE, roles: ADMINS, message: 'Only admins can manage user fields.' }),
} as const;
