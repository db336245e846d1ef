import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Addresses a webhook may never reach (unless WEBHOOK_ALLOW_PRIVATE=true): the
 * desk's own machine and network. Each range carries the word the refusal
 * uses. IPv6 addresses that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d,
 * the old IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are
 * judged by the IPv4 address they carry.
 */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'unique-local' | 'shared (CGNAT)' | 'multicast' | 'unspecified' | 'reserved';

const V4: [string, number, AddressKind][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6: [string, number, AddressKind][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
];

const lists = new Map<AddressKind, BlockList>();
function listOf(kind: AddressKind): BlockList {
  let l = lists.get(kind);
  if (!l) lists.set(kind, (l = new BlockList()));
  return l;
}
for (const [net, bits, kind] of V4) listOf(kind).addSubnet(net, bits, 'ipv4');
for (const [net, bits, kind] of V6) listOf(kind).addSubnet(net, bits, 'ipv6');

/** The 16 bytes of an IPv6 address (with or without an embedded dotted IPv4 tail). */
export function ipv6Bytes(address: string): number[] {
  let text = address;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...dotted[1].split('.').map(Number));
    text = text.slice(0, -dotted[1].length) + '0:0';
  }
  const [head, rest] = text.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':').filter((g) => g !== '') : []);
  const h = groups(head);
  const r = rest === undefined ? [] : groups(rest);
  const all = rest === undefined ? h : [...h, ...Array<string>(8 - h.length - r.length).fill('0'), ...r];
  const bytes = all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The IPv4 address an IPv6 address carries, when it is one of the forms that carry one. */
export function embeddedIPv4(address: string): string | null {
  const b = ipv6Bytes(address);
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const v4 = (at: number) => b.slice(at, at + 4).join('.');
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12); // ::ffff:a.b.c.d
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && b[15] === 1)) return v4(12); // ::a.b.c.d (not :: or ::1)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4(12); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2); // 2002:AABB:CCDD::/48
  return null;
}

/** What kind of address the desk must not reach `address` is, or null for a public address. */
export function forbiddenKind(address: string): AddressKind | null {
  if (isIPv4(address)) {
    for (const [kind, list] of lists) if (list.check(address, 'ipv4')) return kind;
    return null;
  }
  if (!isIPv6(address)) return 'reserved';
  const inner = embeddedIPv4(address);
  if (inner !== null) return forbiddenKind(inner);
  for (const [kind, list] of lists) if (list.check(address, 'ipv6')) return kind;
  return null;
}
