import { ForbiddenError } from '../graphql/errors.js';
import { isStaff, requireScope, requireSignedIn, requireStaff, type Viewer } from '../auth/viewer.js';
import { Role, type User } from './user.entity.js';
import type { CreateUserInput, UpdateUserInput } from './user.inputs.js';

/**
 * Who may do what to an account. END_USER: only themself, and only name,
 * phone, time zone and language. AGENT: end users (and their own account);
 * never roles, other agents or admins. ADMIN: everything. Tokens add their
 * scopes on top of their creator's role.
 */
const SELF_SERVICE_FIELDS = new Set(['name', 'phone', 'timeZone', 'locale']);
const AGENT_SELF_FORBIDDEN = new Set(['role', 'suspended', 'verified']);

const given = (input: object): string[] => Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);

export function assertCanView(viewer: Viewer, userId: number): void {
  const v = requireSignedIn(viewer);
  requireScope(v, 'users:read');
  if (!isStaff(v.user.role) && v.user.id !== userId) throw new ForbiddenError('You can only see your own account.');
}

/** Before looking up the target of a change: staff (or a token with users:write), or an end user about themself. */
export function assertCanWriteSomeone(viewer: Viewer, userId: number | null): void {
  const v = requireSignedIn(viewer);
  requireScope(v, 'users:write');
  if (!isStaff(v.user.role) && v.user.id !== userId) throw new ForbiddenError('You can only change your own account.');
}

export function assertCanList(viewer: Viewer): void {
  requireStaff(viewer, 'users:read');
}

export function assertCanCreate(viewer: Viewer, input: CreateUserInput): void {
  const v = requireStaff(viewer, 'users:write');
  const role = input.role ?? Role.END_USER;
  if (v.user.role !== Role.ADMIN && role !== Role.END_USER) throw new ForbiddenError('Only admins can add agents and admins.');
}

export function assertCanUpdate(viewer: Viewer, target: User, input: UpdateUserInput): void {
  const v = requireSignedIn(viewer);
  requireScope(v, 'users:write');
  const fields = given(input);
  const self = v.user.id === target.id;
  const roleChange = input.role !== undefined && input.role !== target.role;
  if (v.user.role === Role.ADMIN) {
    if (self && roleChange) throw new ForbiddenError('Admins cannot change their own role; ask another admin.');
    if (self && input.suspended === true) throw new ForbiddenError('You cannot suspend yourself.');
    return;
  }
  if (v.user.role === Role.AGENT) {
    if (roleChange) throw new ForbiddenError('Only admins can change roles.');
    if (self) {
      const bad = fields.find((f) => AGENT_SELF_FORBIDDEN.has(f) && (input as Record<string, unknown>)[f] !== (target as unknown as Record<string, unknown>)[f]);
      if (bad) throw new ForbiddenError(`You cannot change ${bad} on your own account.`);
      return;
    }
    if (target.role !== Role.END_USER) throw new ForbiddenError("Agents cannot edit another agent's or an admin's account.");
    return;
  }
  if (!self) throw new ForbiddenError('You can only change your own account.');
  const bad = fields.find((f) => !SELF_SERVICE_FIELDS.has(f));
  if (bad) throw new ForbiddenError(`You cannot change ${bad}.`);
}

export function assertCanDelete(viewer: Viewer, target: User): void {
  const v = requireStaff(viewer, 'users:write');
  if (v.user.id === target.id) throw new ForbiddenError('You cannot delete your own account.');
  if (v.user.role !== Role.ADMIN && target.role !== Role.END_USER) throw new ForbiddenError('Agents can only delete end users.');
}
