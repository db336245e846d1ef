import { CreatedVia, Role } from '../users/role.js';
import type { User } from '../users/user.entity.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { AuditSource } from '../audit/audit.types.js';

export { SCOPES } from '../tokens/api-token-scope.js';
export type Scope = ApiTokenScope;

/** Where a change came from, as the audit trail records it. */
export type Source = AuditSource;

/** Who is making a request: nobody, a signed-in person, or a partner app's token (acting for its creator). */
/** What the desk's settings allow an agent (read when the viewer is an agent; absent: the defaults). */
export interface AgentAllowances {
  /** Settings.agentsMayDeleteUsers. */
  agentsMayDeleteUsers?: boolean;
}

export type Viewer =
  | { kind: 'anonymous' }
  | ({ kind: 'session'; user: User; sessionId: number } & AgentAllowances)
  | ({ kind: 'token'; user: User; token: { id: number; name: string; scopes: Scope[] } } & AgentAllowances);

/** Who did a write, for createdVia/createdBy and the audit trail. */
export interface Actor {
  userId: number | null;
  tokenId: number | null;
  tokenName: string | null;
  via: CreatedVia;
  source: Source;
}

export const SYSTEM_ACTOR: Actor = { userId: null, tokenId: null, tokenName: null, via: CreatedVia.SYSTEM, source: AuditSource.SYSTEM };

/**
 * The actor of a request's writes. The audit source follows the credential,
 * nothing else: a session (someone signed in, which is how the admin app
 * talks to the API) is ADMIN_APP, an API token is API.
 */
export function actorOf(viewer: Viewer): Actor {
  if (viewer.kind === 'token') {
    return { userId: viewer.user.id, tokenId: viewer.token.id, tokenName: viewer.token.name, via: CreatedVia.API, source: AuditSource.API };
  }
  if (viewer.kind === 'session') {
    const via = viewer.user.role === Role.ADMIN ? CreatedVia.ADMIN : viewer.user.role === Role.AGENT ? CreatedVia.AGENT : CreatedVia.SELF;
    return { userId: viewer.user.id, tokenId: null, tokenName: null, via, source: AuditSource.ADMIN_APP };
  }
  return SYSTEM_ACTOR;
}
