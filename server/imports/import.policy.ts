import { ADMINS, rule } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';

/** CSV imports: admins, in the admin app or with a token that has the IMPORT scope. */
export const importPolicy = {
  manage: rule({ name: 'imports.manage', scope: ApiTokenScope.IMPORT, roles: ADMINS, message: 'Only admins can import users.' }),
} as const;
