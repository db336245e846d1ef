// What a write hands to the ticket page it lands on: "Ticket created", and
// the customers the write made (the agent sees who was created), with the
// server's warnings (e.g. an address that is never mailed).
import { flashMessage } from '../ui/page/flash';

export interface TicketFlash {
  created: boolean;
  createdUsers: { id: string; name: string; email: string }[];
  warnings: { message: string }[];
}

/** To a ticket's page, by its id. */
export const ticketFlash = flashMessage<TicketFlash>();
