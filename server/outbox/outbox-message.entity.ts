import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MEDIUMTEXT, TIMESTAMP } from '../db/columns.js';

export type OutboxChannel = 'EMAIL' | 'WEBHOOK';
export type OutboxStatusValue = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | 'SKIPPED';
/** Statuses after which nothing more happens to a message. */
export const FINAL_STATUSES: readonly OutboxStatusValue[] = ['SENT', 'FAILED', 'SKIPPED'];

/**
 * A message waiting to leave, or the record of one that left (issue 12): an
 * email or a webhook call. Written in the transaction of the change that
 * causes it (outbox.ts), then claimed by one process at a time and handed to
 * its channel's deliverer (outbox-worker.ts).
 *
 * - `kind`: what it is: WELCOME, VERIFICATION, FOLLOW_UP, TICKET_COMMENT, TICKET_RECEIVED,
 *   SIDE_CONVERSATION, INVITATION, PASSWORD_RESET, TEST, or a webhook event such as USER_CREATED.
 * - `recipient`: an email address or a URL.
 * - `orderKey`: messages sharing it are delivered strictly in id order; a later
 *   one waits until every earlier one is final (SENT, FAILED or SKIPPED).
 * - `claimedBy`/`claimedUntil`: the process sending it and until when its claim
 *   holds; a SENDING message whose claim expired (its process died) is claimed again.
 */
@Entity('outbox_messages')
@Index('ix_outbox_messages_due', ['status', 'nextAttemptAt'])
@Index('ix_outbox_messages_user', ['userId', 'id'])
@Index('ix_outbox_messages_webhook', ['webhookId', 'id'])
@Index('ix_outbox_messages_order', ['orderKey', 'id'])
@Index('ix_outbox_messages_status', ['status', 'id'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  channel: OutboxChannel;

  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId: number | null;

  @Column({ name: 'webhook_id', type: 'int', nullable: true })
  webhookId: number | null;

  @Column({ type: 'varchar', length: 2000 })
  recipient: string;

  @Column({ type: 'varchar', length: 1000 })
  subject: string;

  @Column({ name: 'text_body', ...MEDIUMTEXT })
  textBody: string;

  @Column({ name: 'html_body', ...MEDIUMTEXT, nullable: true })
  htmlBody: string | null;

  /** JSON text (webhooks). */
  @Column({ ...MEDIUMTEXT, nullable: true })
  payload: string | null;

  @Column({ name: 'order_key', type: 'varchar', length: 191, nullable: true })
  orderKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatusValue;

  /** Why a message was SKIPPED or FAILED (the last answer of a FAILED one). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  /** Delivery tries so far. */
  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'next_attempt_at', ...TIMESTAMP })
  nextAttemptAt: Date;

  @Column({ name: 'claimed_by', type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claimed_until', ...TIMESTAMP, nullable: true })
  claimedUntil: Date | null;

  /** What the receiving server answered the last time. */
  @Column({ name: 'last_response', type: 'varchar', length: 2000, nullable: true })
  lastResponse: string | null;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'sent_at', ...TIMESTAMP, nullable: true })
  sentAt: Date | null;
}
