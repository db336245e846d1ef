import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError, RateLimitedError } from '../graphql/errors.js';
import { doorPolicy } from './door.policy.js';
import { withAnswerFloor } from './answer-floor.js';
import { parseId } from '../graphql/ids.js';
import { authorize, can, OPEN } from '../auth/policy.js';
import { clientOf } from '../auth/rate-limiter.js';
import { startSession } from '../auth/start-session.js';
import { User } from '../users/user.entity.js';
import { userPolicy } from '../users/user.policy.js';
import { TicketComment } from '../tickets/ticket.entity.js';
import { ticketPolicy } from '../tickets/ticket.policy.js';
import { ticketBody } from '../tickets/ticket-text.js';
import { TicketVia } from '../tickets/ticket-enums.js';
import { AccountLinkInfo, AccountLinkPurpose, AccountLinkState, SignUpInput, SignUpPayload } from './door.types.js';
import { msg } from '../i18n/message.js';

/** Public help-center calls count against REQUEST_RATE_LIMIT per client address, apart from the web form's. */
async function limit(ctx: Context, what: string): Promise<void> {
  const wait = await ctx.requestLimiter.hit(`door:${what}:${clientOf(ctx.req.ip)}`);
  if (wait > 0) throw new RateLimitedError(wait, msg('door.tooManyRequestsFrom'));
}

/** Answers that must not tell, by their time, whether an address has an account: no sooner than DOOR_ANSWER_MS. */
const floored = <T>(ctx: Context, work: () => Promise<T>): Promise<T> => withAnswerFloor(ctx.config.doorAnswerMs, work);

/** The end users' door: sign up, mailed links, password reset, and a signed-in person's reply on their request. */
@Resolver()
export class DoorResolver {
  @Mutation(() => SignUpPayload, {
    description:
      'Signs up in the help center (when helpCenterSignUp is on): a link to confirm the address and choose a password is mailed. The answer is the same whether the address had an account or not. Rate-limited per client.',
  })
  @Authorized(OPEN)
  async signUp(@Arg('input', () => SignUpInput, { description: 'Name and email.' }) input: SignUpInput, @Ctx() ctx: Context): Promise<SignUpPayload> {
    return floored(ctx, async () => {
      await limit(ctx, 'sign-up');
      await ctx.door.signUp(input);
      return { received: true };
    });
  }

  @Query(() => AccountLinkInfo, { description: 'Whether a mailed link still works (the page says so before asking for a password). Open to anyone.' })
  @Authorized(OPEN)
  async accountLink(
    @Arg('token', () => String, { description: 'The part of the link after /verify/ or /help/reset/.' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<AccountLinkInfo> {
    const r = await ctx.door.linkState(token);
    return { state: r.state as AccountLinkState, purpose: r.purpose as AccountLinkPurpose | null };
  }

  @Mutation(() => User, {
    description:
      'Follows a mailed link with the password the person chose: the address is verified, the password set, the link used up, and the person signed in (session cookie). An expired, used or forged link is BAD_USER_INPUT on token with reason EXPIRED, USED or INVALID.',
  })
  @Authorized(OPEN)
  async useAccountLink(
    @Arg('token', () => String, { description: 'The link’s token.' }) token: string,
    @Arg('password', () => String, { description: 'The new password: at least 12 characters.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    await limit(ctx, 'link');
    const user = await ctx.door.useLink(token, password);
    await startSession(ctx, user);
    return user;
  }

  @Mutation(() => Boolean, {
    description: 'Mails a new link like an expired or used one, to the same address. Always true. Rate-limited per client.',
  })
  @Authorized(OPEN)
  async renewAccountLink(@Arg('token', () => String, { description: 'The old link’s token.' }) token: string, @Ctx() ctx: Context): Promise<boolean> {
    await limit(ctx, 'link');
    await ctx.door.renewLink(token);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a password-reset link to the owner of an address, if there is one. Always true (never tells whether the address has an account). Rate-limited per client.',
  })
  @Authorized(OPEN)
  async requestPasswordReset(
    @Arg('email', () => String, { description: 'Any of the account’s addresses.' }) email: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return floored(ctx, async () => {
      await limit(ctx, 'reset');
      await ctx.door.requestPasswordReset(email);
      return true;
    });
  }

  @Mutation(() => Boolean, {
    description: "Mails a new verification link to someone's primary address (staff: agents for end users, admins anyone).",
  })
  @Authorized(userPolicy.verifyIdentity)
  async resendVerification(@Arg('userId', () => ID, { description: 'The account.' }) userId: string, @Ctx() ctx: Context): Promise<boolean> {
    const n = parseId(userId);
    const target = n === null ? null : await ctx.users.findById(n);
    if (!target) throw new NotFoundError(msg('notFound.user', { id: userId }));
    authorize(ctx.viewer, userPolicy.verifyIdentity, target);
    // Again on the row as locked: a role changed since the read must not let an agent mail staff a link that sets a password.
    await ctx.door.resendVerification(target, (locked) => authorize(ctx.viewer, userPolicy.verifyIdentity, locked));
    return true;
  }

  @Mutation(() => TicketComment, {
    description:
      'A reply from the help center: a public comment by the person signed in on a ticket they requested or are copied on (reopens a pending or solved one).',
  })
  @Authorized(doorPolicy.reply)
  async replyToMyRequest(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string,
    @Arg('body', () => String, { description: 'The reply, up to 65,535 characters.' }) body: string,
    @Ctx() ctx: Context,
  ): Promise<TicketComment> {
    const n = parseId(ticketId);
    const ticket = n === null ? null : await ctx.tickets.reads.findById(n);
    // Someone else's ticket answers as a missing one: which ids exist is not theirs to learn.
    if (!ticket || !can(ctx.viewer, ticketPolicy.read, ticket)) throw new NotFoundError(msg('notFound.ticket', { ticketId }));
    const text = ticketBody(body, 'body', 'Reply');
    const r = await ctx.tickets.addComment(
      ticket.id,
      { body: text, public: true, via: TicketVia.WEB_FORM, author: authorize(ctx.viewer, doorPolicy.reply).user.id },
      ctx.actor,
    );
    return r.result;
  }
}
