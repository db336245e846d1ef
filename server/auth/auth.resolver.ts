import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { ForbiddenError, NotFoundError, RateLimitedError } from '../graphql/errors.js';
import { User } from '../users/user.entity.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { requireAdminSession, requireSignedIn } from './viewer.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { deviceEntry, readDeviceEntries, rememberDevice } from './known-device.js';
import { clientOf } from './rate-limiter.js';
import type { SignInClient } from './sign-in.service.js';

/** The client as the sign-in limits count it: its address (through trusted proxies only) and its known-device cookie. */
const clientOfRequest = (ctx: Context): SignInClient => ({ address: clientOf(ctx.req.ip), devices: readDeviceEntries(ctx.req) });

/** An account by id, or NOT_FOUND. */
async function userById(ctx: Context, id: string): Promise<User> {
  const target = /^\d{1,15}$/.test(id) ? await ctx.users.findById(Number(id)) : null;
  if (!target) throw new NotFoundError(`User ${id}`);
  return target;
}

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user (for an API token: its creator); null when nobody is signed in.' })
  me(@Ctx() ctx: Context): User | null {
    return ctx.viewer.kind === 'anonymous' ? null : ctx.viewer.user;
  }

  @Mutation(() => User, { description: 'Signs in with email and password and sets the session cookie.' })
  async signIn(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<User> {
    const client = clientOfRequest(ctx);
    const wait = ctx.signInLimiter.hit(`ip:${client.address}`);
    if (wait > 0) throw new RateLimitedError(wait, 'Too many sign-in attempts from this address. Try again later.');
    const { user, device } = await ctx.signIn.verify(email, password, client);
    const { secret, session } = await ctx.sessions.create(user.id, { ip: ctx.req.ip, userAgent: ctx.req.headers['user-agent'] });
    setSessionCookie(ctx.req, ctx.res, secret, session.expiresAt);
    rememberDevice(ctx.req, ctx.res, device);
    return user;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (no-op when not signed in).' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.viewer.kind === 'session') await ctx.sessions.end(ctx.viewer.sessionId);
    clearSessionCookie(ctx.req, ctx.res);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Changes your own password; your other sessions end. Wrong current passwords count as failed sign-ins (and lock the same way).',
  })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const v = requireSignedIn(ctx.viewer);
    if (v.kind !== 'session') throw new ForbiddenError('Passwords are changed by the person, not by an API token.');
    await ctx.signIn.checkCurrentPassword(v.user.id, currentPassword, clientOfRequest(ctx));
    checkPasswordPolicy(newPassword, 'newPassword');
    const hash = await hashPassword(newPassword);
    await ctx.users.setPasswordHash(v.user.id, hash, ctx.actor, v.sessionId);
    // The new password voids this browser's known-device entry: give it a new one.
    rememberDevice(ctx.req, ctx.res, deviceEntry(v.user.id, hash));
    return true;
  }

  @Mutation(() => Boolean, { description: "Admins set someone's password (for agents and admins who sign in); their sessions end." })
  async setUserPassword(@Arg('id', () => ID) id: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<boolean> {
    requireAdminSession(ctx.viewer);
    const target = await userById(ctx, id);
    checkPasswordPolicy(password, 'password');
    await ctx.users.setPasswordHash(target.id, await hashPassword(password), ctx.actor);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Admins lift an account's sign-in locks (after failed passwords), for every client and address; recorded in its history.",
  })
  async unlockUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    requireAdminSession(ctx.viewer);
    await ctx.signIn.unlock(await userById(ctx, id), ctx.actor);
    return true;
  }
}
