import type { EntityManager } from 'typeorm';
import { enqueueEmail } from '../outbox/outbox.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { Ticket } from '../tickets/ticket.entity.js';
import type { Acknowledge } from '../tickets/ticket-writes.js';
import { Role } from '../users/role.js';
import type { User } from '../users/user.entity.js';
import { languageOfLocale } from '../i18n/language.js';
import { msg } from '../i18n/message.js';
import { ticketMailHeaders, ticketMailSubject, ticketMailText } from './ticket-mail.js';
import { primaryEmailOf } from './mail.service.js';

/** The kind of the acknowledgment in the outbox (OutboxMessage.kind). */
export const TICKET_RECEIVED = 'TICKET_RECEIVED';

/** How much of the requester's first message the acknowledgment quotes back (a pasted log is not mailed back whole). */
export const QUOTE_LIMIT = 5000;

/** What the acknowledgment is about: the ticket's first comment, the requester's own words. */
export interface FirstMessage {
  id: number;
  body: string;
}

/** The requester's text as a plain-text quote (`> ` before each line), cut at QUOTE_LIMIT characters. */
export function quoted(body: string): string {
  const chars = [...body.trim()];
  const text = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : chars.join('');
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * "Your request was received" (Zendesk's default trigger "Notify requester of
 * received request"): one TICKET_RECEIVED email to the requester of a ticket
 * they made by writing in (the web form, the help center, mail to the desk),
 * queued in the ticket's transaction. Its callers say when a ticket is such a
 * request (NewTicket.acknowledge); the rules of when it is not mailed are here:
 * - a held request (block list, or waiting for the sender to verify: the
 *   verification mail is what they get);
 * - a requester who is staff (Zendesk's trigger: "current user is an end user");
 * - the desk's `acknowledgeRequests` setting off.
 * Refused requests and mail the inbound code ignores (auto-replies, lists,
 * bounces) make no ticket, so no acknowledgment; CCs get nothing; a reserved
 * address is SKIPPED by the outbox as for every email. The deliverer marks it
 * `Auto-Submitted: auto-replied` (RFC 3834).
 *
 * Its subject and the quote of the request are the writer's words: they are
 * mailed back only when the address is the requester's (verified) and the
 * writer is its owner (signed in as them, or mail whose sender the desk's
 * receiving server proved). Anyone else (a visitor's form, where anyone may
 * type a customer's address; mail, whose From anyone may write) gets the
 * receipt alone, "[#12] Request received": the desk must not become a relay
 * that mails a stranger's text to any address it is given.
 *
 * In the requester's language (their profile's locale; for someone without
 * one, the language of the web form's page). The reply line
 * first, the ticket's threading ids as for comment mails (the Message-ID
 * names the first comment, In-Reply-To and References the ticket), so a reply
 * lands on the ticket as a comment, cut at that line.
 */
export function requestReceivedMail(deskDomain: string, settings: SettingsService) {
  return async (m: EntityManager, ticket: Ticket, requester: User, first: FirstMessage, how: Acknowledge): Promise<void> => {
    // A suspended requester's request is held (request-admission.ts); suspended since, they get nothing either.
    if (ticket.held || requester.suspended || requester.role !== Role.END_USER) return;
    if (!(await settings.get(m)).row.acknowledgeRequests) return;
    const to = await primaryEmailOf(m, requester.id);
    if (!to) return;
    const lang = requester.locale ? languageOfLocale(requester.locale) : (how.language ?? 'en');
    const headers = ticketMailHeaders(ticket.id, first.id, deskDomain);
    // The address is the requester's (verified) and the one who wrote is its owner (signed in, or proven mail).
    const proven = requester.verified && how.writerProven(requester.id);
    const text = ticketMailText(lang, ticket.id, [
      msg('doorMail.receivedIntro', { id: ticket.id }).render(lang),
      ...(proven ? [msg('doorMail.receivedQuote').render(lang), quoted(first.body)] : []),
    ]);
    const subject = ticketMailSubject(proven ? ticket : { id: ticket.id, subject: msg('doorMail.receivedSubject').render(lang) });
    await enqueueEmail(m, { kind: TICKET_RECEIVED, to, subject, text, userId: requester.id, headers });
  };
}
