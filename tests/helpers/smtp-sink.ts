import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** A message the sink accepted (answered 250 to), parsed with mailparser. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  headers: Map<string, unknown>;
}

/** How the sink answers a recipient: null accepts; else the SMTP code and text (4xx temporary, 5xx permanent). */
export type RcptAnswer = (address: string) => { code: number; message: string } | null;

export interface SmtpSink {
  port: number;
  /** MAIL_URL for the app. */
  url: string;
  /** Messages accepted, in order. */
  received: ReceivedMail[];
  /** Every RCPT TO seen, accepted or not. */
  rcpts: string[];
  /** Changes how recipients are answered. */
  answer: RcptAnswer;
  /** Waits this long before answering DATA; a client gone by then has not delivered (nothing is recorded). */
  dataDelayMs: number;
  /** Messages for which a DATA transfer started (answered or not). */
  dataStarted: number;
  stop(): Promise<void>;
}

/** A real SMTP server on loopback (the smtp-server package) that records what it accepts. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const closed = new Set<string>();
  const sink: SmtpSink = {
    port: 0,
    url: '',
    received: [],
    rcpts: [],
    answer: () => null,
    dataDelayMs: 0,
    dataStarted: 0,
    stop: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No network here: a reverse lookup of 127.0.0.1 would wait for DNS on every connection.
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      sink.rcpts.push(address.address);
      const refusal = sink.answer(address.address);
      if (!refusal) return callback();
      const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(err);
    },
    onData(stream, session: SMTPServerSession, callback) {
      sink.dataStarted++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (sink.dataDelayMs > 0) await new Promise((ok) => setTimeout(ok, sink.dataDelayMs));
        if (closed.has(session.id)) return callback(new Error('client gone'));
        const mail = await simpleParser(Buffer.concat(chunks));
        sink.received.push({
          from: mail.from?.text ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          messageId: mail.messageId ?? '',
          inReplyTo: mail.inReplyTo ?? null,
          references: typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []),
          headers: mail.headers as Map<string, unknown>,
        });
        callback(null, 'Queued as test');
      });
    },
    onClose(session) {
      closed.add(session.id);
    },
  });
  // A client killed mid-transfer resets its connection: expected here, not an error of the test.
  server.on('error', () => {});
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.stop = () => new Promise<void>((ok) => server.close(() => ok()));
  return sink;
}

/** Polls until `check` holds, or fails after `ms` showing the last value. */
export async function eventually<T>(read: () => Promise<T> | T, check: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`still not so after ${ms} ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
