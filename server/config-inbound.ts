import { BlockList, isIP } from 'node:net';
import { ConfigError } from './config-error.js';

// The environment's inbound mail settings that decide whose word proves a sender (config.ts reads them).

/** INBOUND_AUTHSERV_ID: unset or empty: none; else one RFC 8601 token (a host name, usually): no spaces, quotes, `;`, `=`, `(`, `)`. */
export function authservId(raw: string | undefined): string | null {
  const v = raw?.trim() ?? '';
  if (v === '') return null;
  if (!/^[!#-'*-:<>-~]+$/.test(v) || v.length > 255)
    throw new ConfigError(
      `INBOUND_AUTHSERV_ID must be the authserv-id your receiving mail server writes in Authentication-Results (e.g. mx.acme.com), not "${raw}".`,
    );
  return v;
}

/**
 * INBOUND_SMTP_TRUSTED: the addresses (`10.0.0.5`, `::1`) and networks (`10.0.0.0/8`) of the SMTP clients allowed
 * to vouch for a sender: the MX in front of the listener, which removes outside Authentication-Results headers.
 * Anyone else connecting to INBOUND_SMTP_PORT could write that header themselves, so theirs are ignored.
 * Default: this machine (127.0.0.0/8, ::1).
 */
export function trustedPeers(raw: string | undefined): BlockList {
  const v = raw?.trim() || '127.0.0.0/8, ::1';
  const list = new BlockList();
  for (const item of v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = item.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const max = type === 'ipv6' ? 128 : 32;
    if (!type || extra !== undefined || (bits !== null && (!/^\d{1,3}$/.test(prefix) || bits > max)))
      throw new ConfigError(
        `INBOUND_SMTP_TRUSTED must list IP addresses or networks (10.0.0.5, 10.0.0.0/8, ::1), separated by commas, not "${item}".`,
      );
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}
