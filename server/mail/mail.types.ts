import { Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OPEN } from '../auth/policy.js';
import { mailPolicy } from './mail.policy.js';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';

export enum OutboxStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(OutboxStatus, {
  name: 'OutboxStatus',
  description: 'Where an outgoing message stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent: new, waiting for a retry, or no mail server is set (MAIL_URL).' },
    SENDING: { description: 'Being sent by one of the processes.' },
    SENT: { description: 'The receiving server took it.' },
    FAILED: { description: 'Refused for good, or still failing after the last retry: `reason` holds the last answer.' },
    SKIPPED: { description: 'Never sent, on purpose: a reserved name or a domain without a mail server (`reason` says which).' },
  },
});

/** Read under mailPolicy.readMessages, however it is reached (a token that may send but not read users sees only the id). */
@ObjectType('OutboxMessage', { simpleResolvers: true, description: 'An email the desk sent or is sending (the outbox).' })
@Authorized(mailPolicy.readMessages)
export class OutboxMessageView {
  @Field(() => ID, { description: 'Identifies the message.' })
  @Authorized(OPEN)
  id: string;

  @Field(() => String, {
    description: 'What it is: FOLLOW_UP, TICKET_COMMENT, TICKET_RECEIVED (a request acknowledged), SIDE_CONVERSATION, WELCOME, VERIFICATION…',
  })
  kind: string;

  @Field(() => String, { description: 'The address it goes to.' })
  to: string;

  @Field(() => String, { description: 'Its subject.' })
  subject: string;

  @Field(() => OutboxStatus, { description: 'Where it stands.' })
  status: OutboxStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was skipped or failed, or the last temporary failure of a message waiting to be retried.',
  })
  reason: string | null;

  @Field(() => Int, { description: 'Delivery tries so far.' })
  attempts: number;

  @Field(() => Date, { description: 'When it was queued (UTC).' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the receiving server took it (UTC); null until then.' })
  sentAt: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'A message and its cursor.' })
export class OutboxMessageEdge {
  @Field(() => String, { description: 'Pass as `after` to read the messages after this one.' })
  cursor: string;

  @Field(() => OutboxMessageView, { description: 'The message.' })
  node: OutboxMessageView;
}

@ObjectType({ simpleResolvers: true, description: 'A page of outgoing messages, newest first.' })
export class OutboxMessageConnection {
  @Field(() => [OutboxMessageEdge], { description: 'The messages of this page.' })
  @listSize({ kind: 'edges' })
  edges: OutboxMessageEdge[];

  @Field(() => PageInfo, { description: 'Whether more messages follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many messages match, over all pages.' })
  totalCount: number;
}

export const EMAIL_LIMITS = { subject: 200, body: 20_000 } as const;

@InputType({ description: 'An email to a user: its subject and its text.' })
export class SendUserEmailInput {
  @Field(() => String, { description: `One line, 1 to ${EMAIL_LIMITS.subject} characters.` })
  subject: string;

  @Field(() => String, { description: `The text, 1 to ${EMAIL_LIMITS.body} characters; line breaks are kept.` })
  body: string;
}
