import { ADMINS, isStaffRole, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import type { Organization } from './organization.entity.js';
import { msg } from '../i18n/message.js';

/**
 * Organizations: agents and admins read them and put people in them; admins
 * add, change and delete them. An end user sees the id and name of their own.
 * Tokens: USERS_READ to read, USERS_WRITE (an admin's token) to manage.
 */
export const organizationPolicy = {
  /** Its name, domains and user count: staff, or an end user who belongs to it. */
  read: rule<Pick<Organization, 'id'>>({
    name: 'organization.read',
    scope: ApiTokenScope.USERS_READ,
    target: (v, org) => (isStaffRole(v.user.role) || v.user.organizationId === org.id ? null : msg('refusals.onlyStaffSeeOrganizations')),
  }),
  /** Lists and lookups, internal fields (details, notes, tags, external id) and its users. */
  list: rule({
    name: 'organizations.list',
    scope: ApiTokenScope.USERS_READ,
    roles: STAFF,
    message: msg('organizations.agentsAdminsSeeOrganizations'),
  }),
  manage: rule({
    name: 'organizations.manage',
    scope: ApiTokenScope.USERS_WRITE,
    roles: ADMINS,
    message: msg('organizations.adminsAddChangeDelete'),
  }),
} as const;
