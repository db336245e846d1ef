import { registerEnumType } from 'type-graphql';

/** Where a ticket stands. */
export enum TicketStatus {
  NEW = 'NEW',
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  SOLVED = 'SOLVED',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where a ticket stands.',
  valuesConfig: {
    NEW: { description: 'Nobody has worked on it yet.' },
    OPEN: { description: 'Being worked on.' },
    PENDING: { description: 'Waiting for the requester.' },
    SOLVED: { description: 'Done.' },
  },
});

/** How a ticket (or a comment) came in. */
export enum TicketVia {
  AGENT = 'AGENT',
  WEB_FORM = 'WEB_FORM',
  EMAIL = 'EMAIL',
  API = 'API',
}
registerEnumType(TicketVia, {
  name: 'TicketVia',
  description: 'How a ticket or a comment came in.',
  valuesConfig: {
    AGENT: { description: 'An agent or admin wrote it in the admin app.' },
    WEB_FORM: { description: 'The public Submit a request form.' },
    EMAIL: { description: 'Mail to the desk.' },
    API: { description: "A partner app's API token." },
  },
});

/** What happened to a ticket, as its history records it. */
export enum TicketEventAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  COMMENT_ADDED = 'COMMENT_ADDED',
  CC_ADDED = 'CC_ADDED',
  CC_REMOVED = 'CC_REMOVED',
  SIDE_CONVERSATION_STARTED = 'SIDE_CONVERSATION_STARTED',
  SIDE_CONVERSATION_MESSAGE_ADDED = 'SIDE_CONVERSATION_MESSAGE_ADDED',
}
registerEnumType(TicketEventAction, {
  name: 'TicketEventAction',
  description: 'What happened to a ticket.',
  valuesConfig: {
    CREATED: { description: 'The ticket was created (with its first comment and CCs).' },
    UPDATED: { description: 'Its subject, status or requester changed.' },
    COMMENT_ADDED: { description: 'A public comment or an internal note was added.' },
    CC_ADDED: { description: 'Someone was copied on it.' },
    CC_REMOVED: { description: 'Someone was taken off its CCs.' },
    SIDE_CONVERSATION_STARTED: { description: 'A side conversation was started.' },
    SIDE_CONVERSATION_MESSAGE_ADDED: {
      description: 'A message was added to a side conversation (by staff, or a reply by email from a participant).',
    },
  },
});
