import { ForbiddenError, UnauthenticatedError } from '../graphql/errors.js';
import { Role } from '../users/role.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import type { Viewer } from './viewer.js';
import { msg, type Text } from '../i18n/message.js';

/**
 * Who may do what, declared as data. Each feature keeps its rules in its own
 * policy module (users/user.policy.ts, organizations/organization.policy.ts,
 * fields/user-field.policy.ts, tokens/api-token.policy.ts, auth/account.policy.ts)
 * and uses them in one of two ways, both going through `refusal` below:
 *
 * - `@Authorized(rule)` on a query, a mutation or a type's field: the one auth
 *   checker (auth-checker.ts) applies it. On a type's field the rule's target
 *   is the object being read (the user whose notes are asked for), so a rule on
 *   a type holds however it is reached: a query, a mutation's payload, a
 *   nested field.
 * - `authorize(viewer, rule, target)` in a resolver, once the target is known
 *   (the user an update is about, with its input).
 *
 * `can(viewer, rule, target)` answers the same question as a boolean: it is
 * what `viewerCan` hands to the admin app, so the client never repeats a rule.
 */

/** Someone signed in: a person through a session, or an API token acting for its creator. */
export type SignedIn = Exclude<Viewer, { kind: 'anonymous' }>;

export const STAFF: readonly Role[] = [Role.AGENT, Role.ADMIN];
export const ADMINS: readonly Role[] = [Role.ADMIN];

export interface Rule<T = void> {
  /** What the rule is about, e.g. `user.update`. */
  readonly name: string;
  /** Anyone may, signed in or not. */
  readonly open?: boolean;
  /** An API token needs this scope (sessions are not limited by scopes). */
  readonly scope?: ApiTokenScope;
  /** The person's role (for a token: its creator's) must be one of these. */
  readonly roles?: readonly Role[];
  /** Only someone signed in to Accueil: tokens never may. */
  readonly sessionOnly?: boolean;
  /** The refusal when the role or session part fails. */
  readonly message?: Text;
  /** The part that depends on what is asked about: a refusal, or null when allowed. */
  readonly target?: (viewer: SignedIn, target: T) => Text | null;
}

export const rule = <T = void>(r: Rule<T>): Rule<T> => r;

/**
 * The same rule, checked on an object that leads to its target: `pick` finds
 * what the rule is about (a merge preview's source account, the account a
 * value belongs to). For `@Authorized` on a type whose objects are not the
 * rule's own target; the rule's scope, roles and message stay as they are.
 */
export const about = <T, R>(r: Rule<T>, pick: (root: R) => T): Rule<R> => {
  const check = r.target;
  return { ...r, target: check && ((v, root) => check(v, pick(root))) };
};

export interface Refusal {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: Text;
}

const SCOPE_NAMES = new Map(Object.entries(ApiTokenScope).map(([name, value]) => [value, name]));

/** Why `viewer` may not do what `r` says (to `target` when given), or null when allowed. */
export function refusal<T>(viewer: Viewer, r: Rule<T>, ...target: [] | [T]): Refusal | null {
  if (r.open) return null;
  if (viewer.kind === 'anonymous') return { code: 'UNAUTHENTICATED', message: msg('common.signInFirst') };
  const forbidden = (message: Text): Refusal => ({ code: 'FORBIDDEN', message });
  if (r.sessionOnly && viewer.kind !== 'session') return forbidden(r.message ?? msg('common.sessionOnly'));
  if (r.scope !== undefined && viewer.kind === 'token' && !viewer.token.scopes.includes(r.scope)) {
    return forbidden(msg('common.tokenLacksScope', { scope: String(SCOPE_NAMES.get(r.scope)) }));
  }
  if (r.roles && !r.roles.includes(viewer.user.role)) return forbidden(r.message ?? msg('common.notAllowed'));
  if (target.length === 1 && r.target) {
    const why = r.target(viewer, target[0] as T);
    if (why !== null) return forbidden(why);
  }
  return null;
}

export function can<T>(viewer: Viewer, r: Rule<T>, ...target: [] | [T]): boolean {
  return refusal(viewer, r, ...target) === null;
}

export function refusalError(why: Refusal): Error {
  return why.code === 'UNAUTHENTICATED' ? new UnauthenticatedError(why.message) : new ForbiddenError(why.message);
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless `viewer` may; returns the signed-in viewer. */
export function authorize<T>(viewer: Viewer, r: Rule<T>, ...target: [] | [T]): SignedIn {
  const why = refusal(viewer, r, ...target);
  if (why) throw refusalError(why);
  return viewer as SignedIn;
}

/** Helpers the policy modules share. */
export const isStaffRole = (role: Role): boolean => STAFF.includes(role);
export const isSelf = (viewer: SignedIn, userId: number | null | undefined): boolean => viewer.user.id === userId;

/** For fields anyone who reaches the object may read (its id). */
export const OPEN = rule({ name: 'open', open: true });
