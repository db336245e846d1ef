import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Database } from '../db/database.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { SideConversation, SideConversationMessage, SideConversationParticipant, Ticket, TicketCc, TicketComment } from './ticket.entity.js';
import type { TicketStatus } from './ticket-enums.js';
import { storedMessageId } from './message-ids.js';
import { UserInputError } from '../graphql/errors.js';
import { searchProblem } from '../text/text-rules.js';

/** Tickets page newest first (a cursor is a ticket's id); comments oldest first. */
export const ticketCursor = cursorCodec('tickets', ['int']);
export const commentCursor = cursorCodec('comments', ['int']);

export interface TicketFilter {
  status?: TicketStatus | null;
  /** true: only held tickets (block list, unverified sender); false: only those that are not held. */
  held?: boolean | null;
  requesterId?: number | null;
  /** Tickets this user is copied on. */
  ccUserId?: number | null;
  /** The start of the subject's words, or a ticket number (12 or #12). */
  query?: string | null;
}

const likeEscape = (s: string): string => s.replace(/[!%_]/g, (c) => `!${c}`);

function filtered(qb: SelectQueryBuilder<Ticket>, f: TicketFilter): SelectQueryBuilder<Ticket> {
  if (f.status) qb.andWhere('t.status = :status', { status: f.status });
  if (f.held === true) qb.andWhere('t.held IS NOT NULL');
  if (f.held === false) qb.andWhere('t.held IS NULL');
  if (f.requesterId !== null && f.requesterId !== undefined) qb.andWhere('t.requester_id = :requester', { requester: f.requesterId });
  if (f.ccUserId !== null && f.ccUserId !== undefined) {
    qb.innerJoin(TicketCc, 'cc', 'cc.ticket_id = t.id AND cc.user_id = :ccUser', { ccUser: f.ccUserId });
  }
  const problem = f.query ? searchProblem(f.query) : null;
  if (problem) throw new UserInputError('query', problem);
  const q = f.query?.trim();
  if (q) {
    const number = /^#?(\d{1,15})$/.exec(q);
    const params = { like: `%${likeEscape(q)}%`, number: number ? Number(number[1]) : -1 };
    qb.andWhere(`(t.subject LIKE :like ESCAPE '!' OR t.id = :number)`, params);
  }
  return qb;
}

/** Reading tickets and what hangs on them; the batches behind the per-request DataLoaders. */
export class TicketReads {
  constructor(private readonly db: Database) {}

  /** One ticket with its CCs' ids (for the read rule), or null. */
  async findById(id: number, m: EntityManager = this.db.manager): Promise<Ticket | null> {
    const ticket = await m.findOneBy(Ticket, { id });
    if (!ticket) return null;
    ticket.ccIds = (await this.ccIdsOf([id], m)).get(id) ?? [];
    return ticket;
  }

  async page(req: PageRequest, filter: TicketFilter): Promise<Page<Ticket>> {
    const page = await readPage(req, { defaultSize: 25, decode: ticketCursor.decode }, (limit, after) => {
      const qb = filtered(this.db.manager.createQueryBuilder(Ticket, 't'), filter).orderBy('t.id', 'DESC').limit(limit);
      if (after) qb.andWhere('t.id < :after', { after: after[0] });
      return qb.getMany();
    });
    const ccs = await this.ccIdsOf(page.items.map((t) => t.id));
    for (const t of page.items) t.ccIds = ccs.get(t.id) ?? [];
    return page;
  }

  count(filter: TicketFilter): Promise<number> {
    return filtered(this.db.manager.createQueryBuilder(Ticket, 't'), filter).getCount();
  }

  async ccIdsOf(ticketIds: readonly number[], m: EntityManager = this.db.manager): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(ticketIds.map((id) => [id, []]));
    if (ticketIds.length === 0) return out;
    const rows = await m.find(TicketCc, { where: { ticketId: In([...ticketIds]) }, order: { createdAt: 'ASC', userId: 'ASC' } });
    for (const r of rows) out.get(r.ticketId)?.push(r.userId);
    return out;
  }

  /** A ticket's comments, oldest first; internal notes only when `internal`. */
  async comments(ticketId: number, req: PageRequest, internal: boolean): Promise<Page<TicketComment> & { total: number }> {
    const where = internal ? { ticketId } : { ticketId, public: true };
    const page = await readPage(req, { defaultSize: 50, decode: commentCursor.decode }, (limit, after) => {
      const qb = this.db.manager
        .createQueryBuilder(TicketComment, 'c')
        .where('c.ticket_id = :ticketId', { ticketId })
        .orderBy('c.id', 'ASC')
        .limit(limit);
      if (!internal) qb.andWhere('c.is_public = :pub', { pub: true });
      if (after) qb.andWhere('c.id > :after', { after: after[0] });
      return qb.getMany();
    });
    return { ...page, total: await this.db.manager.countBy(TicketComment, where) };
  }

  async sideConversationsOf(ticketIds: readonly number[]): Promise<SideConversation[]> {
    if (ticketIds.length === 0) return [];
    return this.db.manager.find(SideConversation, { where: { ticketId: In([...ticketIds]) }, order: { id: 'ASC' } });
  }

  async sideConversation(id: number): Promise<SideConversation | null> {
    return this.db.manager.findOneBy(SideConversation, { id });
  }

  async participantsOf(conversationIds: readonly number[]): Promise<SideConversationParticipant[]> {
    if (conversationIds.length === 0) return [];
    return this.db.manager.find(SideConversationParticipant, { where: { sideConversationId: In([...conversationIds]) }, order: { userId: 'ASC' } });
  }

  async messagesOf(conversationIds: readonly number[]): Promise<SideConversationMessage[]> {
    if (conversationIds.length === 0) return [];
    return this.db.manager.find(SideConversationMessage, { where: { sideConversationId: In([...conversationIds]) }, order: { id: 'ASC' } });
  }

  /** Whether mail with one of these Message-IDs already came in as a side conversation's message. */
  async sideConversationMessageExists(messageIds: readonly string[]): Promise<boolean> {
    const ids = messageIds.map(storedMessageId);
    if (ids.length === 0) return false;
    return this.db.manager.existsBy(SideConversationMessage, { messageId: In(ids) });
  }

  /** The ticket an inbound reply names by the Message-ID of one of its comments (mail that came in), or null. */
  async ticketOfMessageIds(messageIds: readonly string[]): Promise<number | null> {
    const ids = messageIds.map(storedMessageId);
    if (ids.length === 0) return null;
    const c = await this.db.manager.findOne(TicketComment, { where: { messageId: In(ids) }, order: { id: 'DESC' } });
    return c?.ticketId ?? null;
  }
}
