import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { connection } from '../graphql/connection.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { NotFoundError } from '../graphql/errors.js';
import { User } from '../users/user.entity.js';
import type { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { kickOutbox } from '../outbox/outbox.js';
import { mailPolicy } from './mail.policy.js';
import { messageCursor, type MessagePage } from './mail.service.js';
import { OutboxMessageConnection, OutboxMessageView, OutboxStatus, SendUserEmailInput } from './mail.types.js';
import { msg } from '../i18n/message.js';

export function messageView(m: OutboxMessage): OutboxMessageView {
  return {
    id: String(m.id),
    kind: m.kind,
    to: m.recipient,
    subject: m.subject,
    status: m.status as OutboxStatus,
    reason: m.reason,
    attempts: m.attempts,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

const messageConnection = (page: MessagePage): OutboxMessageConnection => ({
  ...connection({ ...page, items: page.items.map(messageView) }, (m) => messageCursor.encode(Number(m.id))),
  totalCount: page.totalCount,
});

@Resolver()
export class MailResolver {
  @Mutation(() => OutboxMessageView, {
    description:
      'Emails a user (a follow-up) at their primary address: queued at once, sent by the outbox; a reserved address is SKIPPED. Agents and admins; a token needs USERS_WRITE. At most FOLLOW_UP_RATE_LIMIT a recipient an hour.',
  })
  @Authorized(mailPolicy.send)
  async sendUserEmail(
    @Arg('userId', () => ID, { description: 'Who to email.' }) userId: string,
    @Arg('input', () => SendUserEmailInput, { description: 'The subject and the text.' }) input: SendUserEmailInput,
    @Ctx() ctx: Context,
  ): Promise<OutboxMessageView> {
    const id = parseId(userId);
    if (id === null) throw new NotFoundError(msg('notFound.user', { id: userId }));
    const message = await ctx.mail.sendUserEmail(id, input);
    kickOutbox(0);
    return messageView(message);
  }

  @Query(() => OutboxMessageConnection, {
    description: 'Every email the desk queued, newest first; `status` narrows the list. Admins; a token needs USERS_READ.',
  })
  @Authorized(mailPolicy.outbox)
  @listSize({ kind: 'page', max: 100 })
  async outbox(
    @Arg('status', () => OutboxStatus, { nullable: true, description: 'Only messages in this state.' }) status: OutboxStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many messages to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<OutboxMessageConnection> {
    return messageConnection(await ctx.mail.outbox(status ?? null, { first, after }));
  }
}

@Resolver(() => User)
export class UserMessagesResolver {
  @FieldResolver(() => OutboxMessageConnection, { description: 'The emails sent (or being sent) to this person, newest first. Agents and admins.' })
  @Authorized(mailPolicy.readMessages)
  @listSize({ kind: 'page', max: 100 })
  async messages(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many messages to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<OutboxMessageConnection> {
    return messageConnection(await ctx.mail.messagesOf(user.id, { first, after }));
  }
}
