import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, and what it answered. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it came (what the signature covers). */
  raw: string;
  body: any;
  answered: number;
}

/**
 * A real HTTP server on 127.0.0.1 standing for a partner app: it records every
 * request and answers 200, or what `answer` says for a request (a status, or
 * 'hang' to never answer: recorded as answered 0). Paths tell endpoints apart (/a, /b…).
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  let answer: (r: Omit<Received, 'answered'>) => number | 'hang' = () => 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      const r = { path: req.url ?? '', headers: req.headers, raw, body };
      const status = answer(r);
      // A request left without an answer is recorded as answered 0.
      received.push({ ...r, answered: status === 'hang' ? 0 : status });
      if (status === 'hang') return;
      // A redirect points at /followed: a client that followed it would show up there.
      res.writeHead(status, { 'content-type': 'text/plain', ...(status >= 300 && status < 400 ? { location: `${base}/followed` } : {}) });
      res.end(status >= 300 ? `refused with ${status}: ${'x'.repeat(2000)}` : 'thanks');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    /** How the receiver answers from now on. */
    answerWith(fn: (r: Omit<Received, 'answered'>) => number | 'hang') {
      answer = fn;
    },
    /** Polls until `test` holds for what was received (or fails after `ms`). */
    async waitFor(test: (rs: Received[]) => boolean, ms = 10_000): Promise<Received[]> {
      const until = Date.now() + ms;
      while (!test(received)) {
        if (Date.now() > until)
          throw new Error(
            `the receiver did not get what was expected; got ${JSON.stringify(received.map((r) => [r.path, r.body?.event, r.answered]))}`,
          );
        await new Promise((ok) => setTimeout(ok, 25));
      }
      return received;
    },
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
