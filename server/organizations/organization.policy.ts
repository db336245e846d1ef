import { ADMINS, isStaffRole, refusal, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import type { Organization } from './organization.entity.js';
import { msg } from '../i18n/message.js';

/**
 * Organizations: agents and admins read them and put people in them; admins
 * add, change and delete them. An end user sees the id and name of their own.
 * Tokens: USERS_READ to read, USERS_WRITE (an admin's token) to manage.
 */
/** Its name, domains and user count: staff, or an end user who belongs to it. */
const read = rule<Pick<Organization, 'id'>>({
  name: 'organization.read',
  scope: ApiTokenScope.USERS_READ,
  target: (v, org) => (isStaffRole(v.user.role) || v.user.organizationId === org.id ? null : msg('refusals.onlyStaffSeeOrganizations')),
});

/** Lists and lookups, internal fields (details, notes, tags, external id) and its users. */
const list = rule({
  name: 'organizations.list',
  scope: ApiTokenScope.USERS_READ,
  roles: STAFF,
  message: msg('organizations.agentsAdminsSeeOrganizations'),
});

/** The fields the Organization type guards with `list`, by the names versions give them. */
const INTERNAL_FIELDS = new Set(['details', 'notes', 'externalId', 'tags', 'version']);

export const organizationPolicy = {
  read,
  list,
  /** One field's value of an organization, named as versions name it (a CONFLICT's values): the same rule as that field of the type. */
  readField: rule<{ organizationId: number; field: string }>({
    name: 'organization.readField',
    scope: ApiTokenScope.USERS_READ,
    target: (v, { organizationId, field }) =>
      (INTERNAL_FIELDS.has(field) ? refusal(v, list) : refusal(v, read, { id: organizationId }))?.message ?? null,
  }),
  manage: rule({
    name: 'organizations.manage',
    scope: ApiTokenScope.USERS_WRITE,
    roles: ADMINS,
    message: msg('organizations.adminsAddChangeDelete'),
  }),
} as const;
