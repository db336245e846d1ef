import { domainToASCII } from 'node:url';
import { messageIdsIn, type ReplyHeaders } from './ticket-ref.js';

/**
 * Which side conversation an inbound reply belongs to, pure and without I/O
 * (the side conversation's counterpart of ticket-ref.ts).
 *
 * The desk's mail of a side conversation carries the Message-ID
 * `<ticket-12.side-3.message-7@desk.example>` (one message of side
 * conversation 3 of ticket 12) and In-Reply-To/References
 * `<ticket-12.side-3@desk.example>` (the conversation itself); its subject
 * starts with `[#12-3]`. Mail clients copy the ids into In-Reply-To and
 * References, and people keep the subject when they answer. The domain must
 * be the desk's own. These ids never match the ticket's own pattern
 * (`ticket-12@`, `ticket-12.comment-34@`, `[#12]`), so a reply to a side
 * conversation is never taken for a reply to its ticket.
 *
 * Order: In-Reply-To, then References from the most recent, then the subject.
 * Whether the sender may write in it (a participant) is the caller's to
 * decide: these ids are not secrets.
 */

export interface SideConversationRef {
  ticketId: number;
  sideConversationId: number;
  via: 'IN_REPLY_TO' | 'REFERENCES' | 'SUBJECT';
}

const ID = /^ticket-(\d{1,15})\.side-(\d{1,15})(?:\.message-(\d{1,15}))?@([^@\s<>]+)$/i;
const SUBJECT_REF = /\[#(\d{1,15})-(\d{1,15})\]/;

const asciiDomain = (domain: string): string => (domainToASCII(domain.trim().replace(/\.$/, '')) || domain.trim()).toLowerCase();
const positive = (digits: string | undefined): number | null => {
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};
const checkId = (what: string, n: number): void => {
  if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`sideConversationMessageId: ${what} ${n} is not a positive integer.`);
};

/** The Message-ID, angle brackets included, of a side conversation (messageId null) or of one of its messages. */
export function sideConversationMessageId(ticketId: number, sideConversationId: number, messageId: number | null, deskDomain: string): string {
  checkId('ticket id', ticketId);
  checkId('side conversation id', sideConversationId);
  if (messageId !== null) checkId('message id', messageId);
  const domain = asciiDomain(deskDomain);
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(domain)) throw new RangeError(`sideConversationMessageId: "${deskDomain}" is not a domain name.`);
  return `<ticket-${ticketId}.side-${sideConversationId}${messageId === null ? '' : `.message-${messageId}`}@${domain}>`;
}

/** The `[#12-3]` token the subject of a side conversation's mail starts with. */
export const sideConversationToken = (ticketId: number, sideConversationId: number): string => `[#${ticketId}-${sideConversationId}]`;

/** The side conversation a Message-ID of this desk names, or null for any other id. */
export function parseSideConversationMessageId(messageId: string, deskDomain: string): Omit<SideConversationRef, 'via'> | null {
  const m = ID.exec(messageId.trim().replace(/^<\s*|\s*>$/g, ''));
  if (!m || asciiDomain(m[4]) !== asciiDomain(deskDomain)) return null;
  const ticketId = positive(m[1]);
  const sideConversationId = positive(m[2]);
  if (ticketId === null || sideConversationId === null) return null;
  if (m[3] !== undefined && positive(m[3]) === null) return null;
  return { ticketId, sideConversationId };
}

/** The side conversation a reply belongs to, or null: see the order above. */
export function sideConversationRefOf(message: ReplyHeaders, deskDomain: string): SideConversationRef | null {
  for (const id of messageIdsIn(message.inReplyTo ?? '')) {
    const ref = parseSideConversationMessageId(id, deskDomain);
    if (ref) return { ...ref, via: 'IN_REPLY_TO' };
  }
  for (const id of [...message.references].reverse().flatMap(messageIdsIn)) {
    const ref = parseSideConversationMessageId(id, deskDomain);
    if (ref) return { ...ref, via: 'REFERENCES' };
  }
  const m = SUBJECT_REF.exec(message.subject);
  const ticketId = positive(m?.[1]);
  const sideConversationId = positive(m?.[2]);
  return ticketId === null || sideConversationId === null ? null : { ticketId, sideConversationId, via: 'SUBJECT' };
}
