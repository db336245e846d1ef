import DataLoader from 'dataloader';
import type { TicketService } from './ticket.service.js';
import type { SideConversation, SideConversationMessage } from './ticket.entity.js';

function grouped<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): R[][] {
  const by = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const r of rows) by.get(keyOf(r))?.push(r);
  return keys.map((k) => by.get(k)!);
}

/** Per-request batches for what hangs on tickets: a page of tickets costs one query per kind. */
export function ticketLoaders(tickets: TicketService) {
  const reads = tickets.reads;
  return {
    sideConversations: new DataLoader<number, SideConversation[]>(async (ids) =>
      grouped(ids, await reads.sideConversationsOf(ids), (r) => r.ticketId),
    ),
    sideConversationParticipants: new DataLoader<number, number[]>(async (ids) =>
      grouped(ids, await reads.participantsOf(ids), (r) => r.sideConversationId).map((rows) => rows.map((r) => r.userId)),
    ),
    sideConversationMessages: new DataLoader<number, SideConversationMessage[]>(async (ids) =>
      grouped(ids, await reads.messagesOf(ids), (r) => r.sideConversationId),
    ),
  };
}
