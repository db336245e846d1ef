import { isIP } from 'node:net';
import { passwordProblem } from './auth/password.js';

/**
 * The environment, read once into a typed, validated config. Every variable
 * the server reads is here (and in the README's configuration table).
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: string;
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
}

export class ConfigError extends Error {}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}".`);
}

function int(name: string, raw: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return n;
}

function domainCheck(raw: string | undefined): boolean {
  const v = (raw ?? 'dns').trim().toLowerCase();
  if (v === 'dns' || v === '') return true;
  if (v === 'off') return false;
  throw new ConfigError(`EMAIL_DOMAIN_CHECK must be dns or off, not "${raw}".`);
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
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
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

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int('PORT', env.PORT, 4000, 0, 65535);
  const databaseUrl = env.DATABASE_URL?.trim() || 'sqlite:./data/accueil.sqlite';
  if (!/^(mysql|mariadb):\/\//.test(databaseUrl) && !databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError('DATABASE_URL must start with mysql:// or sqlite:.');
  }
  const country = env.DEFAULT_PHONE_COUNTRY?.trim().toUpperCase() || undefined;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new ConfigError(`DEFAULT_PHONE_COUNTRY must be a two-letter country code such as US, not "${country}".`);
  }
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  const passwordRefused = adminPassword === undefined ? null : passwordProblem(adminPassword);
  if (passwordRefused) throw new ConfigError(`ADMIN_PASSWORD: ${passwordRefused}`);
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    introspection: bool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, true),
    production: env.NODE_ENV === 'production',
    defaultPhoneCountry: country,
    staticDir: env.STATIC_DIR?.trim() || undefined,
    adminEmail: env.ADMIN_EMAIL?.trim() || undefined,
    adminPassword,
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
    emailDomainCheck: domainCheck(env.EMAIL_DOMAIN_CHECK),
    dnsServers: (env.DNS_SERVERS ?? '').split(',').map((x) => x.trim()).filter(Boolean),
    dnsCanary: env.EMAIL_DOMAIN_CHECK_CANARY?.trim() || 'gmail.com',
  };
}
