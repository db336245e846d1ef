import { registerEnumType } from 'type-graphql';

/** What a webhook can subscribe to; the outbox message's kind is the event's name. */
export enum WebhookEvent {
  USER_CREATED = 'USER_CREATED',
  USER_UPDATED = 'USER_UPDATED',
  USER_DELETED = 'USER_DELETED',
  TICKET_CREATED = 'TICKET_CREATED',
  TICKET_UPDATED = 'TICKET_UPDATED',
  ORGANIZATION_CREATED = 'ORGANIZATION_CREATED',
  ORGANIZATION_UPDATED = 'ORGANIZATION_UPDATED',
  ORGANIZATION_DELETED = 'ORGANIZATION_DELETED',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: "An event a webhook can subscribe to. The delivery's JSON is `{ id, event, createdAt, data }`.",
  valuesConfig: {
    USER_CREATED: { description: 'A user was added (any way: the admin app, the API, an import, a ticket). data: { user }.' },
    USER_UPDATED: { description: "A user's profile, addresses, tags or organization changed. data: { user }." },
    USER_DELETED: { description: 'A user was deleted. data: { user }, with deletedAt set and email null (its addresses are freed at once).' },
    TICKET_CREATED: { description: 'A ticket was created. data: { ticket }.' },
    TICKET_UPDATED: { description: 'A ticket changed: its fields, a comment, its CCs, a side conversation. data: { ticket, action }.' },
    ORGANIZATION_CREATED: { description: 'An organization was added. data: { organization }.' },
    ORGANIZATION_UPDATED: { description: 'An organization changed. data: { organization }.' },
    ORGANIZATION_DELETED: { description: 'An organization was deleted. data: { organization: { id, name } }.' },
  },
});

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = Object.values(WebhookEvent);

/** The ping sent by testWebhook (outbox kind TEST, header X-Accueil-Event: TEST). */
export const TEST_EVENT = 'TEST';
