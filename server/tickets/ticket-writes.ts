import type { EntityManager } from 'typeorm';
import type { ContactOrigin } from '../users/user.service.js';
import { CreatedVia, type User } from '../users/user.entity.js';
import type { Ticket } from './ticket.entity.js';
import { TicketStatus, type TicketEventAction, type TicketVia } from './ticket-enums.js';
import type { CheckedRef } from './ticket-people.js';
import type { TicketHold } from '../settings/request-access.js';
import type { Lang } from '../i18n/language.js';

// What the ticket service's writes take and answer (ticket.service.ts): a new ticket, a comment, the
// acknowledgment of a request written in, and the listeners told of each change.

/** Told, inside a ticket's write transaction, of each change of it (webhooks write their outbox messages in it). */
export type TicketChangeListener = (m: EntityManager, ticketId: number, action: TicketEventAction, at: Date) => Promise<void>;

/** Who wrote something: the requester of the ticket, a user by id, or nobody (a token's or the system's). */
export type Author = 'requester' | number | null;

/** A new ticket, checked (see the resolver, the web form and inbound mail). */
export interface NewTicket {
  subject: string;
  comment: string;
  requester: CheckedRef;
  ccs: readonly CheckedRef[];
  status: TicketStatus;
  via: TicketVia;
  requesterOrigin: ContactOrigin;
  ccOrigin: ContactOrigin;
  submitter: Author;
  commentAuthor: Author;
  messageId?: string | null;
  attachments?: string[];
  /** Held instead of worked (request-admission.ts): SUSPENDED by the block list, UNVERIFIED until the requester verifies. */
  held?: TicketHold | null;
  /** Runs in the ticket's transaction once it is written (the verification mail of a held request). */
  afterCreate?: (m: EntityManager, ticket: Ticket, requester: User) => Promise<void>;
  /** The requester wrote in (web form, help center, mail): onRequestReceived acknowledges it. */
  acknowledge?: Acknowledge;
}

/** What writing in fixes: a new ticket made and first commented by its requester, who is found or made SELF, the CCs CC. */
export type RequestWrittenIn = Omit<NewTicket, 'status' | 'requesterOrigin' | 'ccOrigin' | 'submitter' | 'commentAuthor'>;

/** A request its requester wrote in (the web form, mail to the desk). */
export function writtenIn(input: RequestWrittenIn): NewTicket {
  return {
    ...input,
    status: TicketStatus.NEW,
    requesterOrigin: { via: CreatedVia.SELF },
    ccOrigin: { via: CreatedVia.CC },
    submitter: 'requester',
    commentAuthor: 'requester',
  };
}

/** How a request came in, for its acknowledgment (mail/request-received-mail.ts). */
export interface Acknowledge {
  /** The language of the form's page, if any (for a requester without a locale). */
  language: Lang | null;
  /** Who wrote it is known to hold the address: signed in as the requester (the web form), or mail whose sender the desk's receiving server proved. */
  writerProven: (requesterId: number) => boolean;
}

export interface NewComment {
  body: string;
  public: boolean;
  via: TicketVia;
  author: Author;
  messageId?: string | null;
  attachments?: string[];
  /** An out-of-office reply (automatic): kept, reopening nothing. */
  automatic?: boolean;
}

export interface TicketWrite<T> {
  ticket: Ticket;
  result: T;
}

/** People a side conversation makes: createdVia SIDE_CONVERSATION, tagged. */
export const SIDE_CONVERSATION_ORIGIN: ContactOrigin = { via: CreatedVia.SIDE_CONVERSATION, tag: 'created_for_side_conversation' };
