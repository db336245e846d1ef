import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.js';
import { connectRedis, DatabaseCounters, RedisCounters, type Counters } from '../../server/limits/counters.js';
import { isStoreUnavailable } from '../../server/db/unavailable.js';
import { RateLimiter } from '../../server/auth/rate-limiter.js';
import { freshDatabase, testDialects } from '../helpers/databases.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The start of a window a little ahead of the clock (Redis expires a counter at its window's end). */
const NEXT_WINDOW = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;

/** Hits that arrive together are each counted once: the counts are 1..n, none lost, none repeated. */
async function countsTogether(counters: Counters, key: string, n: number, now: number): Promise<number[]> {
  const counts = await Promise.all(Array.from({ length: n }, () => counters.hit(key, 60_000, now)));
  return counts.map((c) => c.hits).sort((a, b) => a - b);
}

function sharedCounterTests(make: () => Counters) {
  it('counts concurrent hits atomically, each key and window apart, and says when the window ends', async () => {
    const counters = make();
    const key = `k-${randomBytes(4).toString('hex')}`;
    const now = NEXT_WINDOW + 30_000;
    for (let round = 0; round < 20; round++) {
      const k = `${key}-${round}`;
      expect(await countsTogether(counters, k, 25, now)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    }
    expect(await counters.hit(`${key}-0`, 60_000, now + 29_000)).toEqual({ hits: 26, resetAt: NEXT_WINDOW + 60_000 });
    // The next window starts again at 1; another key is not touched.
    expect((await counters.hit(`${key}-0`, 60_000, now + 30_000)).hits).toBe(1);
    expect((await counters.hit(`${key}-other`, 60_000, now)).hits).toBe(1);
  });

  it('a limiter allows `limit` hits per window, then tells the seconds left', async () => {
    const limiter = new RateLimiter(make(), 3, 60_000, `t-${randomBytes(4).toString('hex')}`);
    const now = NEXT_WINDOW + 15_000;
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await limiter.hit('ip:192.0.2.1', now));
    expect(waits).toEqual([0, 0, 0, 45, 45]);
    expect(await limiter.hit('ip:192.0.2.2', now)).toBe(0);
    expect(await new RateLimiter(make(), 0, 60_000, 'off').hit('ip:192.0.2.1', now)).toBe(0);
  });
}

describe.each(testDialects())('rate-limit counters in the database (%s)', (dialect) => {
  let db: Database;
  let cleanup = async () => {};
  beforeAll(async () => {
    const fresh = freshDatabase(dialect, 'rl');
    cleanup = fresh.cleanup;
    db = await Database.open(fresh.url);
  });
  afterAll(async () => {
    await db?.close();
    await cleanup();
  });

  sharedCounterTests(() => new DatabaseCounters(db));

  it('keeps one row per key and window, and sweeps ended windows', async () => {
    const counters = new DatabaseCounters(db);
    const old = Date.UTC(2020, 0, 1);
    await counters.hit('sweep-me', 60_000, old);
    const before = await db.manager.query(`SELECT COUNT(*) AS n FROM rate_limit_counters WHERE counter_key = 'sweep-me'`);
    expect(Number(before[0].n)).toBe(1);
    await new DatabaseCounters(db).hit('sweeper', 60_000, Date.now()); // a fresh instance sweeps on its first hit
    await new Promise((ok) => setTimeout(ok, 200));
    const after = await db.manager.query(`SELECT COUNT(*) AS n FROM rate_limit_counters WHERE counter_key = 'sweep-me'`);
    expect(Number(after[0].n)).toBe(0);
  });
});

describe('rate-limit counters in Redis', () => {
  const prefix = `accueil-test:${randomBytes(4).toString('hex')}:`;
  let counters: RedisCounters;
  beforeAll(async () => {
    counters = new RedisCounters(await connectRedis(REDIS_URL), prefix);
  });
  afterAll(async () => {
    await counters?.close();
  });

  sharedCounterTests(() => counters);

  it('says clearly when Redis cannot be reached, at start and later', async () => {
    await expect(connectRedis('redis://127.0.0.1:1')).rejects.toThrow(/cannot reach Redis at 127\.0\.0\.1:1: connection refused/);
    const closed = new RedisCounters(await connectRedis(REDIS_URL), prefix);
    await closed.close();
    const err = await closed.hit('x', 60_000).catch((e: unknown) => e);
    expect(isStoreUnavailable(err)).toBe(true);
  });
});
