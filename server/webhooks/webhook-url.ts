import { lookup as systemLookup } from 'node:dns/promises';
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UserInputError } from '../graphql/errors.js';
import { quoteInput } from '../text/text-rules.js';
import { forbiddenKind } from './ip-ranges.js';
import { msg } from '../i18n/message.js';

export const URL_MAX = 2000;

/** An address of a host name, as node's lookup answers. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Finds a host name's addresses (the app's DNS servers when DNS_SERVERS is set, else the system's resolver). */
export type HostResolver = (host: string) => Promise<ResolvedAddress[]>;

export function hostResolver(servers: readonly string[], timeoutMs = 3000): HostResolver {
  if (servers.length === 0) {
    return async (host) => (await systemLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
  }
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  resolver.setServers([...servers]);
  const quiet = (err: NodeJS.ErrnoException) => {
    // A name with addresses of one family only answers "no data" for the other.
    if (err.code === 'ENODATA' || err.code === 'ENOTFOUND') return [];
    throw err;
  };
  return async (host) => {
    const [v4, v6] = await Promise.all([resolver.resolve4(host).catch(quiet), resolver.resolve6(host).catch(quiet)]);
    return [...v4.map((address) => ({ address, family: 4 as const })), ...v6.map((address) => ({ address, family: 6 as const }))];
  };
}

/** Why a URL's host may not be reached, or null. `host` is the URL's hostname (IPv6 without brackets). */
function refusedAddress(address: string): string | null {
  const kind = forbiddenKind(address);
  return kind === null ? null : `${kind} address ${address}`;
}

/** `localhost` and names under it (RFC 6761: they always mean this machine), with or without the final dot. */
export const isLocalName = (host: string) => {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
};

/**
 * The checks that need no network: an absolute http(s) URL, no user name or
 * password in it, no fragment, at most URL_MAX characters. Answers the URL as
 * WHATWG's parser writes it (IPv4 in any spelling, such as 2130706433 or
 * 0x7f.1, becomes dotted: the address checks see what a client would reach).
 */
export function parseWebhookUrl(raw: string): URL {
  const v = raw.trim();
  if (v === '') throw new UserInputError('url', msg('webhooks.uRLRequired'));
  if (v.length > URL_MAX) throw new UserInputError('url', msg('webhooks.uRLHaveAtMost', { urlMax: URL_MAX }));
  if (/[\u0000-\u001f\u007f\s]/u.test(v)) throw new UserInputError('url', msg('webhooks.uRLContainSpacesControl'));
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new UserInputError('url', msg('webhooks.notUrlWriteAs', { v: quoteInput(v) }));
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserInputError('url', msg('webhooks.webhookUrlMustStart'));
  if (u.username || u.password) throw new UserInputError('url', msg('webhooks.webhookUrlHoldUser'));
  if (u.hash) throw new UserInputError('url', msg('webhooks.webhookUrlHaveFragment'));
  if (!u.hostname) throw new UserInputError('url', msg('webhooks.uRLNamesNoHost'));
  return u;
}

/** The hostname without IPv6 brackets. */
export const bareHost = (u: URL): string => u.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Why the desk may not call this host (it is, or resolves to, an address of
 * its own network), or null when every address it has is public. A name that
 * does not resolve is refused too (`unresolved`), so the caller may tell it
 * apart from a temporary DNS failure, which throws.
 */
export async function hostRefusal(host: string, resolve: HostResolver): Promise<string | null> {
  const name = host.toLowerCase();
  if (isIP(name)) {
    const why = refusedAddress(name);
    return why && `it is a ${why}`;
  }
  if (isLocalName(name)) return 'it is a loopback name';
  const addresses = await resolve(name);
  if (addresses.length === 0) return 'it has no address in DNS';
  for (const a of addresses) {
    const why = refusedAddress(a.address);
    if (why) return `it resolves to a ${why}`;
  }
  return null;
}

/** The whole check of an admin's URL: refused with BAD_USER_INPUT on `url`. */
export async function checkWebhookUrl(raw: string, opts: { allowPrivate: boolean; resolve: HostResolver }): Promise<string> {
  const u = parseWebhookUrl(raw);
  if (!opts.allowPrivate) {
    let why: string | null;
    try {
      why = await hostRefusal(bareHost(u), opts.resolve);
    } catch (err) {
      why = `its name could not be resolved (${(err as NodeJS.ErrnoException).code ?? 'DNS error'})`;
    }
    if (why) {
      throw new UserInputError('url', msg('webhooks.accueilSendWebhooksWebhooks', { hostname: u.hostname, why }));
    }
  }
  return u.toString();
}
