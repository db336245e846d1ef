import type { EntityManager } from 'typeorm';
import { placeholders } from '../db/sql.js';
import { ticketMessageId } from '../inbound/ticket-ref.js';
import { enqueueEmail } from '../outbox/outbox.js';
import type { Ticket } from '../tickets/ticket.entity.js';
import { languageOfLocale, type Lang } from '../i18n/language.js';
import { msg } from '../i18n/message.js';

/** The first line of the desk's mail about a ticket or a side conversation. */
export const REPLY_ABOVE = msg('doorMail.replyAbove');

/** The headers that thread a mail about a ticket back to it: its Message-ID names the comment, In-Reply-To and References the ticket. */
export function ticketMailHeaders(ticketId: number, commentId: number, deskDomain: string): Record<string, string> {
  const thread = ticketMessageId(ticketId, null, deskDomain);
  return { 'Message-ID': ticketMessageId(ticketId, commentId, deskDomain), 'In-Reply-To': thread, References: thread };
}

/** The text of a mail about a ticket in `lang`: the reply line first (a reply is cut there, inbound/reply-text.ts), the parts, the footer. */
export function ticketMailText(lang: Lang, ticketId: number, parts: string[]): string {
  return [REPLY_ABOVE.render(lang), ...parts, `--\n${msg('doorMail.replyFooter', { id: ticketId }).render(lang)}`].join('\n\n');
}

export interface PublicComment {
  id: number;
  body: string;
  authorId: number | null;
}

/** Someone the desk mails about a ticket or a side conversation: their primary address and locale. */
export interface TicketMailRecipient {
  id: number;
  address: string;
  locale: string | null;
}

/**
 * The people among `ids` whom the desk's mail about a ticket or a side
 * conversation reaches, by id: those with a primary email, neither deleted
 * nor suspended. A suspended account gets nothing of the team's work (an
 * agent's public reply, a side conversation's message), as it gets no
 * acknowledgment of its requests (request-received-mail.ts): what it writes
 * is kept for the agents as an internal note (inbound/inbound-mail.ts).
 */
export async function ticketMailRecipients(m: EntityManager, ids: readonly number[]): Promise<TicketMailRecipient[]> {
  if (ids.length === 0) return [];
  const rows: { id: unknown; value: string; locale: string | null }[] = await m.query(
    `SELECT u.id, i.value, u.locale FROM users u JOIN user_identities i ON i.user_id = u.id AND i.type = 'EMAIL' AND i.is_primary = 1
     WHERE u.id IN (${placeholders(ids.length)}) AND u.deleted_at IS NULL AND u.suspended = 0 ORDER BY u.id`,
    [...ids],
  );
  return rows.map((r) => ({ id: Number(r.id), address: r.value, locale: r.locale }));
}

/** The subject of the desk's mail about a ticket: its reference first, so a reply names it (inbound/ticket-ref.ts). */
export const ticketMailSubject = (ticket: Pick<Ticket, 'id' | 'subject'>): string => `[#${ticket.id}] ${ticket.subject}`;

/**
 * An agent's public comment, emailed to the ticket's requester and CCs (not
 * to its author, nor to a suspended or deleted account), one TICKET_COMMENT
 * message each, queued with the manager of the comment's transaction. The Message-ID names the comment and
 * In-Reply-To/References the ticket, so replies thread back to it.
 */
export function ticketCommentMail(deskDomain: string) {
  return async (m: EntityManager, ticket: Ticket, comment: PublicComment): Promise<void> => {
    const cc: { user_id: unknown }[] = await m.query('SELECT user_id FROM ticket_ccs WHERE ticket_id = ?', [ticket.id]);
    const ids = [...new Set([ticket.requesterId, ...cc.map((r) => Number(r.user_id))])].filter((id) => id !== comment.authorId);
    const headers = ticketMailHeaders(ticket.id, comment.id, deskDomain);
    for (const p of await ticketMailRecipients(m, ids)) {
      // In each recipient's language (their profile's locale).
      const text = ticketMailText(languageOfLocale(p.locale), ticket.id, [comment.body]);
      await enqueueEmail(m, { kind: 'TICKET_COMMENT', to: p.address, subject: ticketMailSubject(ticket), text, userId: p.id, headers });
    }
  };
}
