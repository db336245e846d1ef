import { ADMINS, isSelf, isStaffRole, refusal, rule, STAFF, type SignedIn } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { Role } from './role.js';
import type { User } from './user.entity.js';
import type { UserIdentity } from './user-identity.entity.js';
import type { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { msg, type Text } from '../i18n/message.js';

/**
 * Who may do what to an account. END_USER: only themself, and only name,
 * phone, time zone and language. AGENT: end users, and their own account
 * (never its role, suspension or verification); never other agents or admins.
 * ADMIN: everything, except their own role and suspension. A token acts with
 * its creator's role, within its scopes: USERS_READ to read anything about
 * users (ids excepted), USERS_WRITE to change them.
 */
const SELF_SERVICE_FIELDS = new Set(['name', 'phone', 'timeZone', 'locale']);
const { USERS_READ, USERS_WRITE } = ApiTokenScope;

const staff = (v: SignedIn): boolean => isStaffRole(v.user.role);
const given = (input: object): string[] =>
  Object.entries(input)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);

/** Whether `v` may change `target` at all (which fields is the business of the rules below). */
function editRefusal(v: SignedIn, target: Pick<User, 'id' | 'role'>): Text | null {
  if (v.user.role === Role.ADMIN) return null;
  if (v.user.role === Role.AGENT) {
    return isSelf(v, target.id) || target.role === Role.END_USER ? null : msg('refusals.agentsCannotEditStaff');
  }
  return isSelf(v, target.id) ? null : msg('refusals.onlyOwnAccount');
}

function changeRoleRefusal(v: SignedIn, target: User): Text | null {
  if (v.user.role !== Role.ADMIN) return msg('refusals.onlyAdminsChangeRoles');
  return isSelf(v, target.id) ? msg('refusals.adminsCannotChangeOwnRole') : null;
}

function changeSuspendedRefusal(v: SignedIn, target: User): Text | null {
  if (!staff(v)) return msg('refusals.cannotChangeSuspended');
  if (isSelf(v, target.id)) return v.user.role === Role.ADMIN ? msg('refusals.cannotSuspendYourself') : msg('refusals.cannotChangeOwnSuspended');
  return editRefusal(v, target);
}

/** Marking an account or one of its addresses verified: one rule for updateUser, addUserIdentity and verifyUserIdentity. */
function changeVerifiedRefusal(v: SignedIn, target: User): Text | null {
  if (!staff(v)) return msg('refusals.onlyStaffMarkVerified');
  if (v.user.role === Role.AGENT && isSelf(v, target.id)) return msg('refusals.cannotVerifyOwn');
  return editRefusal(v, target);
}

/** A profile's ordinary fields: staff read anyone, others only themself. */
const read = rule<Pick<User, 'id'>>({
  name: 'user.read',
  scope: USERS_READ,
  target: (v, u) => (staff(v) || isSelf(v, u.id) ? null : msg('refusals.onlyOwnAccountSeen')),
});

/** Internal fields: notes, details, tags, external id, suspended, history, custom fields. */
const readPrivate = rule<Pick<User, 'id'>>({
  name: 'user.readPrivate',
  scope: USERS_READ,
  roles: STAFF,
  message: msg('users.agentsAdminsSeeField'),
});

/**
 * The fields the User type guards with readPrivate, by the names versions, merges and
 * conflicts give them (custom fields are `fields.<key>`). Every other field is read's.
 */
const PRIVATE_FIELDS = new Set(['externalId', 'details', 'notes', 'suspended', 'tags', 'lastSignInAt', 'invitedAt']);
export const isPrivateUserField = (field: string): boolean => PRIVATE_FIELDS.has(field) || field.startsWith('fields.');

export const userPolicy = {
  read,
  readPrivate,
  /**
   * One field's value of an account, named as versions and merges name it (a merge
   * preview's values, a CONFLICT's values): the same rule as that field of the User type.
   */
  readField: rule<{ userId: number; field: string }>({
    name: 'user.readField',
    scope: USERS_READ,
    target: (v, { userId, field }) => refusal(v, isPrivateUserField(field) ? readPrivate : read, { id: userId })?.message ?? null,
  }),
  /** Lists and lookups (users, userByEmail, tags), and who owns an address (EMAIL_TAKEN's existingUserId, a shared number's other holder). */
  list: rule({ name: 'users.list', scope: USERS_READ, roles: STAFF, message: msg('users.agentsAdminsListUsers') }),
  /** Naming an account to change, before it is looked up: staff any, others only themself. */
  write: rule<number | null>({
    name: 'user.write',
    scope: USERS_WRITE,
    target: (v, id) => (staff(v) || isSelf(v, id) ? null : msg('refusals.onlyOwnAccount')),
  }),
  create: rule<Pick<CreateUserInput, 'role'>>({
    name: 'user.create',
    scope: USERS_WRITE,
    roles: STAFF,
    message: msg('users.agentsAdminsAddUsers'),
    target: (v, input) => ((input.role ?? Role.END_USER) === Role.END_USER || v.user.role === Role.ADMIN ? null : msg('refusals.onlyAdminsAddStaff')),
  }),
  update: rule<{ user: User; input: UpdateUserInput }>({
    name: 'user.update',
    scope: USERS_WRITE,
    target: (v, { user, input }) => {
      const cannot = editRefusal(v, user);
      if (cannot) return cannot;
      if (!staff(v)) {
        const bad = given(input).find((f) => !SELF_SERVICE_FIELDS.has(f));
        if (bad) return `You cannot change ${bad}.`;
      }
      if (input.role !== undefined && input.role !== user.role) return changeRoleRefusal(v, user);
      if (input.suspended !== undefined && input.suspended !== user.suspended) {
        const why = changeSuspendedRefusal(v, user);
        if (why) return why;
      }
      if (input.verified !== undefined && input.verified !== user.verified) return changeVerifiedRefusal(v, user);
      return null;
    },
  }),
  changeRole: rule<User>({ name: 'user.changeRole', scope: USERS_WRITE, target: (v, u) => editRefusal(v, u) ?? changeRoleRefusal(v, u) }),
  changeSuspended: rule<User>({ name: 'user.changeSuspended', scope: USERS_WRITE, target: changeSuspendedRefusal }),
  changeVerified: rule<User>({ name: 'user.changeVerified', scope: USERS_WRITE, target: changeVerifiedRefusal }),
  delete: rule<User>({
    name: 'user.delete',
    scope: USERS_WRITE,
    roles: STAFF,
    message: msg('users.agentsAdminsDeleteUsers'),
    target: (v, u) => {
      if (isSelf(v, u.id)) return msg('refusals.cannotDeleteOwn');
      if (v.user.role === Role.ADMIN) return null;
      if (u.role !== Role.END_USER) return msg('refusals.agentsDeleteEndUsersOnly');
      // Closed unless known to be open: a viewer made without the settings (a future path) cannot delete.
      return v.agentsMayDeleteUsers !== true ? msg('refusals.onlyAdminsDeleteHere') : null;
    },
  }),
  /** Deleted customers: the list and restoring one (whoever may delete end users). */
  deletedList: rule({ name: 'users.deletedList', scope: USERS_READ, roles: STAFF, message: msg('users.agentsAdminsSeeDeleted') }),
  restore: rule({ name: 'user.restore', scope: USERS_WRITE, roles: STAFF, message: msg('users.agentsAdminsRestoreDeleted') }),
  /**
   * Bulk actions (bulkUpdateUsers, bulkDeleteUsers) and reading their answer: the counts and failures only echo the
   * ids the caller gave (a filter needs `list` too, checked when the filter is read), so acting is enough to read them.
   */
  bulk: rule({ name: 'users.bulk', scope: USERS_WRITE, roles: STAFF, message: msg('users.agentsAdminsActOn') }),
  /** Merging two end users' accounts: staff. */
  merge: rule({ name: 'users.merge', scope: USERS_WRITE, roles: STAFF, message: msg('users.agentsAdminsMergeAccounts') }),
  /** Erasing someone's personal data for good: admins. */
  erase: rule({ name: 'user.erase', scope: USERS_WRITE, roles: ADMINS, message: msg('users.adminsDeleteCustomerPermanently') }),
  /** Admins set the password of someone else (their own goes through changePassword, which asks for the current one). */
  setPassword: rule<User>({
    name: 'user.setPassword',
    sessionOnly: true,
    roles: ADMINS,
    message: msg('tokens.adminSignedInAccueil'),
    target: (v, u) => (isSelf(v, u.id) ? msg('refusals.ownPasswordWithChange') : null),
  }),
  /** Admins lift the sign-in locks of an account (after failed passwords). */
  unlock: rule<User>({
    name: 'user.unlock',
    sessionOnly: true,
    roles: ADMINS,
    message: msg('tokens.adminSignedInAccueil'),
  }),
  /** One of someone's addresses: staff see anyone's, others only their own. */
  readIdentity: rule<Pick<UserIdentity, 'userId'>>({
    name: 'identity.read',
    scope: USERS_READ,
    target: (v, i) => (staff(v) || isSelf(v, i.userId) ? null : msg('refusals.onlyOwnAddresses')),
  }),
  /** Reaching an address to change it (others' addresses are NOT_FOUND, so nobody learns they exist). */
  reachIdentity: rule<Pick<UserIdentity, 'userId'>>({
    name: 'identity.reach',
    scope: USERS_WRITE,
    target: (v, i) => (staff(v) || isSelf(v, i.userId) ? null : 'not yours'),
  }),
  /** Adding, removing or making primary an address: whoever may change the account. */
  changeIdentities: rule<User>({ name: 'identity.change', scope: USERS_WRITE, target: editRefusal }),
  verifyIdentity: rule<User>({ name: 'identity.verify', scope: USERS_WRITE, target: changeVerifiedRefusal }),
  /** End users may make only a verified email primary; staff any address of an account they may change. */
  makeUnverifiedEmailPrimary: rule<User>({
    name: 'identity.makeUnverifiedEmailPrimary',
    scope: USERS_WRITE,
    target: (v, u) => (staff(v) ? editRefusal(v, u) : msg('refusals.onlyVerifiedPrimary')),
  }),
} as const;
