import { Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';
import { WEBHOOK_EVENTS, WebhookEvent } from './webhook-event.js';
import { webhookPolicy } from './webhook.policy.js';

@ObjectType({ description: "A partner app's endpoint that receives events, signed with its secret. Admins signed in." })
@Authorized(webhookPolicy.manage)
export class Webhook {
  @Field(() => ID, { description: 'Identifies the webhook.' })
  id: number;

  @Field(() => String, { description: 'Where events are POSTed (http or https, a public address).' })
  url: string;

  @Field(() => [WebhookEvent], { description: 'The events sent to it.' })
  @listSize({ kind: 'bound', max: WEBHOOK_EVENTS.length })
  events: WebhookEvent[];

  @Field(() => String, { description: 'The last characters of the signing secret, to recognise it; the secret itself is never shown again.' })
  secretHint: string;

  @Field(() => Date, { description: 'When it was registered (UTC).' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it last changed (UTC).' })
  updatedAt: Date;
}

@InputType({ description: 'A new webhook.' })
export class CreateWebhookInput {
  @Field(() => String, {
    description: 'Where to POST events: an http(s) URL on a public address, without a user name or password; at most 2,000 characters.',
  })
  url: string;

  @Field(() => [WebhookEvent], { description: 'At least one event.' })
  events: WebhookEvent[];

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret, 16 to 255 visible ASCII characters; left out, Accueil makes one (shown once, in the answer).',
  })
  secret?: string | null;
}

@InputType({ description: 'Changes to a webhook; what is left out stays.' })
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true, description: 'A new URL (same rules as at creation).' })
  url?: string | null;

  @Field(() => [WebhookEvent], { nullable: true, description: 'The new list of events (at least one).' })
  events?: WebhookEvent[] | null;

  @Field(() => String, { nullable: true, description: 'A new signing secret (16 to 255 visible ASCII characters).' })
  secret?: string | null;
}

@ObjectType({ description: 'A new webhook and its signing secret.' })
export class CreateWebhookPayload {
  @Field(() => Webhook, { description: 'The webhook.' })
  webhook: Webhook;

  @Field(() => String, { description: 'The signing secret (the given one or a new one). Shown only now.' })
  secret: string;
}

export enum WebhookDeliveryStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands (the outbox message behind it).',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent, or for its next try.' },
    SENDING: { description: 'Being sent by a worker.' },
    SENT: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Given up: a 4xx answer (other than 429), a refused address, or too many tries.' },
    SKIPPED: { description: 'Not sent (the webhook no longer takes this event).' },
  },
});

@ObjectType({ description: 'One event sent (or to send) to a webhook. Admins signed in.' })
@Authorized(webhookPolicy.manage)
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery id: the X-Accueil-Delivery header and the JSON body's id." })
  id: number;

  @Field(() => String, { description: 'The event (a WebhookEvent name, or TEST for a test send).' })
  event: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'How many times it was tried.' })
  attempts: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status of the last answer; null when there was none (timeout, refused connection) or no try yet.',
  })
  responseStatus: number | null;

  @Field(() => String, { nullable: true, description: 'The last answer: status line and the first bytes of the body, or the error.' })
  lastResponse: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was skipped or failed.' })
  reason: string | null;

  @Field(() => Date, { description: 'When the event happened (UTC).' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted by the endpoint.' })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the next try is due, while queued.' })
  nextAttemptAt: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'A delivery, with its place in the log.' })
export class WebhookDeliveryEdge {
  @Field(() => String, { description: 'Pass as `after` to read older deliveries.' })
  cursor: string;

  @Field(() => WebhookDelivery, { description: 'The delivery.' })
  node: WebhookDelivery;
}

@ObjectType({ description: "A page of a webhook's deliveries, newest first." })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge], { description: 'The deliveries of this page.' })
  @listSize({ kind: 'edges' })
  edges: WebhookDeliveryEdge[];

  @Field(() => Int, { description: 'How many deliveries the webhook has in all.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Whether more deliveries follow, and where to continue.' })
  pageInfo: PageInfo;
}
