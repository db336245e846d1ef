import { domainToASCII } from 'node:url';

/**
 * Which ticket an inbound reply belongs to (issue 10), pure and without I/O.
 *
 * Every message the desk sends about a ticket carries a Message-ID that
 * names it: `<ticket-123@desk.example>` for the ticket itself and
 * `<ticket-123.comment-456@desk.example>` for one comment. Mail clients copy
 * it into In-Reply-To and References, so a reply names its ticket. The
 * domain must be the desk's own (compared in ASCII, any case): an id of
 * another desk or system is ignored. Failing that, `[#123]` in the subject
 * (the desk puts it there; people keep it when they answer) names the ticket.
 *
 * Order: In-Reply-To, then References from the most recent, then the subject.
 * Whether the sender may add to that ticket (requester or CC) is the caller's
 * to decide: these ids are not secrets.
 */

export interface TicketMessageRef {
  ticketId: number;
  /** The comment the replied-to message was about; null for the ticket's own message. */
  commentId: number | null;
}

export interface TicketRef extends TicketMessageRef {
  via: 'IN_REPLY_TO' | 'REFERENCES' | 'SUBJECT';
}

/** What ticketRefOf reads of a parsed message. */
export interface ReplyHeaders {
  inReplyTo: string | null;
  references: readonly string[];
  subject: string;
}

const ID = /^ticket-(\d{1,15})(?:\.comment-(\d{1,15}))?@([^@\s<>]+)$/i;
const SUBJECT_REF = /\[#(\d{1,15})\]/;

const asciiDomain = (domain: string): string => (domainToASCII(domain.trim().replace(/\.$/, '')) || domain.trim()).toLowerCase();
const positive = (digits: string | undefined): number | null => {
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The Message-ID, angle brackets included, of the desk's message about a ticket or one of its comments. */
export function ticketMessageId(ticketId: number, commentId: number | null, deskDomain: string): string {
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new RangeError(`ticketMessageId: ticket id ${ticketId} is not a positive integer.`);
  if (commentId !== null && (!Number.isSafeInteger(commentId) || commentId <= 0)) {
    throw new RangeError(`ticketMessageId: comment id ${commentId} is not a positive integer.`);
  }
  const domain = asciiDomain(deskDomain);
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(domain)) throw new RangeError(`ticketMessageId: "${deskDomain}" is not a domain name.`);
  return `<ticket-${ticketId}${commentId === null ? '' : `.comment-${commentId}`}@${domain}>`;
}

/** The ticket (and comment) a Message-ID of this desk names, or null for any other id. Brackets and spaces around it are allowed. */
export function parseTicketMessageId(messageId: string, deskDomain: string): TicketMessageRef | null {
  const m = ID.exec(messageId.trim().replace(/^<\s*|\s*>$/g, ''));
  if (!m || asciiDomain(m[3]) !== asciiDomain(deskDomain)) return null;
  const ticketId = positive(m[1]);
  if (ticketId === null) return null;
  const commentId = m[2] === undefined ? null : positive(m[2]);
  if (m[2] !== undefined && commentId === null) return null;
  return { ticketId, commentId };
}

/** The message ids in a header value such as In-Reply-To ("<a@b> <c@d>"), or the value itself when it has no brackets. */
export function messageIdsIn(value: string): string[] {
  const bracketed = value.match(/<[^<>]*>/g);
  if (bracketed) return bracketed;
  return value.trim() === '' ? [] : value.trim().split(/\s+/);
}

/** The ticket a reply belongs to, or null: see the order above. */
export function ticketRefOf(message: ReplyHeaders, deskDomain: string): TicketRef | null {
  for (const id of messageIdsIn(message.inReplyTo ?? '')) {
    const ref = parseTicketMessageId(id, deskDomain);
    if (ref) return { ...ref, via: 'IN_REPLY_TO' };
  }
  for (const id of [...message.references].reverse().flatMap(messageIdsIn)) {
    const ref = parseTicketMessageId(id, deskDomain);
    if (ref) return { ...ref, via: 'REFERENCES' };
  }
  const m = SUBJECT_REF.exec(message.subject);
  const ticketId = positive(m?.[1]);
  return ticketId === null ? null : { ticketId, commentId: null, via: 'SUBJECT' };
}

/** The subject of the desk's mail about a ticket, with the `[#id]` a reply keeps. */
export function subjectWithTicketRef(subject: string, ticketId: number): string {
  return subject.includes(`[#${ticketId}]`) ? subject : `${subject.trim()} [#${ticketId}]`.trim();
}
