import { BlockList, isIP } from 'node:net';
import type { AddressInfo } from 'node:net';
import { domainToASCII } from 'node:url';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Logger } from 'pino';
import { AuditSource } from '../audit/audit.types.js';
import { SYSTEM_ACTOR, type Actor } from '../auth/viewer.js';
import { CreatedVia } from '../users/role.js';
import type { InboundMail } from './inbound-mail.js';
import { InboundMessageError, MAX_MESSAGE_BYTES } from './parse-message.js';

/** Mail that came through the listener: nobody signed in; the history says EMAIL. */
export const SMTP_ACTOR: Actor = { ...SYSTEM_ACTOR, via: CreatedVia.SELF, source: AuditSource.EMAIL };

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

const smtpError = (message: string, responseCode: number): Error => Object.assign(new Error(message), { responseCode });

/** Reads the whole message, keeping at most MAX_MESSAGE_BYTES (the rest is read and dropped, so the session goes on). */
function collect(stream: SMTPServerDataStream): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_MESSAGE_BYTES) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge: size > MAX_MESSAGE_BYTES || stream.sizeExceeded }));
  });
}

/** Whether a client address is one of the trusted (an IPv4-mapped IPv6 address counts as its IPv4 one). */
function isTrusted(trusted: BlockList, remote: string | undefined): boolean {
  if (!remote) return false;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote)?.[1];
  if (v4) return trusted.check(v4, 'ipv4');
  return trusted.check(remote, isIP(remote) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * INBOUND_SMTP_PORT: an SMTP listener (smtp-server) that takes mail for the
 * desk (recipients at INBOUND_DOMAIN; any other is refused with 550, so it is
 * no relay) and hands each message to the same code as POST /inbound/email.
 * No AUTH (it is where mail for the desk is delivered), no STARTTLS (put it
 * behind the MX that terminates TLS); messages over 10 MB are refused (552).
 * The Authentication-Results of a message are believed only from the clients
 * INBOUND_SMTP_TRUSTED names (by default this machine): the MX in front.
 */
export async function startSmtpListener(opts: {
  port: number;
  host: string;
  domain: string;
  /** Where messages go; a function when the listener takes its port before the app is ready (mail meanwhile: 451, try later). */
  inbound: InboundMail | (() => InboundMail | undefined);
  /** The clients whose Authentication-Results are believed (INBOUND_SMTP_TRUSTED); anyone else's are dropped. */
  trusted: BlockList;
  log: Logger;
}): Promise<SmtpListener> {
  const desk = (domainToASCII(opts.domain) || opts.domain).toLowerCase();
  const server = new SMTPServer({
    banner: 'Accueil inbound mail',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop() ?? '';
      if ((domainToASCII(domain) || domain).toLowerCase() !== desk) return callback(smtpError(`5.7.1 This server takes mail for ${desk} only.`, 550));
      callback();
    },
    onData(stream, session, callback) {
      collect(stream)
        .then(async ({ bytes, tooLarge }) => {
          if (tooLarge) throw smtpError('5.3.4 The message is larger than 10 MB, the most this desk accepts.', 552);
          const inbound = typeof opts.inbound === 'function' ? opts.inbound() : opts.inbound;
          if (!inbound) throw smtpError('4.3.0 The desk is starting; try again later.', 451);
          // A client that is not the MX in front could write the header that vouches for a staff sender itself.
          const outcome = await inbound.receive(bytes, SMTP_ACTOR, { trustAuthenticationResults: isTrusted(opts.trusted, session.remoteAddress) });
          callback(null, `Message taken (${outcome.result.toLowerCase()})`);
        })
        .catch((err: unknown) => {
          if (err instanceof InboundMessageError) return callback(smtpError(`5.6.0 ${err.message}`, 554));
          if (err instanceof Error && 'responseCode' in err) return callback(err);
          opts.log.error({ err }, 'inbound mail failed');
          callback(smtpError('4.3.0 The desk could not take the message now; try again later.', 451));
        });
    },
  });
  server.on('error', (err) => opts.log.error({ err }, 'SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
