import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { bareHost, isLocalName, type HostResolver } from './webhook-url.js';
import { forbiddenKind } from './ip-ranges.js';

/** How much of an answer's body the delivery log keeps. */
export const ANSWER_BYTES = 512;

export type PostResult =
  | { kind: 'answer'; status: number; body: string }
  /** Never sent: the host is (now) on a forbidden address. Final. */
  | { kind: 'refused'; reason: string }
  /** No answer: timeout, refused connection, DNS failure. Temporary. */
  | { kind: 'error'; reason: string };

class RefusedAddress extends Error {
  readonly code = 'EWEBHOOKREFUSED';
}

/**
 * A lookup for the request that checks every address it hands to the socket,
 * so the address checked is the address connected to: a name that resolved to
 * a public address when the webhook was saved and to 127.0.0.1 now (DNS
 * rebinding) is refused at connect time. With private addresses allowed it
 * only resolves (through the app's DNS servers when DNS_SERVERS is set).
 */
function checkingLookup(resolve: HostResolver, check: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const all = typeof options === 'object' && options.all === true;
    (async () => {
      if (check && isLocalName(hostname.toLowerCase())) throw new RefusedAddress(`Refused: ${hostname} is a loopback name.`);
      const addresses = await resolve(hostname);
      if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no address.`), { code: 'ENOTFOUND' });
      for (const a of addresses) {
        const kind = check ? forbiddenKind(a.address) : null;
        if (kind) throw new RefusedAddress(`Refused: ${hostname} resolves to a ${kind} address ${a.address}.`);
      }
      return addresses;
    })().then(
      (addresses) => {
        if (all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

/**
 * POSTs one JSON body: no redirects followed (a 3xx is an answer like any
 * other), a timeout for the whole exchange, the answer's first bytes kept.
 * Unless private addresses are allowed, an IP literal is checked here and a
 * name at connect time (checkingLookup).
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; allowPrivate: boolean; resolve: HostResolver },
): Promise<PostResult> {
  const u = new URL(url);
  const host = bareHost(u);
  if (!opts.allowPrivate && isIP(host) && forbiddenKind(host) !== null) {
    return Promise.resolve({ kind: 'refused', reason: `Refused: ${host} is a ${forbiddenKind(host)} address.` });
  }
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((done) => {
    let settled = false;
    const finish = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(r);
    };
    const req = request(
      u,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Accueil-Webhooks/1',
          ...headers,
        },
        ...(isIP(host) ? {} : { lookup: checkingLookup(opts.resolve, !opts.allowPrivate) }),
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
          // The rest of a long answer is not needed: stop reading it.
          if (size >= ANSWER_BYTES) res.destroy();
        });
        const answer = () =>
          finish({ kind: 'answer', status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, ANSWER_BYTES).toString('utf8') });
        res.on('end', answer);
        res.on('close', answer);
        res.on('error', answer);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`No answer within ${opts.timeoutMs} ms.`));
    }, opts.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof RefusedAddress) finish({ kind: 'refused', reason: err.message });
      else finish({ kind: 'error', reason: err.code ? `${err.code}: ${err.message}` : err.message });
    });
    req.end(body);
  });
}
