import { parseEmail } from './users/email-address.js';
import { ConfigError } from './config-error.js';

// The environment's mail, outbox and link settings (config.ts reads them).

export type DomainCheckMode = 'warn' | 'block' | 'off';

/** EMAIL_DOMAIN_CHECK: warn (default; `dns` is its old name), block (refuse addresses whose domain takes no mail) or off. */
export function domainCheck(raw: string | undefined): DomainCheckMode {
  const v = (raw ?? 'warn').trim().toLowerCase();
  if (v === 'warn' || v === 'dns' || v === '') return 'warn';
  if (v === 'block' || v === 'off') return v;
  throw new ConfigError(`EMAIL_DOMAIN_CHECK must be warn, block or off, not "${raw}".`);
}

/** MAIL_URL: smtp://[user:password@]host[:port] or smtps:// (TLS from the start); the URL itself is never printed. */
export function mailUrl(raw: string | undefined): string | undefined {
  const v = raw?.trim() || undefined;
  if (v === undefined) return undefined;
  const shape = 'MAIL_URL must be written smtp://host:587 (or smtp://user:password@host:587, smtps://host:465 for TLS)';
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(`${shape}: it is not a valid URL.`);
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new ConfigError(`${shape}: it must start with smtp:// or smtps://.`);
  if (!u.hostname) throw new ConfigError(`${shape}: it names no host.`);
  if (u.pathname && u.pathname !== '/') throw new ConfigError(`${shape}: it takes no path.`);
  return v;
}

/** The address of a MAIL_FROM value (`Name <address>` or the address alone). */
export const mailFromAddress = (v: string): string => /<([^<>]*)>\s*$/.exec(v)?.[1] ?? v;

/** MAIL_FROM: an address, or `Name <address>`; defaults to accueil@ the inbound domain. */
export function mailFrom(raw: string | undefined, domain: string): string {
  const v = raw?.trim() || `Accueil <accueil@${domain}>`;
  const address = mailFromAddress(v);
  const name = v.slice(0, v.length - address.length).replace(/<\s*$/, '');
  const parsed = parseEmail(address);
  if (!parsed.ok || /[\u0000-\u001f\u007f"]/.test(name))
    throw new ConfigError(`MAIL_FROM must be an address such as desk@example.org or "Desk <desk@example.org>", not "${raw}".`);
  return v;
}

/** MAIL_RETRY_SECONDS, WEBHOOK_RETRY_SECONDS: comma-separated waits before each retry, growing or equal (5,30,120…). */
export function retrySeconds(name: string, raw: string | undefined): number[] {
  const v = raw?.trim() || '5,30,120,600,1800,3600,10800';
  const list = v.split(',').map((x) => x.trim());
  const ok = list.length <= 20 && list.every((x) => /^\d+(\.\d+)?$/.test(x) && Number(x) <= 86_400);
  if (!ok)
    throw new ConfigError(`${name} must be up to 20 waits in seconds (at most 86400 each), separated by commas, such as 5,30,120; not "${raw}".`);
  return list.map(Number);
}

/** PUBLIC_URL: an http(s) URL without query or fragment; the trailing slash is dropped. */
export function publicUrl(raw: string | undefined, port: number): string {
  const v = raw?.trim() ?? '';
  if (v === '') return `http://localhost:${port}`;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http or https URL such as https://help.acme.com, not "${raw}".`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(`PUBLIC_URL must be an http or https URL, not "${raw}".`);
  if (u.search || u.hash || u.username || u.password) throw new ConfigError(`PUBLIC_URL takes no user, ? or # part: "${raw}".`);
  return u.href.replace(/\/+$/, '');
}
