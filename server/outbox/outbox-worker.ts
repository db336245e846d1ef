import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { placeholders, sqlDate } from '../db/sql.js';
import { WorkLoop } from '../db/work-loop.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { onEnqueued } from './outbox.js';

/** What a deliverer says about one message. */
export type DeliveryResult = { ok: true; response?: string } | { ok: false; temporary: boolean; response: string } | { skip: string };

export interface Deliverer {
  deliver(message: OutboxMessage): Promise<DeliveryResult>;
  /** Waits before each retry of a temporary failure (ms); the worker's default when absent. One try more than retries. */
  retryDelaysMs?: number[];
}

const deliverers = new Map<string, Deliverer>();

/** The deliverer of a channel ('EMAIL', 'WEBHOOK'): replaces the one registered before. A channel without one is not sent (its messages wait). */
export function registerDeliverer(channel: string, deliverer: Deliverer): void {
  deliverers.set(channel, deliverer);
}

export function unregisterDeliverer(channel: string): void {
  deliverers.delete(channel);
}

export interface OutboxWorkerOptions {
  /** How often to look for due messages when nothing told this process (ms). */
  pollMs: number;
  /** How long a claim holds: a SENDING message past it (its process died) is claimed again (ms). Longer than a delivery's timeout. */
  leaseMs: number;
  /** Messages claimed (and sent side by side) at once. */
  batchSize: number;
  /** Default waits before each retry (ms). */
  retryDelaysMs: number[];
}

const MAX_TEXT = 2000;
const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/**
 * Sends the outbox from this process. Every process may run one: due
 * messages are claimed in the database (`SELECT … FOR UPDATE SKIP LOCKED` on
 * MySQL; SQLite has one writer, and the claim's UPDATE re-checks the state),
 * marked SENDING with this process's name and a lease, then handed to their
 * channel's deliverer; the outcome is written only while the claim is still
 * this process's. A process killed mid-send leaves SENDING rows whose lease
 * runs out: they are claimed again, so nothing is lost.
 *
 * Messages with an `order_key` go out strictly in id order: one is due only
 * when no earlier message of its key is still QUEUED or SENDING.
 */
export class OutboxWorker {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly loop: WorkLoop;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly opts: OutboxWorkerOptions,
  ) {
    this.loop = new WorkLoop(
      () => this.work(),
      opts.pollMs,
      (err) => this.log.error({ err }, 'outbox worker failed'),
    );
  }

  start(): void {
    this.unsubscribe = onEnqueued(() => this.kick());
    this.loop.start();
  }

  /** Look for due messages now. */
  kick(): void {
    this.loop.kick();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.loop.stop();
  }

  /** Claims and sends until nothing is due. */
  private async work(): Promise<void> {
    while (!this.loop.isStopped) {
      const batch = await this.claim();
      if (batch.length === 0) return;
      await Promise.all(batch.map((m) => this.send(m)));
    }
  }

  private dueSql(channels: string[]): string {
    return `SELECT o.id FROM outbox_messages o
      WHERE o.channel IN (${placeholders(channels.length)})
        AND ((o.status = 'QUEUED' AND o.next_attempt_at <= ?) OR (o.status = 'SENDING' AND o.claimed_until < ?))
        AND (o.order_key IS NULL OR NOT EXISTS (
          SELECT 1 FROM outbox_messages p WHERE p.order_key = o.order_key AND p.id < o.id AND p.status IN ('QUEUED', 'SENDING')))
      ORDER BY o.next_attempt_at, o.id LIMIT ${Math.max(1, Math.floor(this.opts.batchSize))}`;
  }

  /** Takes due messages nobody live holds and marks them SENDING for this process; empty when none. */
  async claim(): Promise<OutboxMessage[]> {
    const channels = [...deliverers.keys()];
    if (channels.length === 0) return [];
    const now = new Date();
    const params = [...channels, sqlDate(now), sqlDate(now)];
    const due = this.dueSql(channels);
    // Most looks find nothing: one plain read, no transaction.
    if ((await this.db.manager.query(due, params)).length === 0) return [];
    const mysql = this.db.dialect === 'mysql';
    return this.db.transaction(async (m) => {
      const rows: { id: unknown }[] = await m.query(`${due}${mysql ? ' FOR UPDATE SKIP LOCKED' : ''}`, params);
      if (rows.length === 0) return [];
      const ids = rows.map((r) => Number(r.id));
      const until = new Date(Date.now() + this.opts.leaseMs);
      await m.query(
        `UPDATE outbox_messages SET status = 'SENDING', claimed_by = ?, claimed_until = ?, attempts = attempts + 1
         WHERE id IN (${placeholders(ids.length)})
           AND ((status = 'QUEUED' AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_until < ?))`,
        [this.owner, sqlDate(until), ...ids, sqlDate(now), sqlDate(now)],
      );
      return m
        .createQueryBuilder(OutboxMessage, 'o')
        .where('o.id IN (:...ids)', { ids })
        .andWhere('o.claimedBy = :owner', { owner: this.owner })
        .andWhere("o.status = 'SENDING'")
        .orderBy('o.id')
        .getMany();
    });
  }

  private async send(message: OutboxMessage): Promise<void> {
    const deliverer = deliverers.get(message.channel);
    let result: DeliveryResult;
    try {
      result = deliverer ? await deliverer.deliver(message) : { ok: false, temporary: true, response: `no deliverer for ${message.channel}` };
    } catch (err) {
      result = { ok: false, temporary: true, response: err instanceof Error ? err.message : String(err) };
    }
    const delays = deliverer?.retryDelaysMs ?? this.opts.retryDelaysMs;
    const now = new Date();
    let change: Partial<OutboxMessage>;
    if ('skip' in result) change = { status: 'SKIPPED', reason: clip(result.skip) };
    else if (result.ok) change = { status: 'SENT', sentAt: now, reason: null, lastResponse: result.response ? clip(result.response) : null };
    else if (result.temporary && message.attempts <= delays.length)
      change = {
        status: 'QUEUED',
        reason: clip(result.response),
        lastResponse: clip(result.response),
        nextAttemptAt: new Date(now.getTime() + delays[message.attempts - 1]),
      };
    else change = { status: 'FAILED', reason: clip(result.response), lastResponse: clip(result.response) };
    const done = await this.db
      .transaction((m) =>
        m.update(OutboxMessage, { id: message.id, claimedBy: this.owner, status: 'SENDING' }, { ...change, claimedBy: null, claimedUntil: null }),
      )
      .catch((err: unknown) => {
        this.log.error({ err, message: message.id }, 'could not record an outbox delivery');
        return null;
      });
    if (done && !done.affected) this.log.warn({ message: message.id }, 'outbox claim lost before the delivery was recorded');
    this.log.info(
      { message: message.id, channel: message.channel, kind: message.kind, status: change.status, attempts: message.attempts },
      'outbox delivery',
    );
  }
}
