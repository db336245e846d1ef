import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError, RateLimitedError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { User } from '../users/user.entity.js';
import { userPolicy } from '../users/user.policy.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { accountPolicy } from './account.policy.js';
import { authorize } from './policy.js';
import { clearSessionCookie } from './session-cookie.js';
import { startSession } from './start-session.js';
import { deviceEntry, readDeviceEntries, rememberDevice } from './known-device.js';
import { clientOf } from './rate-limiter.js';
import type { SignInClient } from './sign-in.service.js';
import { msg } from '../i18n/message.js';

/** The client as the sign-in limits count it: its address (through trusted proxies only) and its known-device cookie. */
const clientOfRequest = (ctx: Context): SignInClient => ({ address: clientOf(ctx.req.ip), devices: readDeviceEntries(ctx.req) });

/** An account by id, or NOT_FOUND. */
async function userById(ctx: Context, id: string): Promise<User> {
  const n = parseId(id);
  const target = n === null ? null : await ctx.users.findById(n);
  if (!target) throw new NotFoundError(msg('notFound.user', { id }));
  return target;
}

@Resolver()
export class AuthResolver {
  @Query(() => User, {
    nullable: true,
    description:
      'The signed-in user (for an API token: its creator); null when nobody is signed in. Its fields are read with the same rules as `user`.',
  })
  @Authorized(accountPolicy.open)
  me(@Ctx() ctx: Context): User | null {
    return ctx.viewer.kind === 'anonymous' ? null : ctx.viewer.user;
  }

  @Mutation(() => User, { description: 'Signs in with email and password and sets the session cookie. The answer is read as the person signed in.' })
  @Authorized(accountPolicy.open)
  async signIn(
    @Arg('email', () => String, { description: "Any of the account's email addresses." }) email: string,
    @Arg('password', () => String, { description: 'The password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const client = clientOfRequest(ctx);
    const wait = await ctx.signInLimiter.hit(`ip:${client.address}`);
    if (wait > 0) throw new RateLimitedError(wait, msg('auth.tooManySignIn'));
    const { user, device } = await ctx.signIn.verify(email, password, client);
    await startSession(ctx, user);
    rememberDevice(ctx.req, ctx.res, device);
    return user;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (no-op when not signed in).' })
  @Authorized(accountPolicy.open)
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.viewer.kind === 'session') await ctx.sessions.end(ctx.viewer.sessionId);
    clearSessionCookie(ctx.req, ctx.res);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Changes your own password; your other sessions end. Signed in only, never through an API token. Wrong current passwords count as failed sign-ins (and lock the same way).',
  })
  @Authorized(accountPolicy.changePassword)
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The password now.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password: at least 12 characters.' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const v = authorize(ctx.viewer, accountPolicy.changePassword);
    if (v.kind !== 'session') return false; // the rule admits sessions only
    await ctx.signIn.checkCurrentPassword(v.user.id, currentPassword, clientOfRequest(ctx));
    checkPasswordPolicy(newPassword, 'newPassword');
    const hash = await hashPassword(newPassword);
    await ctx.users.setPasswordHash(v.user.id, hash, ctx.actor, v.sessionId);
    // The new password voids this browser's known-device entry: give it a new one.
    rememberDevice(ctx.req, ctx.res, deviceEntry(v.user.id, hash));
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Admins set someone else's password (for people who sign in); that person's sessions end. Signed in only, never through an API token.",
  })
  @Authorized(userPolicy.setPassword)
  async setUserPassword(
    @Arg('id', () => ID, { description: 'The account.' }) id: string,
    @Arg('password', () => String, { description: 'The new password: at least 12 characters.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const target = await userById(ctx, id);
    authorize(ctx.viewer, userPolicy.setPassword, target);
    checkPasswordPolicy(password, 'password');
    await ctx.users.setPasswordHash(target.id, await hashPassword(password), ctx.actor);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Admins lift an account's sign-in locks (after failed passwords), for every client and address; recorded in its history.",
  })
  @Authorized(userPolicy.unlock)
  async unlockUser(@Arg('id', () => ID, { description: 'The account.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    const target = await userById(ctx, id);
    authorize(ctx.viewer, userPolicy.unlock, target);
    await ctx.signIn.unlock(target, ctx.actor);
    return true;
  }
}
