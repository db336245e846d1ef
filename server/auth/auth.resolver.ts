import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { ForbiddenError, NotFoundError, RateLimitedError, UserInputError } from '../graphql/errors.js';
import { User } from '../users/user.entity.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { requireAdminSession, requireSignedIn } from './viewer.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user (for an API token: its creator); null when nobody is signed in.' })
  me(@Ctx() ctx: Context): User | null {
    return ctx.viewer.kind === 'anonymous' ? null : ctx.viewer.user;
  }

  @Mutation(() => User, { description: 'Signs in with email and password and sets the session cookie.' })
  async signIn(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<User> {
    const wait = ctx.signInLimiter.hit(`ip:${ctx.req.ip ?? 'unknown'}`);
    if (wait > 0) throw new RateLimitedError(wait, 'Too many sign-in attempts from this address. Try again later.');
    const user = await ctx.signIn.verify(email, password);
    const { secret, session } = await ctx.sessions.create(user.id, { ip: ctx.req.ip, userAgent: ctx.req.headers['user-agent'] });
    setSessionCookie(ctx.req, ctx.res, secret, session.expiresAt);
    return user;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (no-op when not signed in).' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.viewer.kind === 'session') await ctx.sessions.end(ctx.viewer.sessionId);
    clearSessionCookie(ctx.req, ctx.res);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes your own password; your other sessions end.' })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const v = requireSignedIn(ctx.viewer);
    if (v.kind !== 'session') throw new ForbiddenError('Passwords are changed by the person, not by an API token.');
    const hash = await ctx.users.passwordHashOf(v.user.id);
    if (!hash || !(await verifyPassword(currentPassword, hash))) throw new UserInputError('currentPassword', 'The current password is not right.');
    checkPasswordPolicy(newPassword, 'newPassword');
    await ctx.users.setPasswordHash(v.user.id, await hashPassword(newPassword), ctx.actor, v.sessionId);
    return true;
  }

  @Mutation(() => Boolean, { description: "Admins set someone's password (for agents and admins who sign in); their sessions end." })
  async setUserPassword(@Arg('id', () => ID) id: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<boolean> {
    requireAdminSession(ctx.viewer);
    const target = /^\d{1,15}$/.test(id) ? await ctx.users.findById(Number(id)) : null;
    if (!target) throw new NotFoundError(`User ${id}`);
    checkPasswordPolicy(password, 'password');
    await ctx.users.setPasswordHash(target.id, await hashPassword(password), ctx.actor);
    return true;
  }
}
