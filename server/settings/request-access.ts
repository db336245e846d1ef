import { registerEnumType } from 'type-graphql';

/** Who may submit requests to the desk. */
export enum RequestAccess {
  ANYONE = 'ANYONE',
  REGISTERED = 'REGISTERED',
  CLOSED = 'CLOSED',
  RESTRICTED = 'RESTRICTED',
}
registerEnumType(RequestAccess, {
  name: 'RequestAccess',
  description: 'Who may submit requests (the web form, email to the desk, sign-up).',
  valuesConfig: {
    ANYONE: { description: 'Anyone; an unknown sender gets an account.' },
    REGISTERED: {
      description: 'An unknown (or, with requireVerification, unverified) sender gets a verification email; the request waits until they verify.',
    },
    CLOSED: { description: 'Only people the team added (not self-made accounts); others are refused, and nobody signs up.' },
    RESTRICTED: { description: "Only addresses on the allow list or an organization's domains (and people the team added)." },
  },
});

/** Why a ticket waits. */
export enum TicketHold {
  SUSPENDED = 'SUSPENDED',
  UNVERIFIED = 'UNVERIFIED',
}
registerEnumType(TicketHold, {
  name: 'TicketHold',
  description: 'Why a ticket is held instead of being worked.',
  valuesConfig: {
    SUSPENDED: {
      description: 'Held for review: the block list (suspend:, a plain entry, or *), or its requester is a suspended account; an agent releases it.',
    },
    UNVERIFIED: { description: 'Its requester has not verified their address yet (requestAccess REGISTERED); released when they do.' },
  },
});
