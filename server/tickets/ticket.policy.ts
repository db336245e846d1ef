import { isSelf, isStaffRole, rule, STAFF } from '../auth/policy.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { msg } from '../i18n/message.js';

const { TICKETS_READ, TICKETS_WRITE } = ApiTokenScope;

/** What the read rule needs of a ticket: who asked for it and who is copied. */
export interface TicketAccess {
  requesterId: number;
  ccIds?: readonly number[];
}

/**
 * Tickets. Staff (agents, admins) read and work every ticket. An end user
 * reads only the tickets they requested or are CC'd on, and never internal
 * notes, side conversations or the history. Tokens act with their creator's
 * role: TICKETS_READ to read, TICKETS_WRITE to write (the people in a ticket
 * are users: their fields need USERS_READ as everywhere). A token with the
 * INBOUND scope only delivers mail to POST /inbound/email (refused at /graphql).
 * The public web form (`submitRequest`) is open to anyone.
 */
export const ticketPolicy = {
  read: rule<TicketAccess>({
    name: 'ticket.read',
    scope: TICKETS_READ,
    target: (v, t) =>
      isStaffRole(v.user.role) || isSelf(v, t.requesterId) || (t.ccIds ?? []).includes(v.user.id) ? null : msg('refusals.onlyOwnOrCopiedTickets'),
  }),
  /** Lists and searches of tickets, internal notes, side conversations, history. */
  list: rule({ name: 'tickets.list', scope: TICKETS_READ, roles: STAFF, message: msg('tickets.agentsAdminsDo') }),
  /** Someone's requested or CC'd tickets: staff anyone's, an end user their own. */
  readOf: rule<{ id: number }>({
    name: 'tickets.readOf',
    scope: TICKETS_READ,
    target: (v, u) => (isStaffRole(v.user.role) || isSelf(v, u.id) ? null : msg('refusals.onlyOwnTickets')),
  }),
  /** A comment reached through a ticket the viewer may read: staff any, others the public ones. */
  readComment: rule<{ public: boolean }>({
    name: 'ticket.readComment',
    scope: TICKETS_READ,
    target: (v, c) => (isStaffRole(v.user.role) || c.public ? null : msg('refusals.onlyStaffSeeNotes')),
  }),
  write: rule({ name: 'tickets.write', scope: TICKETS_WRITE, roles: STAFF, message: msg('tickets.agentsAdminsWorkTickets') }),
  /** The public Submit a request form. */
  submit: rule({ name: 'tickets.submit', open: true }),
} as const;
