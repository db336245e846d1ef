import { ADMINS, rule } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { msg } from '../i18n/message.js';

/** CSV imports: admins, in the admin app or with a token that has the IMPORT scope. */
export const importPolicy = {
  manage: rule({ name: 'imports.manage', scope: ApiTokenScope.IMPORT, roles: ADMINS, message: msg('imports.adminsImportUsers') }),
} as const;
