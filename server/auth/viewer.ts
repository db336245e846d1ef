import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';
import { CreatedVia, Role, type User } from '../users/user.entity.js';

export const SCOPES = ['users:read', 'users:write', 'import'] as const;
export type Scope = (typeof SCOPES)[number];

/** Where a change came from, as the audit trail records it. */
export type Source = 'ADMIN_APP' | 'API' | 'IMPORT' | 'SYSTEM';

/** Who is making a request: nobody, a signed-in person, or a partner app's token (acting for its creator). */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'session'; user: User; sessionId: number }
  | { kind: 'token'; user: User; token: { id: number; name: string; scopes: Scope[] } };

/** Who did a write, for createdVia/createdBy and the audit trail. */
export interface Actor {
  userId: number | null;
  tokenId: number | null;
  tokenName: string | null;
  via: CreatedVia;
  source: Source;
}

export const SYSTEM_ACTOR: Actor = { userId: null, tokenId: null, tokenName: null, via: CreatedVia.SYSTEM, source: 'SYSTEM' };

export function actorOf(viewer: Viewer, fromAdminApp: boolean): Actor {
  if (viewer.kind === 'token') {
    return { userId: viewer.user.id, tokenId: viewer.token.id, tokenName: viewer.token.name, via: CreatedVia.API, source: 'API' };
  }
  if (viewer.kind === 'session') {
    const via = viewer.user.role === Role.ADMIN ? CreatedVia.ADMIN : viewer.user.role === Role.AGENT ? CreatedVia.AGENT : CreatedVia.SELF;
    return { userId: viewer.user.id, tokenId: null, tokenName: null, via, source: fromAdminApp ? 'ADMIN_APP' : 'API' };
  }
  return SYSTEM_ACTOR;
}

export const isStaff = (role: Role): boolean => role === Role.AGENT || role === Role.ADMIN;

/** The signed-in person or token creator; UNAUTHENTICATED for nobody. */
export function requireSignedIn(viewer: Viewer): Exclude<Viewer, { kind: 'anonymous' }> {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  return viewer;
}

/** A token may only do what its scopes name; a session is not limited by scopes. */
export function requireScope(viewer: Viewer, scope: Scope): void {
  if (viewer.kind === 'token' && !viewer.token.scopes.includes(scope)) {
    throw new ForbiddenError(`This API token lacks the ${scope} scope.`);
  }
}

/** An agent or admin (through a session, or a token with `scope` whose creator is one). */
export function requireStaff(viewer: Viewer, scope: Scope): Exclude<Viewer, { kind: 'anonymous' }> {
  const v = requireSignedIn(viewer);
  requireScope(v, scope);
  if (!isStaff(v.user.role)) throw new ForbiddenError();
  return v;
}

/** An admin signed in to the admin app: tokens never manage tokens or passwords. */
export function requireAdminSession(viewer: Viewer): Extract<Viewer, { kind: 'session' }> {
  const v = requireSignedIn(viewer);
  if (v.kind !== 'session' || v.user.role !== Role.ADMIN) throw new ForbiddenError('Only an admin signed in to Accueil can do this.');
  return v;
}
