// What the signed-in person may do, to hide what they cannot. The server is
// the guard; these mirror its rules (server/users/user-policy.ts).
import { inOrder } from '../graphql/enum-order';
import { Role, type IdentityDetailsFragment, type ViewerFragment } from '../graphql/generated/graphql';

/** The roles, in the order the role select lists them. */
export const ROLES = inOrder(Role, ['END_USER', 'AGENT', 'ADMIN']);

/** The user a rule is about. */
type Target = Pick<ViewerFragment, 'id' | 'role'>;

export function isStaff(role: Role | undefined): boolean {
  return role === 'AGENT' || role === 'ADMIN';
}

export function isAdmin(viewer: ViewerFragment | null): boolean {
  return viewer?.role === 'ADMIN';
}

/** Admins edit anyone; agents edit end users and themselves; end users only themselves. */
export function canEditUser(viewer: ViewerFragment | null, target: Target): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'AGENT') return target.id === viewer.id || target.role === 'END_USER';
  return target.id === viewer.id;
}

/** Only admins see the role select; nobody changes their own role. */
export function canSeeRoleSelect(viewer: ViewerFragment | null): boolean {
  return isAdmin(viewer);
}
export function canChangeRole(viewer: ViewerFragment | null, target: Target): boolean {
  return isAdmin(viewer) && target.id !== viewer?.id;
}

/** Verified: admins on anyone, agents on end users (not on themselves). */
export function canChangeVerified(viewer: ViewerFragment | null, target: Target): boolean {
  if (!viewer || !canEditUser(viewer, target)) return false;
  return viewer.role === 'ADMIN' || (viewer.role === 'AGENT' && target.id !== viewer.id);
}

/** Suspended: nobody on themselves; admins on anyone else, agents on end users. */
export function canChangeSuspended(viewer: ViewerFragment | null, target: Target): boolean {
  if (!viewer || target.id === viewer.id) return false;
  return canEditUser(viewer, target) && isStaff(viewer.role);
}

/** Admins delete anyone but themselves; agents delete end users. */
export function canDeleteUser(viewer: ViewerFragment | null, target: Target): boolean {
  if (!viewer || target.id === viewer.id) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'AGENT' && target.role === 'END_USER';
}

/** Admins set the password of agents and admins (who sign in), other than their own. */
export function canSetPassword(viewer: ViewerFragment | null, target: Target): boolean {
  return isAdmin(viewer) && target.id !== viewer?.id && isStaff(target.role);
}

/** Custom user fields: admins define, reorder and delete them; agents fill them in on profiles. */
export function canManageUserFields(viewer: ViewerFragment | null): boolean {
  return isAdmin(viewer);
}

/** Organizations: staff see them; admins add, change and delete them. */
export function canManageOrganizations(viewer: ViewerFragment | null): boolean {
  return isAdmin(viewer);
}

/** Marking an email address or phone number verified: as for the account's Verified flag. */
export function canVerifyIdentity(viewer: ViewerFragment | null, target: Target): boolean {
  return canChangeVerified(viewer, target);
}

/** Making one primary: whoever edits the user; an end user only a verified email. */
export function canMakeIdentityPrimary(
  viewer: ViewerFragment | null,
  target: Target,
  identity: Pick<IdentityDetailsFragment, 'type' | 'verified'>,
): boolean {
  if (!viewer || !canEditUser(viewer, target)) return false;
  return isStaff(viewer.role) || identity.type !== 'EMAIL' || identity.verified;
}
