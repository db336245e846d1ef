import { Resolver } from 'node:dns';
import { existsSync } from 'node:fs';
import { isIP, type BlockList } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { domainToASCII } from 'node:url';
import { isSupportedCountry } from 'libphonenumber-js/max';
import type { LevelWithSilent } from 'pino';
import { parseEmail } from './users/email-address.js';
import { ConfigError } from './config-error.js';
import { authservId, trustedPeers } from './config-inbound.js';
import { domainCheck, mailFrom, mailUrl, publicUrl, retrySeconds } from './config-mail.js';
import { passwordProblem } from './auth/password.js';

/**
 * The environment, read once into a typed, validated config. Every variable
 * the server reads is here (and in the README's configuration table), and a
 * wrong value stops the start with one line naming the variable.
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: LevelWithSilent;
  introspection: boolean;
  production: boolean;
  defaultPhoneCountry: string | undefined;
  staticDir: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Express's 'trust proxy': false, a number of hops, or proxy addresses/CIDRs and names (loopback, linklocal, uniquelocal). */
  trustProxy: false | number | string[];
  signInRateLimit: number;
  apiRateLimit: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  maxAliases: number;
  maxTokens: number;
  /** Bytes of one GraphQL answer; past it the answer is a RESPONSE_TOO_LARGE error instead. */
  maxResponseBytes: number;
  emailDomainCheck: boolean;
  dnsServers: string[];
  dnsCanary: string;
  /** Processes serving the one port (node:cluster); 1 runs the server in this process. */
  workers: number;
  /** Redis for the shared rate-limit counters; unset: they live in the database. */
  redisUrl: string | undefined;
  /** Hot queries compiled by graphql-jit (graphql/jit-executor.ts); false: graphql-js only. */
  graphqlJit: boolean;
  /** Requests per client address per 10 minutes on the public Submit a request form (0: off). */
  requestRateLimit: number;
  /** Sign-up, a password-reset request and the web form answer no sooner than this after the request began (ms; 0: off). */
  doorAnswerMs: number;
  /** The desk's mail domain: replies name tickets by Message-IDs on it, and the SMTP listener takes mail for it. */
  inboundDomain: string;
  /** Port of the SMTP listener for inbound mail; null: off. */
  inboundSmtpPort: number | null;
  /**
   * The authserv-id the desk's own receiving mail server writes in Authentication-Results: mail from a staff
   * address is theirs only when such a header proves its From domain (inbound/authentication-results.ts); null: never.
   */
  inboundAuthservId: string | null;
  /** INBOUND_SMTP_TRUSTED: the SMTP clients (the MX in front) whose Authentication-Results are believed. */
  inboundSmtpTrusted: BlockList;
  /** Where uploaded import files are kept. */
  importDir: string;
  /** Whether this process runs import jobs (every process may: jobs are claimed in the database). */
  importWorker: boolean;
  /** Rows per chunk of an import (one transaction each). */
  importChunkRows: number;
  /** A worker whose claim on a job has not been renewed for this long is taken over (seconds). */
  importStaleSeconds: number;
  /** Days an import's uploaded file is kept after the job ends (its failed rows can be downloaded until then). */
  importFileRetentionDays: number;
  /** Outgoing mail: smtp:// or smtps:// URL of the server that takes the desk's mail; unset: mail waits, QUEUED. */
  mailUrl: string | undefined;
  /** The From of outgoing mail (an address, optionally with a name: `Desk <desk@example.org>`). */
  mailFrom: string;
  /** Whether this process sends the outbox (every process may: messages are claimed in the database). */
  outboxWorker: boolean;
  /** Waits before each retry of a temporary failure (seconds): one try more than there are waits. */
  mailRetrySeconds: number[];
  /** How often a worker looks for due messages (ms). */
  outboxPollMs: number;
  /** How long a claim on a message holds (seconds): a SENDING message past it (its process died) is claimed again. */
  outboxLeaseSeconds: number;
  /** Connection, greeting and socket timeout of one SMTP delivery (seconds). */
  mailTimeoutSeconds: number;
  /** Follow-up emails (sendUserEmail) to one user per hour (0: off). */
  followUpRateLimit: number;
  /** EMAIL_DOMAIN_CHECK=block: a new address whose domain has no mail server is refused (warn: only a warning). */
  emailDomainBlock: boolean;
  /** Webhook endpoints may be on loopback or private addresses (tests, a partner app on the same network); default false (no SSRF). */
  webhookAllowPrivate: boolean;
  /** How long one webhook delivery may take (connect, send, answer), in milliseconds. */
  webhookTimeoutMs: number;
  /** Waits before each retry of a webhook delivery that failed for a while (5xx, 429, timeout), in seconds. */
  webhookRetrySeconds: number[];
  /** Where people reach the app (links in mail: /verify/…, /help); default http://localhost:PORT. */
  publicUrl: string;
  /** Days a deleted end user stays in Deleted customers (restorable) before their personal data is erased. */
  deletedUsersRetentionDays: number;
  /** How often this process looks for deleted users past the retention (seconds; 0: never, another process does it). */
  deletedUsersPurgeSeconds: number;
  /** How often this process folds the search prefix counts' deltas into their totals (seconds; 0: never, another process does it). */
  searchFoldSeconds: number;
  /** scrypt's cost for new password hashes, as a power of two (15: N = 32768, the default; lower only for test machines). */
  passwordHashCost: number;
  /** A search word whose index range holds at least this many entries is read in the page's order, not gathered (user-search.ts); 0: 2·√(accounts). */
  searchBroadEntries: number;
}

export { ConfigError };

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}".`);
}

function int(name: string, raw: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return n;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: `false` (default: the socket's address is the client), `true`
 * (= 1: one proxy in front, e.g. a TLS-terminating one), a number of hops, or
 * a comma list of the proxies' addresses or CIDR ranges and the names
 * loopback, linklocal, uniquelocal. Never "trust every hop": a client could
 * then pick its own address by sending X-Forwarded-For.
 */
function trustProxy(raw: string | undefined): false | number | string[] {
  const v = (raw ?? '').trim();
  if (v === '' || /^(0|false|no|off)$/i.test(v)) return false;
  if (/^(true|yes|on)$/i.test(v)) return 1;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY: ${hops} proxy hops is more than any real chain (at most 10).`);
    return hops;
  }
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const item of list) {
    if (PROXY_NAMES.has(item.toLowerCase())) continue;
    const [address, bits, extra] = item.split('/');
    const family = isIP(address);
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        `TRUST_PROXY must be false, true (one proxy), a number of proxy hops, or a comma list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal; "${item}" is none of these.`,
      );
    }
  }
  return list.map((x) => (PROXY_NAMES.has(x.toLowerCase()) ? x.toLowerCase() : x));
}

const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(raw: string | undefined): LevelWithSilent {
  const v = raw?.trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(v)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${raw}".`);
  return v as LevelWithSilent;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function host(raw: string | undefined): string {
  const v = raw?.trim() || '0.0.0.0';
  if (!isIP(v) && !HOSTNAME.test(v)) throw new ConfigError(`HOST must be an IP address or a host name such as 127.0.0.1 or localhost, not "${raw}".`);
  return v;
}

/** mysql://user:pass@host:port/database[?poolSize=N][&socket=/path/to/mysqld.sock] or sqlite:PATH (the URL itself is never printed: it may hold a password). */
function databaseUrl(raw: string | undefined): string {
  const v = raw?.trim() || 'sqlite:./data/accueil.sqlite';
  if (v.startsWith('sqlite:')) return v;
  if (!/^(mysql|mariadb):\/\//.test(v)) throw new ConfigError('DATABASE_URL must start with mysql:// (or mariadb://) or sqlite:.');
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(
      'DATABASE_URL is not a valid URL: write it as mysql://user:password@host:3306/database (with special characters in the password percent-encoded).',
    );
  }
  if (!u.hostname) throw new ConfigError('DATABASE_URL must name a host, as in mysql://user:password@127.0.0.1:3306/accueil.');
  if (!decodeURIComponent(u.pathname.replace(/^\//, ''))) {
    throw new ConfigError('DATABASE_URL must name a database, as in mysql://user:password@127.0.0.1:3306/accueil.');
  }
  int('DATABASE_URL poolSize', u.searchParams.get('poolSize') ?? undefined, 20, 1, 1000);
  const unknown = [...u.searchParams.keys()].find((k) => k !== 'poolSize' && k !== 'socket');
  if (unknown !== undefined) throw new ConfigError(`DATABASE_URL takes the options poolSize and socket, not "${unknown}".`);
  const socket = u.searchParams.get('socket');
  if (socket !== null && !socket.startsWith('/'))
    throw new ConfigError("DATABASE_URL socket must be the absolute path of the MySQL server's Unix socket, as in ?socket=/run/mysqld/mysqld.sock.");
  return v;
}

function nodeEnv(raw: string | undefined): boolean {
  const v = raw?.trim() ?? '';
  if (!['', 'production', 'development', 'test'].includes(v))
    throw new ConfigError(`NODE_ENV must be production, development or test (or unset), not "${raw}".`);
  return v === 'production';
}

function phoneCountry(raw: string | undefined): string | undefined {
  const country = raw?.trim().toUpperCase() || undefined;
  if (country !== undefined && !(/^[A-Z]{2}$/.test(country) && isSupportedCountry(country))) {
    throw new ConfigError(`DEFAULT_PHONE_COUNTRY must be a two-letter country code such as US, not "${raw}".`);
  }
  return country;
}

function staticDir(raw: string | undefined): string | undefined {
  const v = raw?.trim() || undefined;
  if (v !== undefined && !existsSync(resolve(v, 'index.html'))) {
    throw new ConfigError(`STATIC_DIR "${v}" holds no index.html: build the admin app (npm run build) or leave STATIC_DIR unset.`);
  }
  return v;
}

function adminEmail(raw: string | undefined): string | undefined {
  const v = raw?.trim() || undefined;
  if (v === undefined) return undefined;
  const parsed = parseEmail(v);
  if (!parsed.ok) throw new ConfigError(`ADMIN_EMAIL is not a valid address (${parsed.reason}): "${raw}".`);
  return v;
}

function adminPassword(raw: string | undefined): string | undefined {
  const v = raw || undefined;
  const refused = v === undefined ? null : passwordProblem(v);
  if (refused) throw new ConfigError(`ADMIN_PASSWORD: ${refused}`);
  return v;
}

/** Resolver addresses as Node's resolver takes them: IPv4 or IPv6, with an optional port. */
function dnsServers(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const badPort = (entry: string) => {
    const port = /^(?:\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry)?.[1];
    return port !== undefined && (Number(port) < 1 || Number(port) > 65535);
  };
  try {
    if (list.some(badPort)) throw new Error('port');
    if (list.length) new Resolver().setServers(list);
  } catch {
    throw new ConfigError(`DNS_SERVERS must be IP addresses with an optional port, separated by commas (such as 127.0.0.1:53), not "${raw}".`);
  }
  return list;
}

function domainName(name: string, raw: string | undefined, fallback: string): string {
  const v = raw?.trim() || fallback;
  const ascii = domainToASCII(v);
  if (!ascii || !ascii.includes('.') || !HOSTNAME.test(ascii))
    throw new ConfigError(`${name} must be a domain name such as ${fallback}, not "${raw}".`);
  return v;
}

export const MAX_WORKERS = 64;

/** WORKERS: a number of processes, or `auto` for one per core. More than one needs MySQL (SQLite has one writer). */
function workers(raw: string | undefined, databaseUrl: string): number {
  const v = raw?.trim().toLowerCase() ?? '';
  const n = v === 'auto' ? Math.min(MAX_WORKERS, availableParallelism()) : /^\d+$/.test(v) ? Number(v) : v === '' ? 1 : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new ConfigError(`WORKERS must be auto (one process per core) or a whole number from 1 to ${MAX_WORKERS}, not "${raw}".`);
  if (n > 1 && databaseUrl.startsWith('sqlite:'))
    throw new ConfigError(
      `WORKERS=${raw?.trim()} needs a MySQL or MariaDB database (DATABASE_URL=mysql://…): the embedded SQLite database takes one process. Use WORKERS=1 with SQLite.`,
    );
  return n;
}

/** REDIS_URL: redis://[user:password@]host[:port][/db] or rediss:// (TLS); the URL itself is never printed. */
function redisUrl(raw: string | undefined): string | undefined {
  const v = raw?.trim() || undefined;
  if (v === undefined) return undefined;
  const shape = 'REDIS_URL must be written redis://host:6379 (or redis://:password@host:6379/0, rediss:// for TLS)';
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new ConfigError(`${shape}: it is not a valid URL.`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new ConfigError(`${shape}: it must start with redis:// or rediss://.`);
  if (!u.hostname) throw new ConfigError(`${shape}: it names no host.`);
  if (!/^\/?(\d{1,2})?$/.test(u.pathname)) throw new ConfigError(`${shape}: the path can only be a database number such as /0.`);
  if (u.search || u.hash) throw new ConfigError(`${shape}: it takes no ? or # part.`);
  return v;
}

/** INBOUND_SMTP_PORT: unset, empty or off: no listener; else a port (0: any free one, for tests). */
function smtpPort(raw: string | undefined): number | null {
  const v = raw?.trim() ?? '';
  if (v === '' || /^(off|false|no)$/i.test(v)) return null;
  return int('INBOUND_SMTP_PORT', v, 0, 0, 65535);
}

/** The configuration from the environment: every variable checked, a wrong one a ConfigError naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const database = databaseUrl(env.DATABASE_URL);
  const port = int('PORT', env.PORT, 4000, 0, 65535);
  return {
    port,
    host: host(env.HOST),
    databaseUrl: database,
    logLevel: logLevel(env.LOG_LEVEL),
    introspection: bool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, true),
    production: nodeEnv(env.NODE_ENV),
    defaultPhoneCountry: phoneCountry(env.DEFAULT_PHONE_COUNTRY),
    staticDir: staticDir(env.STATIC_DIR),
    adminEmail: adminEmail(env.ADMIN_EMAIL),
    adminPassword: adminPassword(env.ADMIN_PASSWORD),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 8 * 60, 1),
    sessionAbsoluteHours: int('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 7 * 24, 1),
    trustProxy: trustProxy(env.TRUST_PROXY),
    signInRateLimit: int('SIGN_IN_RATE_LIMIT', env.SIGN_IN_RATE_LIMIT, 30, 0),
    apiRateLimit: int('API_RATE_LIMIT', env.API_RATE_LIMIT, 600, 0),
    maxQueryDepth: int('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, 12, 1),
    maxQueryCost: int('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, 200_000, 1),
    maxAliases: int('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, 30, 0),
    maxTokens: int('GRAPHQL_MAX_TOKENS', env.GRAPHQL_MAX_TOKENS, 5000, 1),
    maxResponseBytes: int('GRAPHQL_MAX_RESPONSE_BYTES', env.GRAPHQL_MAX_RESPONSE_BYTES, 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    emailDomainCheck: domainCheck(env.EMAIL_DOMAIN_CHECK) !== 'off',
    emailDomainBlock: domainCheck(env.EMAIL_DOMAIN_CHECK) === 'block',
    dnsServers: dnsServers(env.DNS_SERVERS),
    dnsCanary: domainName('EMAIL_DOMAIN_CHECK_CANARY', env.EMAIL_DOMAIN_CHECK_CANARY, 'gmail.com'),
    workers: workers(env.WORKERS, database),
    redisUrl: redisUrl(env.REDIS_URL),
    graphqlJit: bool('GRAPHQL_JIT', env.GRAPHQL_JIT, true),
    requestRateLimit: int('REQUEST_RATE_LIMIT', env.REQUEST_RATE_LIMIT, 10, 0),
    doorAnswerMs: int('DOOR_ANSWER_MS', env.DOOR_ANSWER_MS, 150, 0, 10_000),
    inboundDomain: domainName('INBOUND_DOMAIN', env.INBOUND_DOMAIN, 'desk.accueil.localhost'),
    inboundSmtpPort: smtpPort(env.INBOUND_SMTP_PORT),
    inboundAuthservId: authservId(env.INBOUND_AUTHSERV_ID),
    inboundSmtpTrusted: trustedPeers(env.INBOUND_SMTP_TRUSTED),
    importDir: env.IMPORT_DIR?.trim() || resolve('data', 'imports'),
    importWorker: bool('IMPORT_WORKER', env.IMPORT_WORKER, true),
    importChunkRows: int('IMPORT_CHUNK_ROWS', env.IMPORT_CHUNK_ROWS, 1000, 1, 1000),
    importStaleSeconds: int('IMPORT_STALE_SECONDS', env.IMPORT_STALE_SECONDS, 30, 1, 3600),
    importFileRetentionDays: int('IMPORT_FILE_RETENTION_DAYS', env.IMPORT_FILE_RETENTION_DAYS, 7, 0, 3650),
    mailUrl: mailUrl(env.MAIL_URL),
    mailFrom: mailFrom(env.MAIL_FROM, domainName('INBOUND_DOMAIN', env.INBOUND_DOMAIN, 'desk.accueil.localhost')),
    outboxWorker: bool('OUTBOX_WORKER', env.OUTBOX_WORKER, true),
    mailRetrySeconds: retrySeconds('MAIL_RETRY_SECONDS', env.MAIL_RETRY_SECONDS),
    outboxPollMs: int('OUTBOX_POLL_MS', env.OUTBOX_POLL_MS, 1000, 50, 60_000),
    outboxLeaseSeconds: int('OUTBOX_LEASE_SECONDS', env.OUTBOX_LEASE_SECONDS, 120, 1, 3600),
    followUpRateLimit: int('FOLLOW_UP_RATE_LIMIT', env.FOLLOW_UP_RATE_LIMIT, 20, 0),
    mailTimeoutSeconds: int('MAIL_TIMEOUT_SECONDS', env.MAIL_TIMEOUT_SECONDS, 30, 1, 600),
    webhookAllowPrivate: bool('WEBHOOK_ALLOW_PRIVATE', env.WEBHOOK_ALLOW_PRIVATE, false),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, 100, 120_000),
    webhookRetrySeconds: retrySeconds('WEBHOOK_RETRY_SECONDS', env.WEBHOOK_RETRY_SECONDS),
    publicUrl: publicUrl(env.PUBLIC_URL, port),
    deletedUsersRetentionDays: int('DELETED_USERS_RETENTION_DAYS', env.DELETED_USERS_RETENTION_DAYS, 30, 1, 3650),
    passwordHashCost: int('PASSWORD_HASH_COST', env.PASSWORD_HASH_COST, 15, 10, 20),
    searchBroadEntries: int('SEARCH_BROAD_ENTRIES', env.SEARCH_BROAD_ENTRIES, 0, 0, 1_000_000),
    deletedUsersPurgeSeconds: int('DELETED_USERS_PURGE_SECONDS', env.DELETED_USERS_PURGE_SECONDS, 3600, 0, 86_400),
    searchFoldSeconds: int('SEARCH_FOLD_SECONDS', env.SEARCH_FOLD_SECONDS, 5, 0, 3600),
  };
}
