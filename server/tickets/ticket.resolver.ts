import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { withAnswerFloor } from '../door/answer-floor.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { connection } from '../graphql/connection.js';
import { can } from '../auth/policy.js';
import { CreatedVia } from '../users/role.js';
import { Ticket } from './ticket.entity.js';
import { TicketStatus, TicketVia } from './ticket-enums.js';
import {
  AddSideConversationMessageInput,
  AddSideConversationMessagePayload,
  AddTicketCommentInput,
  AddTicketCommentPayload,
  CreateTicketInput,
  CreateTicketPayload,
  MAX_PEOPLE,
  StartSideConversationInput,
  StartSideConversationPayload,
  SubmitRequestInput,
  SubmitRequestPayload,
  TicketCcPayload,
  TicketConnection,
  UpdateTicketInput,
  UserRefInput,
} from './ticket.inputs.js';
import { ticketPolicy } from './ticket.policy.js';
import { atMost, checkRef } from './ticket-people.js';
import { ticketCursor, type TicketFilter } from './ticket-reads.js';
import { ticketBody, ticketSubject } from './ticket-text.js';
import { submitRequest } from './submit-request.js';
import { msg } from '../i18n/message.js';

function ticketId(id: string): number {
  const n = parseId(id);
  if (n === null) throw new NotFoundError(msg('notFound.ticket', { ticketId: id }));
  return n;
}

/** Tickets made by someone signed in come in as AGENT, by a token as API. */
const viaOf = (ctx: Context): TicketVia => (ctx.viewer.kind === 'token' ? TicketVia.API : TicketVia.AGENT);
const authorOf = (ctx: Context): number | null => (ctx.viewer.kind === 'session' ? ctx.viewer.user.id : null);

/** A page of tickets as a connection. */
export async function ticketConnection(
  ctx: Context,
  req: { first: number | null; after: string | null },
  filter: TicketFilter,
): Promise<TicketConnection> {
  const page = await ctx.tickets.reads.page(req, filter);
  return { ...connection(page, (t) => ticketCursor.encode(t.id)), totalCount: await ctx.tickets.reads.count(filter) };
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, {
    nullable: true,
    description:
      'One ticket, or null when there is none with this id. End users may read only the tickets they requested or are copied on: another ticket is null to them too, as if there were none.',
  })
  @Authorized(ticketPolicy.read)
  async ticket(@Arg('id', () => ID, { description: 'The ticket to read.' }) id: string, @Ctx() ctx: Context): Promise<Ticket | null> {
    const n = parseId(id);
    const ticket = n === null ? null : await ctx.tickets.reads.findById(n);
    // The viewer may read tickets (checked above); one they may not read answers as a missing one, so an end user
    // cannot tell which ids exist. Staff read every ticket.
    if (!ticket || !can(ctx.viewer, ticketPolicy.read, ticket)) return null;
    return ticket;
  }

  @Query(() => TicketConnection, {
    description:
      'Tickets newest first. `status`, `held` and `requesterId` narrow the list; `query` finds words of the subject (any letter case) or a ticket number (12 or #12). `first` is capped at 100. Agents and admins.',
  })
  @Authorized(ticketPolicy.list)
  @listSize({ kind: 'page', max: 100 })
  async tickets(
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many tickets to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Arg('status', () => TicketStatus, { nullable: true, description: 'Only tickets with this status.' }) status: TicketStatus | null,
    @Arg('held', () => Boolean, {
      nullable: true,
      description:
        'true: only held tickets (Ticket.held set: the block list, or a sender who has not verified), waiting to be released; false: only tickets that are not held.',
    })
    held: boolean | null,
    @Arg('requesterId', () => ID, { nullable: true, description: 'Only tickets this user requested.' }) requesterId: string | null,
    @Arg('query', () => String, { nullable: true, description: 'Words of the subject, or a ticket number.' }) query: string | null,
    @Ctx() ctx: Context,
  ): Promise<TicketConnection> {
    let requester: number | null = null;
    if (requesterId !== null && requesterId !== undefined) {
      // An id that names nothing (not canonical, out of range) requested no ticket: 0 is never an id.
      requester = parseId(requesterId) ?? 0;
    }
    return ticketConnection(ctx, { first, after }, { status, held, requesterId: requester, query });
  }

  @Mutation(() => CreateTicketPayload, {
    description:
      "Creates a ticket on someone's behalf. The requester and CCs are users by id, or addresses: an address that belongs to nobody makes an end user " +
      '(requester: createdVia TICKET; CC: createdVia CC; no welcome email), in the same transaction as the ticket. Agents and admins.',
  })
  @Authorized(ticketPolicy.write)
  async createTicket(
    @Arg('input', () => CreateTicketInput, { description: 'The new ticket.' }) input: CreateTicketInput,
    @Ctx() ctx: Context,
  ): Promise<CreateTicketPayload> {
    const subject = ticketSubject(input.subject);
    const comment = ticketBody(input.comment, 'comment');
    const requester = await checkRef(ctx.users, input.requester, 'requester');
    const ccInputs = atMost(input.ccs, MAX_PEOPLE, 'ccs');
    const ccs = [];
    for (const [i, cc] of ccInputs.entries()) ccs.push(await checkRef(ctx.users, cc, `ccs.${i}`));
    const r = await ctx.tickets.create(
      {
        subject,
        comment,
        requester,
        ccs,
        status: input.status ?? TicketStatus.NEW,
        via: viaOf(ctx),
        requesterOrigin: { via: CreatedVia.TICKET },
        ccOrigin: { via: CreatedVia.CC },
        submitter: authorOf(ctx),
        commentAuthor: authorOf(ctx),
      },
      ctx.actor,
    );
    return { ticket: r.ticket, createdUsers: r.createdUsers, warnings: r.warnings };
  }

  @Mutation(() => Ticket, {
    description: 'Changes the subject, status or requester of a ticket (a new address makes an end user). Agents and admins.',
  })
  @Authorized(ticketPolicy.write)
  async updateTicket(
    @Arg('id', () => ID, { description: 'The ticket to change.' }) id: string,
    @Arg('input', () => UpdateTicketInput, { description: 'The fields to change.' }) input: UpdateTicketInput,
    @Ctx() ctx: Context,
  ): Promise<Ticket> {
    const n = ticketId(id);
    if (input.status === null) throw new UserInputError('status', msg('tickets.statusEmpty'));
    const changes = {
      subject: input.subject === undefined ? undefined : ticketSubject(input.subject),
      status: input.status ?? undefined,
      requester: input.requester === undefined || input.requester === null ? undefined : await checkRef(ctx.users, input.requester, 'requester'),
      release: input.release === true,
    };
    return (await ctx.tickets.update(n, changes, ctx.actor)).ticket;
  }

  @Mutation(() => AddTicketCommentPayload, { description: 'Adds a public comment or an internal note to a ticket. Agents and admins.' })
  @Authorized(ticketPolicy.write)
  async addTicketComment(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) id: string,
    @Arg('input', () => AddTicketCommentInput, { description: 'The comment.' }) input: AddTicketCommentInput,
    @Ctx() ctx: Context,
  ): Promise<AddTicketCommentPayload> {
    const n = ticketId(id);
    const body = ticketBody(input.body, 'body');
    const r = await ctx.tickets.addComment(n, { body, public: input.public ?? true, via: viaOf(ctx), author: authorOf(ctx) }, ctx.actor);
    return { ticket: r.ticket, comment: r.result };
  }

  @Mutation(() => TicketCcPayload, {
    description:
      'Copies someone on a ticket; an address that belongs to nobody makes an end user (createdVia CC, no welcome email). Agents and admins.',
  })
  @Authorized(ticketPolicy.write)
  async addTicketCc(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) id: string,
    @Arg('user', () => UserRefInput, { description: 'Who to copy.' }) user: UserRefInput,
    @Ctx() ctx: Context,
  ): Promise<TicketCcPayload> {
    const n = ticketId(id);
    const ref = await checkRef(ctx.users, user, 'user');
    const r = await ctx.tickets.addCc(n, ref, { via: CreatedVia.CC }, ctx.actor);
    return { ticket: r.ticket, createdUser: r.result.created ? r.result.user : null, warnings: r.result.warnings };
  }

  @Mutation(() => TicketCcPayload, {
    description: 'Takes someone off the CCs of a ticket (nothing happens when they were not on it). Agents and admins.',
  })
  @Authorized(ticketPolicy.write)
  async removeTicketCc(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) id: string,
    @Arg('userId', () => ID, { description: 'Who to take off.' }) userId: string,
    @Ctx() ctx: Context,
  ): Promise<TicketCcPayload> {
    const n = ticketId(id);
    // An id that names nothing (not canonical, out of range) is nobody on the list, as an unknown one: 0 is never an id.
    const r = await ctx.tickets.removeCc(n, parseId(userId) ?? 0, ctx.actor);
    return { ticket: r.ticket, createdUser: null, warnings: [] };
  }

  @Mutation(() => StartSideConversationPayload, {
    description:
      'Starts a side conversation about a ticket with other people; addresses that belong to nobody make end users ' +
      '(createdVia SIDE_CONVERSATION, tagged created_for_side_conversation, no welcome email). The message is emailed to the participants ' +
      '(subject [#ticket-side] first; reserved addresses skipped), and their replies by email come back to it. Agents and admins.',
  })
  @Authorized(ticketPolicy.write)
  async startSideConversation(
    @Arg('input', () => StartSideConversationInput, { description: 'The side conversation.' }) input: StartSideConversationInput,
    @Ctx() ctx: Context,
  ): Promise<StartSideConversationPayload> {
    const n = ticketId(input.ticketId);
    const subject = ticketSubject(input.subject);
    const message = ticketBody(input.message, 'message', 'Message');
    const toInputs = atMost(input.to, MAX_PEOPLE, 'to');
    if (toInputs.length === 0) throw new UserInputError('to', msg('tickets.nameAtLeastOne'));
    const to = [];
    for (const [i, ref] of toInputs.entries()) to.push(await checkRef(ctx.users, ref, `to.${i}`));
    const r = await ctx.tickets.startSideConversation(n, { subject, message, to }, authorOf(ctx), ctx.actor);
    return r.result;
  }

  @Mutation(() => AddSideConversationMessagePayload, {
    description:
      'Adds a message to a side conversation; it is emailed to its participants (reserved addresses skipped), and their replies by email come back to it. Agents and admins.',
  })
  @Authorized(ticketPolicy.write)
  async addSideConversationMessage(
    @Arg('input', () => AddSideConversationMessageInput, { description: 'The message.' }) input: AddSideConversationMessageInput,
    @Ctx() ctx: Context,
  ): Promise<AddSideConversationMessagePayload> {
    const n = parseId(input.sideConversationId);
    if (n === null) throw new NotFoundError(msg('notFound.sideConversation', { id: input.sideConversationId }));
    const message = ticketBody(input.message, 'message', 'Message');
    const r = await ctx.tickets.addSideConversationMessage(n, { body: message, authorId: authorOf(ctx) }, ctx.actor);
    return r.result;
  }

  @Mutation(() => SubmitRequestPayload, {
    description:
      'The public Submit a request form (no sign-in): creates a ticket (via WEB_FORM) and, for an address that belongs to nobody, an unverified end user ' +
      '(createdVia SELF). Answers the same whether the address was known or not; rate-limited per client address (RATE_LIMITED, HTTP 429 with Retry-After).',
  })
  @Authorized(ticketPolicy.submit)
  async submitRequest(
    @Arg('input', () => SubmitRequestInput, { description: 'The request.' }) input: SubmitRequestInput,
    @Ctx() ctx: Context,
  ): Promise<SubmitRequestPayload> {
    return withAnswerFloor(ctx.config.doorAnswerMs, () => submitRequest(ctx, input));
  }
}
