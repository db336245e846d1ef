import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { testDialects } from '../helpers/databases.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const DESK = 'desk.robots.test';
const TICKET = `query($id: ID!) { ticket(id: $id) { id status comments { totalCount edges { node { body via } } } } }`;
const UPDATE_TICKET = 'mutation($id: ID!, $i: UpdateTicketInput!) { updateTicket(id: $id, input: $i) { status } }';

let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@mail.acme.io`;

/**
 * Mail written by machines: the desk never answers one automatically and
 * never loops, whichever header says so; an out-of-office answer to a
 * ticket's mail is kept there for agents to read, reopening nothing.
 */
describe.each(testDialects())('robot mail to the desk on %s', (dialect) => {
  let app: TestApp;
  let sink: SmtpSink;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let inbound: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startTestApp(dialect, {
      MAIL_URL: sink.url,
      MAIL_FROM: 'Acme Support <support@mail.acme.io>',
      OUTBOX_POLL_MS: '100',
      INBOUND_DOMAIN: DESK,
    });
    agent = await app.person('AGENT');
    inbound = (await app.token(['INBOUND'], 'mail provider')).auth.token;
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.stop();
  });

  const post = async (raw: Buffer | string) => {
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inbound}` },
      body: typeof raw === 'string' ? raw : new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };
  const deliver = async (options: Mail.Options) =>
    post(await new MailComposer({ to: `help@${DESK}`, subject: 'Hello', text: 'Hi', ...options }).compile().build());
  const queued = async (to: string) => (await app.db.manager.find(OutboxMessage, { where: { recipient: to } })).map((m) => m.kind);
  const ticket = async (id: number) => (await app.as(agent.auth)(TICKET, { id: String(id) })).data.ticket;
  const account = (email: string) => app.services.users.findByEmail(email);

  it('a bounce wrapped in a multipart/mixed is a delivery report: no ticket, no account', async () => {
    const from = addr('bounces');
    const raw = [
      `From: Mail Delivery System <${from}>`,
      `To: help@${DESK}`,
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/report; report-type=delivery-status;',
      '  boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--inner',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.acme.io',
      '',
      'Final-Recipient: rfc822; x@acme.io',
      'Status: 5.1.1',
      '--inner--',
      '--outer--',
      '',
    ].join('\r\n');
    expect(await post(raw)).toEqual({ result: 'IGNORED', reason: 'AUTO_GENERATED', detail: 'DELIVERY_REPORT' });
    expect(await account(from)).toBeNull();
    // A person forwarding a bounce (as an attached message) wrote their own mail: a ticket.
    const person = addr('forwarder');
    const forwarded = await deliver({ from: person, text: 'See the bounce.', attachments: [{ contentType: 'message/rfc822', content: raw }] });
    expect(forwarded.result).toBe('CREATED');
  });

  it('auto-replies, machines’ notices and lists open nothing and make no account, in every spelling', async () => {
    const headers: Record<string, string>[] = [
      { 'Auto-Submitted': 'auto-replied' },
      { 'Auto-Submitted': 'Auto-Replied; owner-email="boss@acme.io"' },
      { 'Auto-Submitted': 'auto-generated (bounce)' },
      { 'Auto-Submitted': 'auto-notified' },
      { 'X-Autoreply': 'yes' },
      { 'X-Autorespond': 'Out of office' },
      { Precedence: 'auto_reply' },
      { Precedence: 'list' },
      { Precedence: 'JUNK' },
      { Precedence: 'bulk' },
    ];
    for (const h of headers) {
      const from = addr('robot');
      const r = await deliver({ from, headers: h });
      expect(r, JSON.stringify(h)).toMatchObject({ result: 'IGNORED', reason: 'AUTO_GENERATED' });
      expect(await account(from)).toBeNull();
    }
    // Auto-Submitted: no is a person's mail.
    const person = addr('person');
    expect((await deliver({ from: person, headers: { 'Auto-Submitted': 'no' } })).result).toBe('CREATED');
  });

  it('X-Auto-Response-Suppress (All, OOF, AutoReply) or an X-Loop: a ticket, with no acknowledgment and no verification mail', async () => {
    for (const h of [
      { 'X-Auto-Response-Suppress': 'All' },
      { 'X-Auto-Response-Suppress': 'OOF, AutoReply' },
      { 'X-Auto-Response-Suppress': 'AutoReply' },
      { 'X-Loop': 'helpdesk@other.example.org' },
    ]) {
      const from = addr('quiet');
      const r = await deliver({ from, headers: h });
      expect(r.result, JSON.stringify(h)).toBe('CREATED');
      expect(await queued(from), JSON.stringify(h)).toEqual([]);
    }
    // Only receipts suppressed (DR, RN): the acknowledgment goes.
    const from = addr('receipts');
    expect((await deliver({ from, headers: { 'X-Auto-Response-Suppress': 'DR, RN, NRN' } })).result).toBe('CREATED');
    expect(await queued(from)).toEqual(['TICKET_RECEIVED']);
  });

  it('the desk’s mail carries X-Loop; coming back with it (a forwarding rule) is dropped, never answered again', async () => {
    const from = addr('loop');
    const created = await deliver({ from });
    expect(created.result).toBe('CREATED');
    const [ack] = await eventually(
      () => sink.received.filter((m) => m.to.includes(from)),
      (l) => l.length >= 1,
    );
    expect(ack.headers.get('x-loop')).toBe('support@mail.acme.io');
    const forwarder = addr('forwarder');
    for (const loop of ['support@mail.acme.io', 'Support@Mail.Acme.io', `help@${DESK}`, DESK]) {
      const r = await deliver({ from: forwarder, subject: ack.subject, text: 'Forwarded.', headers: { 'X-Loop': loop } });
      expect(r, loop).toEqual({ result: 'IGNORED', reason: 'AUTO_GENERATED', detail: 'LOOP' });
    }
    expect(await account(forwarder)).toBeNull();
    expect((await ticket(created.ticketId)).comments.totalCount).toBe(1);
  });

  it('an X-Loop names the desk only by a whole address or domain: a longer address that contains it is someone else’s loop', async () => {
    for (const loop of ['xsupport@mail.acme.io', `help@${DESK}.other.example.org`]) {
      const r = await deliver({ from: addr('near-loop'), headers: { 'X-Loop': loop } });
      expect(r.result, loop).toBe('CREATED');
    }
  });

  it('an out-of-office answer to a ticket’s mail is a comment there: a solved ticket stays solved, nothing is mailed', async () => {
    const from = addr('away');
    const created = await deliver({ from, subject: 'Invoice', messageId: `<inv.${seq}@acme.io>` });
    const id = created.ticketId as number;
    const solved = await app.as(agent.auth)(UPDATE_TICKET, { id: String(id), i: { status: 'SOLVED' } });
    expect(solved.errors, JSON.stringify(solved.errors)).toBeUndefined();
    const before = (await queued(from)).length;
    const shapes: Record<string, string>[] = [
      { 'Auto-Submitted': 'auto-replied' },
      { 'X-Autoreply': 'yes' },
      { 'X-Autorespond': 'yes' },
      { Precedence: 'auto_reply' },
      { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'Return-Path': '<>' },
    ];
    for (const [i, h] of shapes.entries()) {
      const r = await deliver({
        from,
        subject: `Automatic reply: [#${id}] Invoice`,
        text: `I am away until Monday (${i}).`,
        inReplyTo: `<ticket-${id}@${DESK}>`,
        headers: h,
      });
      expect(r, JSON.stringify(h)).toEqual({ result: 'COMMENTED', ticketId: id });
    }
    const t = await ticket(id);
    expect(t.status).toBe('SOLVED');
    expect(t.comments.totalCount).toBe(1 + shapes.length);
    expect(await queued(from)).toHaveLength(before);
    // A person's reply reopens it, as before.
    expect((await deliver({ from, subject: `Re: [#${id}] Invoice`, text: 'Still waiting.', inReplyTo: `<ticket-${id}@${DESK}>` })).result).toBe(
      'COMMENTED',
    );
    expect((await ticket(id)).status).toBe('OPEN');
  });

  it('on a ticket too: a machine’s notice, a list’s mail or a bounce is no comment, and an auto-reply from someone not on the ticket is ignored', async () => {
    const from = addr('owner');
    const id = (await deliver({ from, subject: 'Order' })).ticketId as number;
    const replyTo = { subject: `Re: [#${id}] Order`, inReplyTo: `<ticket-${id}@${DESK}>` };
    for (const h of [
      { 'Auto-Submitted': 'auto-generated' },
      { Precedence: 'list' },
      { Precedence: 'junk' },
      { 'List-Id': '<l.acme.io>', 'X-Autoreply': 'yes' },
    ]) {
      expect((await deliver({ from, ...replyTo, headers: h })).result, JSON.stringify(h)).toBe('IGNORED');
    }
    const stranger = addr('stranger');
    expect(await deliver({ from: stranger, ...replyTo, headers: { 'Auto-Submitted': 'auto-replied' } })).toMatchObject({
      result: 'IGNORED',
      reason: 'AUTO_GENERATED',
    });
    expect(await account(stranger)).toBeNull();
    expect((await ticket(id)).comments.totalCount).toBe(1);
  });
});
