import type { EntityManager } from 'typeorm';
import { parseEmail } from '../users/email-address.js';
import { OutboxMessage } from './outbox-message.entity.js';

export interface EmailToQueue {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  userId?: string | number | null;
  /** Extra headers (Message-ID, In-Reply-To, References…), kept in the payload. */
  headers?: Record<string, string>;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called (soon) after a message is queued: the worker of this process looks for work. */
export function onEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let pending: NodeJS.Timeout | null = null;

/**
 * Tells this process's worker that messages were queued. enqueue* calls it
 * after a short delay, when the transaction that queued them has usually
 * committed; the worker's poll finds them anyway.
 */
export function kickOutbox(delayMs = 20): void {
  if (listeners.size === 0 || pending) return;
  // One timer for a burst of messages (an import may queue thousands in a few seconds).
  pending = setTimeout(() => {
    pending = null;
    listeners.forEach((l) => l());
  }, delayMs);
  pending.unref();
}

/**
 * Queues any message (emails, webhook calls): ALWAYS with the manager of the
 * transaction of the change that causes it, so the message exists exactly
 * when the change does. Missing fields take their defaults (QUEUED, due now).
 */
export async function enqueueMessage(manager: EntityManager, row: Partial<OutboxMessage>): Promise<OutboxMessage> {
  const now = new Date();
  const message = manager.create(OutboxMessage, {
    channel: 'EMAIL',
    kind: 'TEST',
    userId: null,
    webhookId: null,
    recipient: '',
    subject: '',
    textBody: '',
    htmlBody: null,
    payload: null,
    orderKey: null,
    status: 'QUEUED',
    reason: null,
    attempts: 0,
    nextAttemptAt: now,
    claimedBy: null,
    claimedUntil: null,
    lastResponse: null,
    createdAt: now,
    sentAt: null,
    ...row,
  });
  const saved = await manager.save(OutboxMessage, message);
  if (saved.status === 'QUEUED') kickOutbox();
  return saved;
}

/**
 * Queues an email. An address that must never be mailed (reserved names such
 * as .invalid or example.com, or not an address at all) is recorded at once
 * as SKIPPED with the reason; the deliverer checks the domain's mail server.
 */
export async function enqueueEmail(manager: EntityManager, mail: EmailToQueue): Promise<OutboxMessage> {
  const parsed = parseEmail(mail.to);
  const skip = !parsed.ok
    ? `not a valid address: ${parsed.reason}`
    : parsed.email.deliverability === 'UNDELIVERABLE_RESERVED'
      ? reservedReason(parsed.email.domain)
      : null;
  return enqueueMessage(manager, {
    channel: 'EMAIL',
    kind: mail.kind,
    userId: mail.userId === undefined || mail.userId === null ? null : Number(mail.userId),
    recipient: parsed.ok ? parsed.email.address : mail.to,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html ?? null,
    payload: mail.headers ? JSON.stringify({ headers: mail.headers }) : null,
    ...(skip ? { status: 'SKIPPED', reason: skip } : {}),
  });
}

export function reservedReason(domain: string): string {
  return `${domain} is a reserved name: mail to it is never sent`;
}

/**
 * An erased person (issue 13) leaves nothing in the outbox: the messages to
 * them or about them (by user, or sent to one of their addresses) keep their
 * status and times but lose recipient, subject, bodies and payload; those not
 * sent yet are SKIPPED (a webhook partner still sees the deletion in
 * userChanges and in the USER_DELETED event that follows).
 */
export async function eraseOutboxOf(manager: EntityManager, userId: number, addresses: readonly string[]): Promise<void> {
  const byAddress = addresses.length ? ` OR recipient IN (${addresses.map(() => '?').join(', ')})` : '';
  const where = `(user_id = ?${byAddress})`;
  const params = [userId, ...addresses];
  await manager.query(
    `UPDATE outbox_messages SET status = 'SKIPPED', reason = 'The person was erased.' WHERE ${where} AND status IN ('QUEUED', 'SENDING')`,
    params,
  );
  await manager.query(
    `UPDATE outbox_messages SET recipient = '[erased]', subject = '[erased]', text_body = '', html_body = NULL, payload = NULL, last_response = NULL WHERE ${where}`,
    params,
  );
}
