import type { Counters } from '../limits/counters.js';

/**
 * A budget of `limit` hits per key in each fixed window of `windowMs`,
 * counted in shared counters (the database, or Redis when REDIS_URL is set),
 * so it holds across every process and machine. A limit of 0 is off.
 */
export class RateLimiter {
  constructor(
    private readonly counters: Counters,
    readonly limit: number,
    readonly windowMs: number,
    /** Keeps this limiter's keys apart from the others' in the shared counters. */
    private readonly name: string,
  ) {}

  /** Counts a hit; returns 0 when allowed, else the seconds until the window ends. */
  async hit(key: string, now = Date.now()): Promise<number> {
    const { allowed, resetAt } = await this.take(key, now);
    return allowed ? 0 : Math.max(1, Math.ceil((resetAt - now) / 1000));
  }

  /** Counts a hit and tells what is left of the budget (for RateLimit headers). */
  async take(key: string, now = Date.now()): Promise<{ allowed: boolean; remaining: number; resetAt: number }> {
    if (this.limit <= 0) return { allowed: true, remaining: Number.MAX_SAFE_INTEGER, resetAt: now };
    const { hits, resetAt } = await this.counters.hit(`${this.name}:${key}`, this.windowMs, now);
    return { allowed: hits <= this.limit, remaining: Math.max(0, this.limit - hits), resetAt };
  }
}

/**
 * The client an address stands for, as the limits count it: an IPv4 address
 * (also when IPv4-mapped, ::ffff:a.b.c.d), or the /64 network of an IPv6
 * address, since one IPv6 host usually has a whole /64 to pick from.
 */
export function clientOf(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
