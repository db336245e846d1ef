import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { DomainChecker } from '../users/domain-check.js';
import { parseEmail } from '../users/email-address.js';
import type { OutboxMessage } from '../outbox/outbox-message.entity.js';
import type { Deliverer, DeliveryResult } from '../outbox/outbox-worker.js';
import { reservedReason } from '../outbox/outbox.js';
import { mailFromAddress } from '../config-mail.js';

export interface EmailDelivererOptions {
  /** smtp:// or smtps:// (MAIL_URL). */
  mailUrl: string;
  /** The From (MAIL_FROM). */
  from: string;
  /** The domain of the Message-IDs the desk makes (INBOUND_DOMAIN). */
  messageIdDomain: string;
  timeoutMs: number;
  /** The domain check (MX, then A/AAAA); none when EMAIL_DOMAIN_CHECK=off. */
  domainChecker?: DomainChecker;
  log: Logger;
}

/** Extra headers of an email, kept in the message's payload (JSON): threading ids of a ticket's mail. */
export interface EmailPayload {
  headers?: Record<string, string>;
}

/** Kinds of email a person wrote (the others are automatic: welcome, verification…). */
const WRITTEN_BY_PEOPLE = new Set(['FOLLOW_UP', 'TICKET_COMMENT']);
/** Automatic mail that answers a message (RFC 3834 `auto-replied`: the acknowledgment of a request); the rest is `auto-generated`. */
const AUTO_REPLIES = new Set(['TICKET_RECEIVED']);

/** The Auto-Submitted header of a kind of email, or null for mail a person wrote. */
export function autoSubmitted(kind: string): 'auto-replied' | 'auto-generated' | null {
  if (WRITTEN_BY_PEOPLE.has(kind)) return null;
  return AUTO_REPLIES.has(kind) ? 'auto-replied' : 'auto-generated';
}

/** Network failures that may heal: try again later. */
const TEMPORARY_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EDNS', 'ETLS', 'EPROTOCOL', 'EAUTH']);

interface MailError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** What an SMTP failure means: a 5xx answer is final; a 4xx answer, a refused connection or a timeout may heal. */
export function classifySmtpError(err: unknown): DeliveryResult {
  const e = (err ?? {}) as MailError;
  const response = (e.response ?? e.message ?? String(err)).trim();
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { ok: false, temporary: false, response };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return { ok: false, temporary: true, response };
  return { ok: false, temporary: e.code === undefined || TEMPORARY_CODES.has(e.code), response: e.code ? `${e.code}: ${response}` : response };
}

/**
 * The EMAIL channel: sends through MAIL_URL with nodemailer, after the last
 * checks that keep mail from leaking: an address that is not one, a reserved
 * name, or a domain without a mail server is SKIPPED with the reason and
 * never reaches the SMTP server.
 */
export function emailDeliverer(opts: EmailDelivererOptions): Deliverer & { close(): void } {
  const url = new URL(opts.mailUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: opts.timeoutMs,
    greetingTimeout: opts.timeoutMs,
    socketTimeout: opts.timeoutMs,
    // A test or internal server on loopback may offer STARTTLS with a self-made certificate.
    tls: { rejectUnauthorized: !['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname) },
  });
  return {
    async deliver(message: OutboxMessage): Promise<DeliveryResult> {
      const parsed = parseEmail(message.recipient);
      if (!parsed.ok) return { skip: `not a valid address: ${parsed.reason}` };
      if (parsed.email.deliverability === 'UNDELIVERABLE_RESERVED') return { skip: reservedReason(parsed.email.domain) };
      if (opts.domainChecker && (await opts.domainChecker.check(parsed.email.domain)) === 'NO_MAIL_DOMAIN')
        return { skip: `${parsed.email.domain} has no mail server` };
      const payload = message.payload ? (JSON.parse(message.payload) as EmailPayload) : {};
      const { 'Message-ID': messageId, ...headers } = payload.headers ?? {};
      const auto = autoSubmitted(message.kind);
      try {
        const info = await transport.sendMail({
          from: opts.from,
          to: parsed.email.address,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody ?? undefined,
          messageId: messageId ?? `<outbox-${message.id}@${opts.messageIdDomain}>`,
          // RFC 3834: mail that no person wrote tells auto-responders not to answer. X-Loop names the desk: its mail
          // coming back (a forwarding rule) is dropped, never answered again (inbound-mail.ts).
          headers: {
            ...headers,
            'X-Accueil-Kind': message.kind,
            'X-Loop': mailFromAddress(opts.from),
            ...(auto ? { 'Auto-Submitted': auto } : {}),
          },
        });
        return { ok: true, response: info.response };
      } catch (err) {
        const result = classifySmtpError(err);
        opts.log.warn({ message: message.id, response: 'response' in result ? result.response : '' }, 'outgoing mail refused or failed');
        return result;
      }
    },
    close: () => transport.close(),
  };
}
