import { ADMINS, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { Role } from '../users/role.js';
import { msg } from '../i18n/message.js';

/** What a rule about one list needs to know of it. */
export interface ListTarget {
  ownerId: number;
  shared: boolean;
}

/**
 * Customer lists: agents and admins (tokens: USERS_READ) see their own lists
 * and the shared ones; each person manages their own (tokens: USERS_WRITE, as
 * their creator); admins also manage the shared ones, and only admins share.
 */
export const customerListPolicy = {
  /** customerLists, customerList and every field of a list. */
  read: rule<ListTarget>({
    name: 'customerList.read',
    scope: ApiTokenScope.USERS_READ,
    roles: STAFF,
    message: msg('lists.agentsAdminsSeeCustomer'),
    target: (v, l) => (l.shared || l.ownerId === v.user.id ? null : msg('refusals.listPrivate')),
  }),
  /** Create a list (a shared one: see `share`), and change or delete one. */
  manage: rule<ListTarget>({
    name: 'customerList.manage',
    scope: ApiTokenScope.USERS_WRITE,
    roles: STAFF,
    message: msg('lists.agentsAdminsSaveCustomer'),
    target: (v, l) => {
      if (l.shared) return v.user.role === Role.ADMIN ? null : msg('refusals.onlyAdminsSharedLists');
      return l.ownerId === v.user.id ? null : msg('refusals.listPrivate');
    },
  }),
  share: rule({ name: 'customerList.share', scope: ApiTokenScope.USERS_WRITE, roles: ADMINS, message: msg('lists.adminsShareListsWith') }),
} as const;
