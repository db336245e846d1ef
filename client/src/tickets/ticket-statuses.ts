// Ticket statuses in the order people read them (the schema prints them alphabetically).
import { inOrder } from '../graphql/enum-order';
import { TicketStatus } from '../graphql/generated/graphql';

export const TICKET_STATUSES = inOrder(TicketStatus, ['NEW', 'OPEN', 'PENDING', 'SOLVED']);
