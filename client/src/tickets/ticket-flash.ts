// What a write tells the ticket page: the customers it made (the agent sees who
// was created) and the server's warnings about the addresses it named (one
// never mailed, a domain without mail server, the block list). Creating a
// ticket hands it, with "Ticket created", to the page it lands on; Add CC and
// starting a side conversation hand it to the page they are on.
import type { WarningDetailsFragment } from '../graphql/generated/graphql';
import { flashMessage } from '../ui/page/flash';

export interface TicketNews {
  createdUsers: { id: string; name: string; email: string }[];
  warnings: WarningDetailsFragment[];
}

export interface TicketFlash extends TicketNews {
  created: boolean;
}

/** Nothing to tell (a status change, a reply, a removed CC). */
export const NO_NEWS: TicketNews = { createdUsers: [], warnings: [] };

/** To a ticket's page, by its id. */
export const ticketFlash = flashMessage<TicketFlash>();
