import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertMany, insertOne } from '../db/inserts.js';
import { forUpdate } from '../db/locks.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { change, type AuditService } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import type { ContactOrigin, UserService } from '../users/user.service.js';
import { CreatedVia, type User } from '../users/user.entity.js';
import type { UserWarning } from '../users/user.inputs.js';
import {
  SIDE_CONVERSATION_ORIGIN,
  type Acknowledge,
  type Author,
  type NewComment,
  type NewTicket,
  type TicketChangeListener,
  type TicketWrite,
} from './ticket-writes.js';
import { SideConversation, SideConversationMessage, SideConversationParticipant, Ticket, TicketCc, TicketComment } from './ticket.entity.js';
import { TicketEventAction, TicketStatus, TicketVia } from './ticket-enums.js';
import { resolveRef, type CheckedRef, type ResolvedPerson } from './ticket-people.js';
import { TicketReads } from './ticket-reads.js';
import { storedMessageId } from './message-ids.js';
import { TicketHold } from '../settings/request-access.js';
import { msg } from '../i18n/message.js';

const created = (people: ResolvedPerson[]): User[] => people.filter((p) => p.created).map((p) => p.user);
const warningsOf = (people: ResolvedPerson[]): UserWarning[] => people.flatMap((p) => p.warnings);

/**
 * Tickets: every write in one transaction with the people it names (found or
 * made through the user service, in the same transaction: no ticket without
 * its requester, no account left behind by a ticket that failed) and a line
 * in the ticket's history (audit_events, subject 'ticket'). Changes of one
 * ticket lock its row first, so they take turns.
 */
export class TicketService {
  readonly reads: TicketReads;
  /** Listeners of every ticket change (its history line's action), in the change's transaction. */
  readonly listeners: TicketChangeListener[] = [];
  /** Called in the transaction of a public comment by staff (the admin app or an API token): outgoing mail queues its emails. */
  onPublicComment: ((m: EntityManager, ticket: Ticket, comment: { id: number; body: string; authorId: number | null }) => Promise<void>) | null =
    null;
  /** Called in the transaction of a side conversation's message by staff (its first one included): outgoing mail queues its emails. */
  onSideConversationMessage:
    ((m: EntityManager, conversation: SideConversation, message: { id: number; body: string; authorId: number | null }) => Promise<void>) | null =
    null;
  /** Called in the transaction of a ticket its requester made by writing in (NewTicket.acknowledge): the acknowledgment mail. */
  onRequestReceived:
    ((m: EntityManager, ticket: Ticket, requester: User, first: { id: number; body: string }, how: Acknowledge) => Promise<void>) | null = null;

  constructor(
    private readonly db: Database,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {
    this.reads = new TicketReads(db);
  }

  async create(input: NewTicket, actor: Actor): Promise<{ ticket: Ticket; createdUsers: User[]; warnings: UserWarning[]; commentId: number }> {
    return this.db.transaction(async (m) => {
      const now = new Date();
      const requester = await resolveRef(this.users, m, input.requester, input.requesterOrigin, actor);
      const ccs: ResolvedPerson[] = [];
      for (const ref of input.ccs) ccs.push(await resolveRef(this.users, m, ref, input.ccOrigin, actor));
      const ccIds = [...new Set(ccs.map((c) => c.user.id))].filter((id) => id !== requester.user.id);
      const author = (a: Author) => (a === 'requester' ? requester.user.id : a);
      const ticket = Object.assign(new Ticket(), {
        subject: input.subject,
        status: input.status,
        via: input.via,
        requesterId: requester.user.id,
        submitterId: author(input.submitter),
        held: input.held ?? null,
        createdAt: now,
        updatedAt: now,
      });
      ticket.id = await insertOne(m, Ticket, ticket);
      await insertMany(
        m,
        TicketCc,
        ccIds.map((userId) => ({ ticketId: ticket.id, userId, createdAt: now })),
      );
      const commentId = await this.insertComment(
        m,
        ticket.id,
        { ...input, body: input.comment, public: true, author: author(input.commentAuthor) },
        now,
      );
      ticket.ccIds = ccIds;
      await this.record(m, ticket.id, TicketEventAction.CREATED, actor, now, [
        change('subject', null, ticket.subject),
        change('status', null, ticket.status),
        change('via', null, ticket.via),
        ...(ticket.held ? [change('held', null, ticket.held)] : []),
        change('requester', null, requester.user.name),
        ...(ccIds.length
          ? [
              change(
                'ccs',
                null,
                ccs.filter((c) => ccIds.includes(c.user.id)).map((c) => c.user.name),
              ),
            ]
          : []),
      ]);
      if (input.afterCreate) await input.afterCreate(m, ticket, requester.user);
      if (input.acknowledge) await this.onRequestReceived?.(m, ticket, requester.user, { id: commentId, body: input.comment }, input.acknowledge);
      const people = [requester, ...ccs];
      return { ticket, createdUsers: dedupe(created(people)), warnings: warningsOf(people), commentId };
    });
  }

  async update(
    id: number,
    input: { subject?: string; status?: TicketStatus; requester?: CheckedRef; release?: boolean },
    actor: Actor,
  ): Promise<TicketWrite<{ createdUsers: User[] }>> {
    return this.change(id, async (m, ticket, now) => {
      const changes: FieldChange[] = [];
      const set: Partial<Ticket> = {};
      let people: ResolvedPerson[] = [];
      if (input.subject !== undefined && input.subject !== ticket.subject) {
        changes.push(change('subject', ticket.subject, input.subject));
        set.subject = input.subject;
      }
      if (input.status !== undefined && input.status !== ticket.status) {
        changes.push(change('status', ticket.status, input.status));
        set.status = input.status;
      }
      if (input.release && ticket.held) {
        changes.push(change('held', ticket.held, null));
        set.held = null;
      }
      if (input.requester) {
        const r = await resolveRef(this.users, m, input.requester, { via: CreatedVia.TICKET }, actor);
        people = [r];
        if (r.user.id !== ticket.requesterId) {
          const before = await this.users.findByIdIn(m, ticket.requesterId);
          changes.push(change('requester', before?.name ?? null, r.user.name));
          set.requesterId = r.user.id;
        }
      }
      if (changes.length) {
        await m.update(Ticket, { id }, { ...set, updatedAt: now });
        await this.record(m, id, TicketEventAction.UPDATED, actor, now, changes);
      }
      return { createdUsers: created(people) };
    });
  }

  /** Held means nothing is mailed to its requester or CCs: a staff message that would be refused until the release. */
  private heldError(ticket: Ticket, field: string): UserInputError {
    const e = new UserInputError(field, msg('tickets.heldReleaseFirst'));
    Object.assign(e.extensions, { reason: 'HELD', held: ticket.held });
    return e;
  }

  /** A side conversation's mail would reach the held ticket's requester or one of its CCs: refused until the release. */
  private async refuseMailToHeld(m: EntityManager, ticket: Ticket, userIds: readonly number[], field: string): Promise<void> {
    if (!ticket.held || userIds.length === 0) return;
    const ccs = await m.findBy(TicketCc, { ticketId: ticket.id });
    const people = new Set([ticket.requesterId, ...ccs.map((c) => c.userId)]);
    if (userIds.some((id) => people.has(id))) throw this.heldError(ticket, field);
  }

  async addComment(ticketId: number, input: NewComment, actor: Actor): Promise<TicketWrite<TicketComment>> {
    return this.change(ticketId, async (m, ticket, now) => {
      const staff = input.via === TicketVia.AGENT || input.via === TicketVia.API;
      // Held means nothing is mailed: a public reply by staff (which is mailed) waits for the release; internal notes do not.
      if (ticket.held && staff && input.public) throw this.heldError(ticket, 'public');
      const authorId = input.author === 'requester' ? ticket.requesterId : input.author;
      const id = await this.insertComment(m, ticketId, { ...input, author: authorId }, now);
      if (input.public && staff) await this.onPublicComment?.(m, ticket, { id, body: input.body, authorId });
      // An end user's reply reopens a ticket that waited for them or was solved (not one kept as an internal note).
      const reopen =
        input.public && !input.automatic && (input.via === 'EMAIL' || input.via === 'WEB_FORM') && !['NEW', 'OPEN'].includes(ticket.status);
      await m.update(Ticket, { id: ticketId }, { updatedAt: now, ...(reopen ? { status: TicketStatus.OPEN } : {}) });
      await this.record(m, ticketId, TicketEventAction.COMMENT_ADDED, actor, now, [
        change(input.public ? 'comment' : 'internalNote', null, `#${id}`),
        ...(reopen ? [change('status', ticket.status, TicketStatus.OPEN)] : []),
      ]);
      return (await m.findOneBy(TicketComment, { id }))!;
    });
  }

  async addCc(ticketId: number, ref: CheckedRef, origin: ContactOrigin, actor: Actor): Promise<TicketWrite<ResolvedPerson>> {
    return this.change(ticketId, async (m, ticket, now) => {
      const person = await resolveRef(this.users, m, ref, origin, actor);
      if (person.user.id === ticket.requesterId) throw new UserInputError(ref.field, msg('tickets.requesterAlreadyFollowsTicket'));
      if (await m.existsBy(TicketCc, { ticketId, userId: person.user.id })) return person;
      await insertOne(m, TicketCc, { ticketId, userId: person.user.id, createdAt: now });
      await m.update(Ticket, { id: ticketId }, { updatedAt: now });
      await this.record(m, ticketId, TicketEventAction.CC_ADDED, actor, now, [change('ccs', null, person.user.name)]);
      return person;
    });
  }

  async removeCc(ticketId: number, userId: number, actor: Actor): Promise<TicketWrite<null>> {
    return this.change(ticketId, async (m, _ticket, now) => {
      const cc = await m.findOneBy(TicketCc, { ticketId, userId });
      if (!cc) return null;
      await m.delete(TicketCc, { ticketId, userId });
      await m.update(Ticket, { id: ticketId }, { updatedAt: now });
      const user = await this.users.findByIdIn(m, userId);
      await this.record(m, ticketId, TicketEventAction.CC_REMOVED, actor, now, [change('ccs', user?.name ?? `#${userId}`, null)]);
      return null;
    });
  }

  async startSideConversation(
    ticketId: number,
    input: { subject: string; message: string; to: readonly CheckedRef[] },
    authorId: number | null,
    actor: Actor,
  ): Promise<TicketWrite<{ sideConversation: SideConversation; createdUsers: User[]; warnings: UserWarning[] }>> {
    return this.change(ticketId, async (m, ticket, now) => {
      const people: ResolvedPerson[] = [];
      for (const ref of input.to) people.push(await resolveRef(this.users, m, ref, SIDE_CONVERSATION_ORIGIN, actor));
      await this.refuseMailToHeld(
        m,
        ticket,
        people.map((p) => p.user.id),
        'to',
      );
      const conversation = Object.assign(new SideConversation(), { ticketId, subject: input.subject, createdById: authorId, createdAt: now });
      conversation.id = await insertOne(m, SideConversation, conversation);
      const ids = [...new Set(people.map((p) => p.user.id))];
      await insertMany(
        m,
        SideConversationParticipant,
        ids.map((userId) => ({ sideConversationId: conversation.id, userId })),
      );
      const messageId = await insertOne(m, SideConversationMessage, {
        sideConversationId: conversation.id,
        authorId,
        body: input.message,
        messageId: null,
        createdAt: now,
      });
      await this.onSideConversationMessage?.(m, conversation, { id: messageId, body: input.message, authorId });
      await m.update(Ticket, { id: ticketId }, { updatedAt: now });
      await this.record(m, ticketId, TicketEventAction.SIDE_CONVERSATION_STARTED, actor, now, [
        change('sideConversation', null, input.subject),
        change(
          'participants',
          null,
          people.map((p) => p.user.name),
        ),
      ]);
      return { sideConversation: conversation, createdUsers: dedupe(created(people)), warnings: warningsOf(people) };
    });
  }

  /**
   * A message added to a side conversation: by staff (mailed to its
   * participants), or a participant's reply by email (`messageId` set; not
   * mailed again: the sender's mail client chose whom to copy).
   */
  async addSideConversationMessage(
    sideConversationId: number,
    input: { body: string; authorId: number | null; messageId?: string | null },
    actor: Actor,
  ): Promise<TicketWrite<{ sideConversation: SideConversation; message: SideConversationMessage }>> {
    const found = await this.db.manager.findOneBy(SideConversation, { id: sideConversationId });
    if (!found) throw new NotFoundError(msg('notFound.sideConversation', { id: sideConversationId }));
    return this.change(found.ticketId, async (m, ticket, now) => {
      const conversation = (await m.findOneBy(SideConversation, { id: sideConversationId }))!;
      const fromMail = input.messageId !== undefined && input.messageId !== null;
      if (!fromMail) {
        const participants = await m.findBy(SideConversationParticipant, { sideConversationId });
        await this.refuseMailToHeld(
          m,
          ticket,
          participants.map((p) => p.userId),
          'message',
        );
      }
      const id = await insertOne(m, SideConversationMessage, {
        sideConversationId,
        authorId: input.authorId,
        body: input.body,
        messageId: fromMail ? storedMessageId(input.messageId!) : null,
        createdAt: now,
      });
      if (!fromMail) await this.onSideConversationMessage?.(m, conversation, { id, body: input.body, authorId: input.authorId });
      await m.update(Ticket, { id: conversation.ticketId }, { updatedAt: now });
      await this.record(m, conversation.ticketId, TicketEventAction.SIDE_CONVERSATION_MESSAGE_ADDED, actor, now, [
        change('sideConversation', null, conversation.subject),
        change('sideConversationMessage', null, `#${id}`),
      ]);
      return { sideConversation: conversation, message: (await m.findOneBy(SideConversationMessage, { id }))! };
    });
  }

  /** A change of one ticket, under its row lock; answers the ticket as it is afterwards. */
  private async change<T>(id: number, work: (m: EntityManager, ticket: Ticket, now: Date) => Promise<T>): Promise<TicketWrite<T>> {
    const result = await this.db.transaction(async (m) => {
      const ticket = await forUpdate(m.createQueryBuilder(Ticket, 't').where('t.id = :id', { id })).getOne();
      if (!ticket) throw new NotFoundError(msg('notFound.ticket', { ticketId: id }));
      return work(m, ticket, new Date());
    });
    return { ticket: (await this.reads.findById(id))!, result };
  }

  /** A requester verified their address: their tickets waiting for it are worked now (in the verification's transaction). */
  async releaseUnverified(m: EntityManager, requesterId: number, actor: Actor): Promise<number[]> {
    const held = await m.find(Ticket, { select: { id: true }, where: { requesterId, held: TicketHold.UNVERIFIED } });
    const now = new Date();
    for (const t of held) {
      await m.update(Ticket, { id: t.id }, { held: null, updatedAt: now });
      await this.record(m, t.id, TicketEventAction.UPDATED, actor, now, [change('held', TicketHold.UNVERIFIED, null)]);
    }
    return held.map((t) => t.id);
  }

  private async insertComment(
    m: EntityManager,
    ticketId: number,
    c: { body: string; public: boolean; via: TicketVia; author: number | null; messageId?: string | null; attachments?: string[] },
    now: Date,
  ): Promise<number> {
    return insertOne(m, TicketComment, {
      ticketId,
      authorId: c.author,
      body: c.body,
      public: c.public,
      via: c.via,
      messageId: c.messageId ? storedMessageId(c.messageId) : null,
      attachments: c.attachments?.length ? JSON.stringify(c.attachments) : null,
      createdAt: now,
    });
  }

  private async record(
    m: EntityManager,
    ticketId: number,
    action: TicketEventAction,
    actor: Actor,
    now: Date,
    changes: FieldChange[],
  ): Promise<void> {
    await this.audit.recordSubjects(m, 'ticket', [ticketId], action, actor, changes, now);
    for (const listener of this.listeners) await listener(m, ticketId, action, now);
  }
}

function dedupe(users: User[]): User[] {
  const seen = new Set<number>();
  return users.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}
