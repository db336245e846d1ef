import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/**
 * A real DNS server on loopback UDP for the tests, answering from a small
 * zone: MX, A, AAAA, "no such name", "server failure" or silence.
 */
export interface ZoneEntry {
  mx?: string[]; // exchange names; '' is a null MX (RFC 7505)
  a?: string[];
  aaaa?: string[];
  nxdomain?: boolean;
  servfail?: boolean;
  silent?: boolean;
}

const TYPE = { A: 1, MX: 15, AAAA: 28 } as const;

function encodeName(name: string): Buffer {
  if (name === '' || name === '.') return Buffer.from([0]);
  const parts = name
    .replace(/\.$/, '')
    .split('.')
    .map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'ascii')]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}

function readQuestion(msg: Buffer): { name: string; type: number; end: number } {
  let off = 12;
  const labels: string[] = [];
  while (msg[off] !== 0) {
    const len = msg[off];
    labels.push(msg.subarray(off + 1, off + 1 + len).toString('ascii'));
    off += len + 1;
  }
  return { name: labels.join('.').toLowerCase(), type: msg.readUInt16BE(off + 1), end: off + 5 };
}

function answer(type: number, entry: ZoneEntry | undefined): { rcode: number; records: Buffer[] } {
  if (!entry || entry.nxdomain) return { rcode: 3, records: [] };
  if (entry.servfail) return { rcode: 2, records: [] };
  const rr = (t: number, data: Buffer) => {
    const head = Buffer.alloc(12);
    head.writeUInt16BE(0xc00c, 0); // name: pointer to the question
    head.writeUInt16BE(t, 2);
    head.writeUInt16BE(1, 4);
    head.writeUInt32BE(60, 6);
    head.writeUInt16BE(data.length, 10);
    return Buffer.concat([head, data]);
  };
  const records: Buffer[] = [];
  if (type === TYPE.MX) {
    for (const ex of entry.mx ?? []) {
      const pref = Buffer.alloc(2);
      pref.writeUInt16BE(ex === '' ? 0 : 10);
      records.push(rr(TYPE.MX, Buffer.concat([pref, encodeName(ex)])));
    }
  }
  if (type === TYPE.A) for (const ip of entry.a ?? []) records.push(rr(TYPE.A, Buffer.from(ip.split('.').map(Number))));
  if (type === TYPE.AAAA) for (const _ of entry.aaaa ?? []) records.push(rr(TYPE.AAAA, Buffer.alloc(16, 1)));
  return { rcode: 0, records };
}

export async function startDnsServer(zone: Record<string, ZoneEntry>): Promise<{ address: string; queries: string[]; stop(): Promise<void> }> {
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, rinfo) => {
    const q = readQuestion(msg);
    queries.push(`${q.name}/${q.type}`);
    const entry = zone[q.name];
    if (entry?.silent) return;
    const { rcode, records } = answer(q.type, entry);
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180 | rcode, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(records.length, 6);
    socket.send(Buffer.concat([header, msg.subarray(12, q.end), ...records]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
  const { port } = socket.address() as AddressInfo;
  return { address: `127.0.0.1:${port}`, queries, stop: () => new Promise((ok) => socket.close(() => ok())) };
}
