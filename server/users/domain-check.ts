import { Resolver } from 'node:dns/promises';

/**
 * The optional domain check: can mail reach this domain? MX first (a "null
 * MX" says no), then A/AAAA. It only ever produces a warning: a timeout, a
 * refused query or a missing network gives UNKNOWN, never an error.
 *
 * Some networks answer "no such domain" for every name (sandboxes, captive
 * portals). A canary name that must exist is checked first; when even it is
 * "missing", the resolver is not trusted and every answer is UNKNOWN.
 */
export type DomainVerdict = 'DELIVERABLE' | 'NO_MAIL_DOMAIN' | 'UNKNOWN';

export interface DomainCheckOptions {
  /** DNS servers as host or host:port; the system's when empty. */
  servers?: string[];
  timeoutMs?: number;
  /** A domain that must resolve when DNS works. */
  canary?: string;
  cacheSize?: number;
}

const POSITIVE_TTL_MS = 60 * 60_000;
const NEGATIVE_TTL_MS = 10 * 60_000;
const CANARY_TTL_MS = 5 * 60_000;

const code = (e: unknown): string => (e as { code?: string })?.code ?? '';
/** Answers that mean "this name has no such records", as opposed to "could not ask". */
const NO_SUCH_NAME = new Set(['ENOTFOUND']);
const NO_DATA = new Set(['ENODATA']);

export class DomainChecker {
  private readonly resolver: Resolver;
  private readonly cache = new Map<string, { verdict: DomainVerdict; until: number }>();
  private canaryOk: { ok: boolean; until: number } | null = null;

  constructor(private readonly opts: DomainCheckOptions = {}) {
    this.resolver = new Resolver({ timeout: opts.timeoutMs ?? 1500, tries: 1 });
    if (opts.servers?.length) this.resolver.setServers(opts.servers);
  }

  async check(asciiDomain: string): Promise<DomainVerdict> {
    const now = Date.now();
    const hit = this.cache.get(asciiDomain);
    if (hit && hit.until > now) return hit.verdict;
    if (!(await this.trusted())) return 'UNKNOWN';
    const verdict = await this.lookup(asciiDomain);
    if (verdict !== 'UNKNOWN') {
      if (this.cache.size >= (this.opts.cacheSize ?? 10_000)) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(asciiDomain, { verdict, until: now + (verdict === 'DELIVERABLE' ? POSITIVE_TTL_MS : NEGATIVE_TTL_MS) });
    }
    return verdict;
  }

  private async trusted(): Promise<boolean> {
    const now = Date.now();
    if (this.canaryOk && this.canaryOk.until > now) return this.canaryOk.ok;
    const canary = this.opts.canary ?? 'gmail.com';
    const ok = (await this.lookup(canary)) === 'DELIVERABLE';
    this.canaryOk = { ok, until: now + CANARY_TTL_MS };
    return ok;
  }

  private async lookup(domain: string): Promise<DomainVerdict> {
    try {
      const mx = await this.resolver.resolveMx(domain);
      // RFC 7505 null MX: one record with an empty exchange means "no mail here".
      if (mx.length === 1 && (mx[0].exchange === '' || mx[0].exchange === '.')) return 'NO_MAIL_DOMAIN';
      if (mx.length > 0) return 'DELIVERABLE';
    } catch (e) {
      if (NO_SUCH_NAME.has(code(e))) return 'NO_MAIL_DOMAIN';
      if (!NO_DATA.has(code(e))) return 'UNKNOWN';
    }
    // No MX: mail falls back to the address records (RFC 5321 5.1).
    const results = await Promise.allSettled([this.resolver.resolve4(domain), this.resolver.resolve6(domain)]);
    if (results.some((r) => r.status === 'fulfilled' && r.value.length > 0)) return 'DELIVERABLE';
    const failures = results.map((r) => (r.status === 'rejected' ? code(r.reason) : 'ENODATA'));
    return failures.every((c) => NO_SUCH_NAME.has(c) || NO_DATA.has(c)) ? 'NO_MAIL_DOMAIN' : 'UNKNOWN';
  }
}
