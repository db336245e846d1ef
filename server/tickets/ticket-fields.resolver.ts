import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { connection } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';
import { can, STAFF } from '../auth/policy.js';
import { userPolicy } from '../users/user.policy.js';
import { User } from '../users/user.entity.js';
import { UserTombstone } from '../users/bulk.types.js';
import { TicketEvent, TicketEventConnection } from './ticket-event.types.js';
import type { FieldChange } from '../audit/audit.types.js';
import type { TicketEventAction } from './ticket-enums.js';
import { eventCursor } from '../audit/audit.service.js';
import { SideConversation, SideConversationMessage, Ticket, TicketComment } from './ticket.entity.js';
import { MAX_PEOPLE, TicketCommentConnection, TicketConnection } from './ticket.inputs.js';
import { ticketPolicy } from './ticket.policy.js';
import { commentCursor } from './ticket-reads.js';
import { ticketConnection } from './ticket.resolver.js';

/** Side conversations of one ticket the API lists (a bound for the cost limit). */
const SIDE_CONVERSATIONS_BOUND = 50;
const MESSAGES_BOUND = 200;

const loadUsers = async (ctx: Context, ids: readonly number[]): Promise<User[]> =>
  (await ctx.loaders.users.loadMany([...ids])).filter((u): u is User => u instanceof User || (u !== null && !(u instanceof Error)));

@Resolver(() => Ticket)
export class TicketFieldsResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who the ticket is for; null once the account is deleted or erased (requesterTombstone then says whose it was).',
  })
  @Authorized(ticketPolicy.read)
  requester(@Root() t: Ticket, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.users.load(t.requesterId);
  }

  @FieldResolver(() => UserTombstone, {
    nullable: true,
    description:
      "The requester's account once it is deleted or erased (its id, when, and its external ID, null once erased; " +
      'nothing else of the person): the ticket keeps its requester. Null while the account exists.',
  })
  @Authorized(ticketPolicy.read)
  requesterTombstone(@Root() t: Ticket, @Ctx() ctx: Context): Promise<UserTombstone | null> {
    return ctx.loaders.tombstones.load(t.requesterId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: "Who wrote it in: the requester, or the agent acting for them; null for a token's or mail's.",
  })
  @Authorized(ticketPolicy.read)
  submitter(@Root() t: Ticket, @Ctx() ctx: Context): Promise<User | null> | null {
    return t.submitterId === null ? null : ctx.loaders.users.load(t.submitterId);
  }

  @FieldResolver(() => [User], { description: 'People copied on the ticket, in the order they were added (those added at once by id).' })
  @Authorized(ticketPolicy.read)
  @listSize({ kind: 'bound', max: MAX_PEOPLE * 4 })
  async ccs(@Root() t: Ticket, @Ctx() ctx: Context): Promise<User[]> {
    const ids = t.ccIds ?? (await ctx.tickets.reads.ccIdsOf([t.id])).get(t.id) ?? [];
    return loadUsers(ctx, ids);
  }

  @FieldResolver(() => TicketCommentConnection, {
    description: 'The conversation, oldest first: public comments, and internal notes for agents and admins.',
  })
  @Authorized(ticketPolicy.read)
  @listSize({ kind: 'page', max: 100 })
  async comments(
    @Root() t: Ticket,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'How many comments to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TicketCommentConnection> {
    const internal = ctx.viewer.kind !== 'anonymous' && STAFF.includes(ctx.viewer.user.role);
    const page = await ctx.tickets.reads.comments(t.id, { first, after }, internal);
    return { ...connection(page, (c) => commentCursor.encode(c.id)), totalCount: page.total };
  }

  @FieldResolver(() => [SideConversation], { description: 'Side conversations about the ticket, oldest first. Agents and admins.' })
  @Authorized(ticketPolicy.list)
  @listSize({ kind: 'bound', max: SIDE_CONVERSATIONS_BOUND })
  sideConversations(@Root() t: Ticket, @Ctx() ctx: Context): Promise<SideConversation[]> {
    return ctx.loaders.sideConversations.load(t.id);
  }

  @FieldResolver(() => TicketEventConnection, { description: 'The history of the ticket, newest first. Agents and admins.' })
  @Authorized(ticketPolicy.list)
  @listSize({ kind: 'page', max: 100 })
  async events(
    @Root() t: Ticket,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'How many entries to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TicketEventConnection> {
    const page = await ctx.audit.forSubject<TicketEventAction>('ticket', t.id, { first, after });
    return { ...connection(page, (e) => eventCursor.encode(e.id)), totalCount: page.total };
  }
}

/** The fields of a ticket's history whose values are people's names (the requester, the CCs, a side conversation's participants). */
const PEOPLE_FIELDS: ReadonlySet<string> = new Set(['requester', 'ccs', 'participants']);

@Resolver(() => TicketEvent)
export class TicketEventResolver {
  /**
   * A ticket's history names the people in it: a name is something about a user, read only by
   * those who may read users (a token needs USERS_READ, as for `requester`, `ccs` and
   * `TicketComment.authorName`). For the others such a change keeps its field and shows no
   * values: `redacted`, as notes are.
   */
  @FieldResolver()
  changes(@Root() e: TicketEvent, @Ctx() ctx: Context): FieldChange[] {
    if (!e.changes.some((c) => PEOPLE_FIELDS.has(c.field)) || can(ctx.viewer, userPolicy.list)) return e.changes;
    return e.changes.map((c) => (PEOPLE_FIELDS.has(c.field) ? { field: c.field, oldValue: null, newValue: null, redacted: true } : c));
  }
}

@Resolver(() => TicketComment)
export class TicketCommentResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who wrote it; null when a token or the system did.' })
  @Authorized(ticketPolicy.readComment)
  author(@Root() c: TicketComment, @Ctx() ctx: Context): Promise<User | null> | null {
    return c.authorId === null ? null : ctx.loaders.users.load(c.authorId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Who wrote it, as anyone who may read the comment sees them: an agent's or admin's alias when they have one, else the name. " +
      'The help center shows it: an end user may not read other accounts (`author`), but may see who answered them. Null when a token or the system wrote it, or the account is gone; for a token without users:read, always null.',
  })
  @Authorized(ticketPolicy.readComment)
  async authorName(@Root() c: TicketComment, @Ctx() ctx: Context): Promise<string | null> {
    if (c.authorId === null) return null;
    // A name is something about a user: a token reads it only with the users' scope, as `author` needs.
    if (ctx.viewer.kind === 'token' && !can(ctx.viewer, userPolicy.list)) return null;
    const author = await ctx.loaders.users.load(c.authorId);
    if (!author) return null;
    return STAFF.includes(author.role) && author.alias?.trim() ? author.alias.trim() : author.name;
  }

  @FieldResolver(() => [String], { description: 'File names of the attachments of the mail it came from (listed, not stored yet).' })
  @Authorized(ticketPolicy.readComment)
  @listSize({ kind: 'bound', max: 100 })
  attachments(@Root() c: TicketComment): string[] {
    return c.attachments ? (JSON.parse(c.attachments) as string[]) : [];
  }
}

@Resolver(() => SideConversation)
export class SideConversationResolver {
  @FieldResolver(() => [User], { description: 'Who the conversation is with.' })
  @Authorized(ticketPolicy.list)
  @listSize({ kind: 'bound', max: MAX_PEOPLE })
  async participants(@Root() s: SideConversation, @Ctx() ctx: Context): Promise<User[]> {
    return loadUsers(ctx, await ctx.loaders.sideConversationParticipants.load(s.id));
  }

  @FieldResolver(() => [SideConversationMessage], { description: 'Its messages, oldest first.' })
  @Authorized(ticketPolicy.list)
  @listSize({ kind: 'bound', max: MESSAGES_BOUND })
  messages(@Root() s: SideConversation, @Ctx() ctx: Context): Promise<SideConversationMessage[]> {
    return ctx.loaders.sideConversationMessages.load(s.id);
  }
}

@Resolver(() => SideConversationMessage)
export class SideConversationMessageResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who wrote it; null when a token or the system did.' })
  @Authorized(ticketPolicy.list)
  author(@Root() msg: SideConversationMessage, @Ctx() ctx: Context): Promise<User | null> | null {
    return msg.authorId === null ? null : ctx.loaders.users.load(msg.authorId);
  }
}

@Resolver(() => User)
export class UserTicketsResolver {
  @FieldResolver(() => TicketConnection, { description: 'Tickets this person requested, newest first. Agents and admins, or the person themself.' })
  @Authorized(ticketPolicy.readOf)
  @listSize({ kind: 'page', max: 100 })
  requestedTickets(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many tickets to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TicketConnection> {
    return ticketConnection(ctx, { first, after }, { requesterId: user.id });
  }

  @FieldResolver(() => TicketConnection, {
    description: 'Tickets this person is copied on, newest first. Agents and admins, or the person themself.',
  })
  @Authorized(ticketPolicy.readOf)
  @listSize({ kind: 'page', max: 100 })
  ccTickets(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many tickets to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TicketConnection> {
    return ticketConnection(ctx, { first, after }, { ccUserId: user.id });
  }
}
