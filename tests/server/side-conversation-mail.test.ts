import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpListener, type SmtpListener } from '../../server/inbound/smtp-listener.js';
import { testDialects } from '../helpers/databases.js';
import { startDnsServer, type ZoneEntry } from '../helpers/dns-server.js';
import { eventually, startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ADD_SIDE_MESSAGE, CREATE_TICKET, START_SIDE, TICKET_HISTORY } from '../helpers/ticket-operations.js';

const DESK = 'desk.accueil.test';
const ZONE: Record<string, ZoneEntry> = {
  'canary.test-dns.io': { mx: ['mx.canary.test-dns.io'] },
  'logistics.acme.io': { mx: ['mx1.acme.io'] },
  // gmial.com and anything else: no such domain.
};

const SIDE = `query($id: ID!) { ticket(id: $id) { id comments { totalCount }
  sideConversations { id subject participants { id email } messages { id body author { id email } } } } }`;
const MESSAGES = `query($id: ID!) { user(id: $id) { messages { edges { node { kind to subject status reason } } } } }`;

/** Side conversations by email: mailed through the outbox to a real SMTP server, replies back through inbound mail. */
describe.each(testDialects())('side conversations by email on %s', (dialect) => {
  let app: TestApp;
  let sink: SmtpSink;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let listener: SmtpListener;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let inboundToken: string;
  let n = 0;
  const addr = (p: string) => `${p}.${++n}.${Date.now()}@logistics.acme.io`;

  beforeAll(async () => {
    sink = await startSmtpSink();
    dns = await startDnsServer(ZONE);
    app = await startTestApp(dialect, {
      MAIL_URL: sink.url,
      MAIL_FROM: 'Acme Support <support@logistics.acme.io>',
      OUTBOX_POLL_MS: '100',
      INBOUND_DOMAIN: DESK,
      EMAIL_DOMAIN_CHECK: 'warn',
      DNS_SERVERS: dns.address,
      EMAIL_DOMAIN_CHECK_CANARY: 'canary.test-dns.io',
    });
    agent = await app.person('AGENT');
    inboundToken = (await app.token(['INBOUND'], 'mail provider')).auth.token;
    listener = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      domain: DESK,
      inbound: app.services.inbound,
      trusted: app.services.config.inboundSmtpTrusted,
      log: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await listener?.close();
    await app?.stop();
    await sink?.stop();
    await dns?.stop();
  });

  async function ticket() {
    const r = await app.as(agent.auth)(CREATE_TICKET, {
      input: { subject: 'Lost parcel', comment: 'Where is it?', requester: { email: addr('requester') } },
    });
    expect(r.errors).toBeUndefined();
    return r.data.createTicket.ticket.id as string;
  }
  async function start(ticketId: string, to: string[], message = 'Can you trace parcel 42?') {
    const r = await app.as(agent.auth)(START_SIDE, { input: { ticketId, subject: 'Parcel 42', message, to: to.map((email) => ({ email })) } });
    expect(r.errors).toBeUndefined();
    return r.data.startSideConversation;
  }
  const read = async (ticketId: string) => (await app.as(agent.auth)(SIDE, { id: ticketId })).data.ticket;
  const mailsTo = (address: string) => sink.received.filter((m) => m.to.includes(address));
  const arrived = (address: string, count: number) =>
    eventually(
      () => mailsTo(address),
      (l) => l.length >= count,
    );
  const messagesOf = async (userId: string) => (await app.gql(MESSAGES, { id: userId })).data.user.messages.edges.map((e: any) => e.node);
  const userId = (r: any, email: string) => r.sideConversation.participants.find((p: any) => p.email === email).id as string;
  const post = async (options: Mail.Options) => {
    const raw = await new MailComposer({ to: `help@${DESK}`, ...options }).compile().build();
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inboundToken}` },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };
  const replyTo = (mail: ReceivedMail, from: string, text: string, messageId: string): Mail.Options => ({
    from,
    subject: `Re: ${mail.subject}`,
    text,
    inReplyTo: mail.messageId,
    references: [...mail.references, mail.messageId],
    messageId,
  });

  it('starting one mails each participant once, with the message and a reference that threads back to it', async () => {
    const ticketId = await ticket();
    const warehouse = addr('warehouse');
    const kim = addr('kim');
    const r = await start(ticketId, [warehouse, kim]);
    const sideId = r.sideConversation.id;
    const messageId = (await read(ticketId)).sideConversations[0].messages[0].id;
    for (const to of [warehouse, kim]) {
      const [mail] = await arrived(to, 1);
      expect(mail).toMatchObject({ from: '"Acme Support" <support@logistics.acme.io>', to: [to], subject: `[#${ticketId}-${sideId}] Parcel 42` });
      expect(mail.text.trim()).toBe('##- Please type your reply above this line -##\n\nCan you trace parcel 42?');
      expect(mail.messageId).toBe(`<ticket-${ticketId}.side-${sideId}.message-${messageId}@${DESK}>`);
      expect(mail.inReplyTo).toBe(`<ticket-${ticketId}.side-${sideId}@${DESK}>`);
      expect(mail.references).toEqual([`<ticket-${ticketId}.side-${sideId}@${DESK}>`]);
    }
    await new Promise((ok) => setTimeout(ok, 300));
    expect(mailsTo(warehouse)).toHaveLength(1);
    expect(mailsTo(kim)).toHaveLength(1);
    expect(sink.rcpts).not.toContain(agent.email);
    expect((await messagesOf(userId(r, kim))).map((m: any) => [m.kind, m.status])).toEqual([['SIDE_CONVERSATION', 'SENT']]);
  });

  it('a reserved address is SKIPPED with the reason, a domain without a mail server too; the others are mailed', async () => {
    const ticketId = await ticket();
    const placeholder = `walk-in.${++n}@example.invalid`;
    const typo = `kim.${n}@gmial.com`;
    const ok = addr('ok');
    const r = await start(ticketId, [placeholder, typo, ok]);
    expect(r.warnings.map((w: any) => [w.code, w.field])).toContainEqual(['UNDELIVERABLE_RESERVED', 'to.0.email']);
    await arrived(ok, 1);
    expect(await messagesOf(userId(r, placeholder))).toEqual([
      expect.objectContaining({
        kind: 'SIDE_CONVERSATION',
        status: 'SKIPPED',
        reason: 'example.invalid is a reserved name: mail to it is never sent',
      }),
    ]);
    const skipped = await eventually(
      () => messagesOf(userId(r, typo)),
      (l) => l[0]?.status === 'SKIPPED',
    );
    expect(skipped[0].reason).toBe('gmial.com has no mail server');
    expect(sink.rcpts).not.toContain(placeholder);
    expect(sink.rcpts).not.toContain(typo);
  });

  it('an added message is mailed the same way; replies by email (HTTP and SMTP) land in the side conversation, not on the ticket', async () => {
    const ticketId = await ticket();
    const warehouse = addr('warehouse');
    const kim = addr('kim');
    const r = await start(ticketId, [warehouse, kim]);
    const sideId = r.sideConversation.id;
    const added = await app.as(agent.auth)(ADD_SIDE_MESSAGE, { input: { sideConversationId: sideId, message: '  Any news?\nThanks.  ' } });
    expect(added.errors).toBeUndefined();
    expect(added.data.addSideConversationMessage.message).toMatchObject({ body: 'Any news?\nThanks.', author: { id: agent.id } });
    expect(added.data.addSideConversationMessage.sideConversation.messages.map((m: any) => m.body)).toEqual([
      'Can you trace parcel 42?',
      'Any news?\nThanks.',
    ]);
    const second = (await arrived(warehouse, 2))[1];
    expect(second.subject).toBe(`[#${ticketId}-${sideId}] Parcel 42`);
    expect(second.text.trim()).toBe('##- Please type your reply above this line -##\n\nAny news?\nThanks.');
    expect(second.messageId).toBe(`<ticket-${ticketId}.side-${sideId}.message-${added.data.addSideConversationMessage.message.id}@${DESK}>`);
    expect((await arrived(kim, 2)).length).toBe(2);

    // The warehouse answers over HTTP (the provider's POST), in another letter case, quoting the mail it answers: only its own text lands.
    const quoting = `Found it, shipping today.\n\nOn Tue, Dec 1, 2026 at 9:00 AM Acme <help@${DESK}> wrote:\n${second.text.replace(/^/gm, '> ')}`;
    const reply = replyTo(second, `"Warehouse" <${warehouse.toUpperCase()}>`, quoting, `<w.${n}@logistics.acme.io>`);
    expect(await post(reply)).toEqual({ result: 'SIDE_CONVERSATION', ticketId: Number(ticketId), sideConversationId: Number(sideId) });
    // A second delivery of it adds nothing.
    expect(await post(reply)).toMatchObject({ result: 'IGNORED', reason: 'DUPLICATE' });
    // Kim answers through the SMTP listener, keeping only the subject.
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
    const sent = await smtp.sendMail({ from: kim, to: `help@${DESK}`, subject: `RE: [#${ticketId}-${sideId}] Parcel 42`, text: 'Me too.' });
    expect(sent.response).toMatch(/side_conversation/);

    const t = await read(ticketId);
    expect(t.comments.totalCount).toBe(1);
    const side = t.sideConversations.find((s: any) => s.id === sideId);
    expect(side.messages.map((m: any) => [m.body, m.author?.email])).toEqual([
      ['Can you trace parcel 42?', agent.email],
      ['Any news?\nThanks.', agent.email],
      ['Found it, shipping today.', warehouse],
      ['Me too.', kim],
    ]);
    // Replies are not mailed on: nothing more left for the participants.
    await new Promise((ok) => setTimeout(ok, 300));
    expect(mailsTo(warehouse)).toHaveLength(2);
    expect(mailsTo(kim)).toHaveLength(2);
    const history = (await app.as(agent.auth)(TICKET_HISTORY, { id: ticketId })).data.ticket.events.edges.map((e: any) => e.node.action);
    expect(history.filter((a: string) => a === 'SIDE_CONVERSATION_MESSAGE_ADDED')).toHaveLength(3);
  });

  it('a reply from someone not in the side conversation follows the rules for unknown senders: a new ticket', async () => {
    const ticketId = await ticket();
    const warehouse = addr('warehouse');
    const r = await start(ticketId, [warehouse]);
    const [mail] = await arrived(warehouse, 1);
    const stranger = addr('stranger');
    const out = await post(replyTo(mail, stranger, 'Forwarded to me.', `<s.${n}@logistics.acme.io>`));
    expect(out.result).toBe('CREATED');
    expect(out.ticketId).not.toBe(Number(ticketId));
    const side = (await read(ticketId)).sideConversations.find((s: any) => s.id === r.sideConversation.id);
    expect(side.messages).toHaveLength(1);
    // A reference to a side conversation of another ticket names nothing either.
    const other = await ticket();
    const wrong = await post({ from: warehouse, subject: `Re: [#${other}-${r.sideConversation.id}] Parcel 42`, text: 'Hm?' });
    expect(wrong.result).toBe('CREATED');
  });

  it('only staff and tokens with TICKETS_WRITE add messages (end users and other tokens FORBIDDEN); bad input is refused', async () => {
    const ticketId = await ticket();
    const r = await start(ticketId, [addr('warehouse')]);
    const sideId = r.sideConversation.id;
    const input = { sideConversationId: sideId, message: 'Hello' };
    const code = (res: any) => res.errors?.[0]?.extensions?.code;
    const endUser = await app.person('END_USER');
    expect(code(await app.as(endUser.auth)(ADD_SIDE_MESSAGE, { input }))).toBe('FORBIDDEN');
    const reader = await app.token(['TICKETS_READ', 'USERS_READ'], 'reader');
    expect(code(await app.as(reader.auth)(ADD_SIDE_MESSAGE, { input }))).toBe('FORBIDDEN');
    const usersOnly = await app.token(['USERS_READ', 'USERS_WRITE'], 'users only');
    expect(code(await app.as(usersOnly.auth)(ADD_SIDE_MESSAGE, { input }))).toBe('FORBIDDEN');
    const writer = await app.token(['TICKETS_READ', 'TICKETS_WRITE'], 'writer');
    const byToken = await app.as(writer.auth)(ADD_SIDE_MESSAGE, { input });
    expect(byToken.errors).toBeUndefined();
    expect(byToken.data.addSideConversationMessage.message).toMatchObject({ body: 'Hello', author: null });
    expect(code(await app.as(agent.auth)(ADD_SIDE_MESSAGE, { input: { sideConversationId: '999999', message: 'x' } }))).toBe('NOT_FOUND');
    expect(code(await app.as(agent.auth)(ADD_SIDE_MESSAGE, { input: { sideConversationId: 'abc', message: 'x' } }))).toBe('NOT_FOUND');
    const empty = await app.as(agent.auth)(ADD_SIDE_MESSAGE, { input: { sideConversationId: sideId, message: '  ' } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    expect((await read(ticketId)).sideConversations[0].messages).toHaveLength(2);
  });
});
