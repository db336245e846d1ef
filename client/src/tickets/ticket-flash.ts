// What a write tells about the people it named: the customers it made (the
// agent sees who was created) and the server's warnings about the addresses
// (one never mailed, a domain without mail server, the block list); shown by
// TicketNewsNotices. Creating a ticket hands it, with "Ticket created", to the
// page it lands on.
import type { WarningDetailsFragment } from '../graphql/generated/graphql';
import { flashMessage } from '../ui/page/flash';

export interface TicketNews {
  createdUsers: { id: string; name: string; email: string }[];
  warnings: WarningDetailsFragment[];
}

export interface TicketFlash extends TicketNews {
  created: boolean;
}

/** Nothing to tell. */
export const NO_NEWS: TicketNews = { createdUsers: [], warnings: [] };

/** What two writes told, the later one last; a warning already said (the same address twice) is said once. */
export function addNews(told: TicketNews, more: TicketNews): TicketNews {
  const said = new Set(told.warnings.map((w) => w.message));
  return {
    createdUsers: [...told.createdUsers, ...more.createdUsers],
    warnings: [...told.warnings, ...more.warnings.filter((w) => !said.has(w.message))],
  };
}

/** To a ticket's page, by its id. */
export const ticketFlash = flashMessage<TicketFlash>();
