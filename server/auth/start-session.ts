import type { Context } from '../graphql/context.js';
import type { User } from '../users/user.entity.js';
import { setSessionCookie } from './session-cookie.js';
import { actorOf } from './viewer.js';
import { agentAllowances } from './agent-allowances.js';

/** Signs `user` in on this request: a new session, its cookie, and the rest of the request is theirs. */
export async function startSession(ctx: Context, user: User): Promise<void> {
  const { secret, session } = await ctx.sessions.create(user.id, { ip: ctx.req.ip, userAgent: ctx.req.headers['user-agent'] });
  setSessionCookie(ctx.req, ctx.res, secret, session.expiresAt);
  ctx.viewer = { kind: 'session', user, sessionId: session.id, ...(await agentAllowances(ctx.settings, user)) };
  ctx.actor = actorOf(ctx.viewer);
  const now = new Date();
  await ctx.users.recordSignIn(user.id, now);
  user.lastSignInAt = now;
}
