import type { Redis } from 'ioredis';
import type { Database } from '../db/database.js';
import { StoreUnavailableError } from '../db/unavailable.js';

/** The count under a key in the current fixed window, and when that window ends. */
export interface Count {
  hits: number;
  /** End of the window (milliseconds since 1970). */
  resetAt: number;
}

/**
 * Counters shared by every process: each hit adds one to `key` in the fixed
 * window of `windowMs` that `now` falls in (windows are aligned on the clock,
 * so every process and machine counts in the same window).
 */
export interface Counters {
  hit(key: string, windowMs: number, now?: number): Promise<Count>;
  close(): Promise<void>;
}

const windowOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;

/**
 * Counters in the database (`rate_limit_counters`): one atomic upsert per hit.
 * MySQL reads the new count back from the same statement (LAST_INSERT_ID(expr)
 * in the OK packet, no second round trip); SQLite with RETURNING, in its write
 * queue. Expired windows are swept now and then.
 */
export class DatabaseCounters implements Counters {
  private lastSweep = 0;

  constructor(private readonly db: Database) {}

  async hit(key: string, windowMs: number, now = Date.now()): Promise<Count> {
    const start = windowOf(now, windowMs);
    const resetAt = start + windowMs;
    const params = [key, start, resetAt];
    let hits: number;
    if (this.db.dialect === 'mysql') {
      const ok: { affectedRows: number; insertId: number } = await this.db.manager.query(
        'INSERT INTO rate_limit_counters (counter_key, window_start, hits, expires_at) VALUES (?, ?, 1, ?) ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)',
        params,
      );
      // A fresh row (1 row affected) is the first hit; an update (2) reports its new count as the insert id.
      hits = ok.affectedRows === 1 ? 1 : Number(ok.insertId);
    } else {
      const rows: { hits: number }[] = await this.db.transaction((m) =>
        m.query(
          'INSERT INTO rate_limit_counters (counter_key, window_start, hits, expires_at) VALUES (?, ?, 1, ?) ON CONFLICT (counter_key, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits',
          params,
        ),
      );
      hits = Number(rows[0].hits);
    }
    this.sweep(now);
    return { hits, resetAt };
  }

  /** Forgets ended windows about once a minute per process (housekeeping: a failure waits for the next sweep). */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const run = () => this.db.manager.query('DELETE FROM rate_limit_counters WHERE expires_at < ?', [now]);
    (this.db.dialect === 'mysql' ? run() : this.db.transaction(run)).catch(() => undefined);
  }

  async close(): Promise<void> {}
}

/**
 * Counters in Redis (REDIS_URL): INCR and PEXPIREAT in one MULTI, one round
 * trip. The client never queues commands while Redis is away: they fail at
 * once (StoreUnavailableError, answered 503) and the client reconnects alone.
 */
export class RedisCounters implements Counters {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number, now = Date.now()): Promise<Count> {
    const start = windowOf(now, windowMs);
    const resetAt = start + windowMs;
    const k = `${this.prefix}${key}:${start}`;
    let replies: [Error | null, unknown][] | null;
    try {
      replies = await this.redis
        .multi()
        .incr(k)
        .pexpireat(k, resetAt + 1000)
        .exec();
    } catch (err) {
      throw new StoreUnavailableError('Redis', err);
    }
    const [incr] = replies ?? [];
    if (!incr || incr[0]) throw new StoreUnavailableError('Redis', incr?.[0] ?? 'the transaction was discarded');
    return { hits: Number(incr[1]), resetAt };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** Options that make the Redis client fail fast instead of queueing while Redis is away. */
export const FAIL_FAST_REDIS = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 2000,
  commandTimeout: 1000,
  retryStrategy: (times: number) => Math.min(times * 200, 2000),
} as const;

/** Redis at `url`, connected (or the connection error, for a clear line at start). */
export async function connectRedis(url: string): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { ...FAIL_FAST_REDIS });
  let lastError: unknown;
  redis.on('error', (err) => (lastError = err)); // reported where a command fails; the client keeps reconnecting
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    const u = new URL(url);
    const code = (lastError as { code?: string } | undefined)?.code ?? (err as { code?: string }).code;
    const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'unknown host' : ((lastError ?? err) as Error).message;
    throw new Error(`cannot reach Redis at ${u.hostname}:${u.port || 6379}: ${why}`);
  }
  return redis;
}
