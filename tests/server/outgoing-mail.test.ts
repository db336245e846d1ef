import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.js';
import { startDnsServer, type ZoneEntry } from '../helpers/dns-server.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ADD_COMMENT, CREATE_TICKET } from '../helpers/ticket-operations.js';

const DESK = 'desk.accueil.test';
const ZONE: Record<string, ZoneEntry> = {
  'canary.test-dns.io': { mx: ['mx.canary.test-dns.io'] },
  'mail.acme.io': { mx: ['mx1.acme.io'] },
  'null-mx.acme.io': { mx: [''] },
  // gmial.com and anything else: no such domain.
};

const CREATE_CUSTOMER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } warnings { code message suggestion } } }`;
const MESSAGE = 'id kind to subject status reason attempts createdAt sentAt';
const SEND = `mutation Send($userId: ID!, $input: SendUserEmailInput!) { sendUserEmail(userId: $userId, input: $input) { ${MESSAGE} } }`;
const MESSAGES = `query Messages($id: ID!, $first: Int, $after: String) { user(id: $id) { id messages(first: $first, after: $after) { edges { cursor node { ${MESSAGE} } } pageInfo { hasNextPage endCursor } } } }`;
const OUTBOX = `query Outbox($status: OutboxStatus, $first: Int, $after: String) { outbox(status: $status, first: $first, after: $after) { edges { node { ${MESSAGE} } } pageInfo { hasNextPage endCursor } } }`;

describe.each(testDialects())('outgoing mail through a real SMTP server on %s', (dialect) => {
  let app: TestApp;
  let smtp: SmtpSink;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let n = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    dns = await startDnsServer(ZONE);
    app = await startTestApp(dialect, {
      MAIL_URL: smtp.url,
      MAIL_FROM: 'Acme Support <support@mail.acme.io>',
      MAIL_RETRY_SECONDS: '0.3,0.3',
      OUTBOX_POLL_MS: '100',
      INBOUND_DOMAIN: DESK,
      EMAIL_DOMAIN_CHECK: 'warn',
      DNS_SERVERS: dns.address,
      EMAIL_DOMAIN_CHECK_CANARY: 'canary.test-dns.io',
      FOLLOW_UP_RATE_LIMIT: '3',
    });
    agent = await app.person('AGENT');
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
    await dns?.stop();
  });

  /** A new end user with this address (or a fresh one on mail.acme.io). */
  async function customer(email = `customer.${++n}.${Date.now()}@mail.acme.io`) {
    const r = await app.gql(CREATE_CUSTOMER, { input: { name: `Customer ${n}`, email } });
    expect(r.errors).toBeUndefined();
    return { id: r.data.createUser.user.id as string, email, warnings: r.data.createUser.warnings as any[] };
  }
  const sendAs = (auth: Parameters<TestApp['as']>[0], userId: string, input: Record<string, unknown>) => app.as(auth)(SEND, { userId, input });
  const messagesOf = async (id: string) => (await app.as(agent.auth)(MESSAGES, { id })).data.user.messages.edges.map((e: any) => e.node);
  const receivedBy = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  it('an agent follow-up arrives once, from MAIL_FROM, to the primary address, and is SENT on the profile', async () => {
    const c = await customer();
    const r = await sendAs(agent.auth, c.id, { subject: 'About your order', body: 'Hello,\n\nYour order has shipped.\n' });
    expect(r.errors).toBeUndefined();
    expect(r.data.sendUserEmail).toMatchObject({ kind: 'FOLLOW_UP', to: c.email, subject: 'About your order', status: 'QUEUED', sentAt: null });
    const [sent] = await eventually(
      () => messagesOf(c.id),
      (list) => list[0]?.status === 'SENT',
    );
    expect(sent).toMatchObject({ id: r.data.sendUserEmail.id, attempts: 1, reason: null });
    expect(new Date(sent.sentAt).getTime()).toBeGreaterThanOrEqual(new Date(sent.createdAt).getTime());
    const mails = receivedBy(c.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: '"Acme Support" <support@mail.acme.io>', subject: 'About your order', to: [c.email] });
    expect(mails[0].text.trim()).toBe('Hello,\n\nYour order has shipped.');
    expect(mails[0].headers.has('auto-submitted')).toBe(false);
  });

  it('reserved names are SKIPPED at once and never reach the server', async () => {
    for (const email of [`r${n}@example.com`, `r${n}@shop.example.org`, `r${n}@host.invalid`, `r${n}@acme.test`, `r${n}@box.localhost`]) {
      const c = await customer(email);
      const r = await sendAs(agent.auth, c.id, { subject: 'Hi', body: 'Text' });
      expect(r.data.sendUserEmail).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/reserved name/) });
    }
    await new Promise((ok) => setTimeout(ok, 300));
    expect(smtp.rcpts.filter((a) => /example\.(com|org)|\.invalid|\.test|\.localhost/.test(a))).toEqual([]);
  });

  it('a domain without a mail server is SKIPPED with the reason; the warning suggested the near miss', async () => {
    const typo = await customer(`ann.${n}@gmial.com`);
    expect(typo.warnings).toEqual([
      expect.objectContaining({
        code: 'NO_MAIL_DOMAIN',
        suggestion: `ann.${n}@gmail.com`,
        message: expect.stringContaining('gmial.com has no mail server: did you mean gmail.com?'),
      }),
    ]);
    const nullMx = await customer(`bob.${n}@null-mx.acme.io`);
    expect(nullMx.warnings[0]).toMatchObject({ code: 'NO_MAIL_DOMAIN', suggestion: null });
    for (const c of [typo, nullMx]) {
      await sendAs(agent.auth, c.id, { subject: 'Hi', body: 'Text' });
      const [m] = await eventually(
        () => messagesOf(c.id),
        (list) => list[0]?.status !== 'QUEUED' && list[0]?.status !== 'SENDING',
      );
      expect(m).toMatchObject({ status: 'SKIPPED', reason: `${c.email.split('@')[1]} has no mail server` });
    }
    expect(smtp.rcpts).not.toContain(typo.email);
    expect(smtp.rcpts).not.toContain(nullMx.email);
  });

  it('a server that answers 4xx, then accepts, gets the message exactly once', async () => {
    const c = await customer();
    let refusals = 0;
    smtp.answer = (a) => (a === c.email && refusals++ === 0 ? { code: 451, message: 'Greylisted, try again later' } : null);
    try {
      await sendAs(agent.auth, c.id, { subject: 'Greylisted', body: 'Once' });
      const [m] = await eventually(
        () => messagesOf(c.id),
        (list) => list[0]?.status === 'SENT',
      );
      expect(m.attempts).toBe(2);
      expect(refusals).toBe(2);
      expect(receivedBy(c.email)).toHaveLength(1);
    } finally {
      smtp.answer = () => null;
    }
  });

  it('a permanent refusal is FAILED at once with the answer; temporary ones are FAILED after the last retry', async () => {
    const gone = await customer();
    const busy = await customer();
    smtp.answer = (a) =>
      a === gone.email ? { code: 550, message: 'No such mailbox' } : a === busy.email ? { code: 452, message: 'Mailbox busy' } : null;
    try {
      await sendAs(agent.auth, gone.id, { subject: 'Gone', body: 'x' });
      await sendAs(agent.auth, busy.id, { subject: 'Busy', body: 'x' });
      const [g] = await eventually(
        () => messagesOf(gone.id),
        (l) => l[0]?.status === 'FAILED',
      );
      expect(g).toMatchObject({ attempts: 1, reason: expect.stringMatching(/^550 .*No such mailbox/) });
      const [b] = await eventually(
        () => messagesOf(busy.id),
        (l) => l[0]?.status === 'FAILED',
      );
      // MAIL_RETRY_SECONDS=0.3,0.3: three tries in all.
      expect(b).toMatchObject({ attempts: 3, reason: expect.stringMatching(/^452 .*Mailbox busy/) });
      expect(receivedBy(gone.email).length + receivedBy(busy.email).length).toBe(0);
    } finally {
      smtp.answer = () => null;
    }
  });

  it("an agent's public comment mails the requester and the CCs (not its author) with the ticket's reference; a note mails nobody", async () => {
    const requester = `req.${++n}@mail.acme.io`;
    const cc = `cc.${n}@mail.acme.io`;
    const t = await app.as(agent.auth)(CREATE_TICKET, {
      input: { subject: 'Broken zipper', comment: 'Reported by phone', requester: { email: requester }, ccs: [{ email: cc }, { id: agent.id }] },
    });
    expect(t.errors).toBeUndefined();
    const ticketId = t.data.createTicket.ticket.id;
    const note = await app.as(agent.auth)(ADD_COMMENT, { ticketId, input: { body: 'Internal: check stock', public: false } });
    expect(note.errors).toBeUndefined();
    const c = await app.as(agent.auth)(ADD_COMMENT, { ticketId, input: { body: 'We are sending a new one.' } });
    expect(c.errors).toBeUndefined();
    const commentId = c.data.addTicketComment.comment.id;
    const mails = await eventually(
      () => smtp.received.filter((m) => m.subject.startsWith(`[#${ticketId}]`)),
      (l) => l.length >= 2,
    );
    await new Promise((ok) => setTimeout(ok, 300));
    expect(smtp.received.filter((m) => m.subject.startsWith(`[#${ticketId}]`))).toHaveLength(2);
    expect(mails.flatMap((m) => m.to).sort()).toEqual([cc, requester].sort());
    for (const m of mails) {
      expect(m.subject).toBe(`[#${ticketId}] Broken zipper`);
      expect(m.text).toContain('We are sending a new one.');
      expect(m.text).not.toContain('Internal');
      expect(m.messageId).toBe(`<ticket-${ticketId}.comment-${commentId}@${DESK}>`);
      expect(m.inReplyTo).toBe(`<ticket-${ticketId}@${DESK}>`);
    }
    expect(smtp.rcpts).not.toContain(agent.email);
    const requesterId = t.data.createTicket.createdUsers.find((u: any) => u.email === requester).id;
    expect((await messagesOf(requesterId)).map((m: any) => m.kind)).toEqual(['TICKET_COMMENT']);
  });

  it('refuses bad input, listing every problem; an unknown user is NOT_FOUND', async () => {
    const c = await customer();
    const bad = async (input: Record<string, unknown>) => (await sendAs(agent.auth, c.id, input)).errors![0];
    const both = await bad({ subject: '  ', body: '' });
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject' });
    expect(both.extensions!.errors.map((e: any) => e.field)).toEqual(['subject', 'body']);
    expect((await bad({ subject: 'Two\nlines', body: 'x' })).extensions).toMatchObject({ field: 'subject' });
    expect((await bad({ subject: 'Tab\there', body: 'x' })).extensions).toMatchObject({ field: 'subject' });
    expect((await bad({ subject: 'Bidi \u202e', body: 'x' })).extensions).toMatchObject({ field: 'subject' });
    expect((await bad({ subject: 'x'.repeat(201), body: 'x' })).extensions).toMatchObject({ field: 'subject' });
    expect((await bad({ subject: 'ok', body: 'x'.repeat(20_001) })).extensions).toMatchObject({ field: 'body' });
    expect((await bad({ subject: 'ok', body: 'bell \u0007' })).extensions).toMatchObject({ field: 'body' });
    expect((await sendAs(agent.auth, '999999', { subject: 'a', body: 'b' })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await sendAs(agent.auth, 'nope', { subject: 'a', body: 'b' })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await messagesOf(c.id)).toEqual([]);
  });

  it('limits follow-ups to one person (FOLLOW_UP_RATE_LIMIT an hour)', async () => {
    const c = await customer();
    for (let i = 0; i < 3; i++) expect((await sendAs(agent.auth, c.id, { subject: `n${i}`, body: 'x' })).errors).toBeUndefined();
    const r = await sendAs(agent.auth, c.id, { subject: 'one too many', body: 'x' });
    expect(r.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const other = await customer();
    expect((await sendAs(agent.auth, other.id, { subject: 'fine', body: 'x' })).errors).toBeUndefined();
  });

  it('pages User.messages and the outbox newest first; outbox filters by status', async () => {
    const c = await customer();
    for (const s of ['first', 'second']) await sendAs(agent.auth, c.id, { subject: s, body: 'x' });
    const p1 = (await app.as(agent.auth)(MESSAGES, { id: c.id, first: 1 })).data.user.messages;
    expect(p1.edges.map((e: any) => e.node.subject)).toEqual(['second']);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await app.as(agent.auth)(MESSAGES, { id: c.id, first: 1, after: p1.pageInfo.endCursor })).data.user.messages;
    expect(p2.edges.map((e: any) => e.node.subject)).toEqual(['first']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const skipped = (await app.as(app.admin)(OUTBOX, { status: 'SKIPPED', first: 100 })).data.outbox.edges.map((e: any) => e.node);
    expect(skipped.length).toBeGreaterThanOrEqual(5);
    expect(skipped.every((m: any) => m.status === 'SKIPPED' && m.reason)).toBe(true);
    const all = (await app.as(app.admin)(OUTBOX, { first: 100 })).data.outbox.edges.map((e: any) => Number(e.node.id));
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect((await app.as(app.admin)(OUTBOX, { first: 1, after: 'bogus' })).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it("who may send, read a user's messages and read the outbox: end users never, agents not the outbox, tokens by scope", async () => {
    const c = await customer();
    const endUser = await app.person('END_USER');
    const forbidden = (r: any) => r.errors?.[0]?.extensions?.code;
    // End users: not even about themselves.
    expect(forbidden(await sendAs(endUser.auth, c.id, { subject: 'a', body: 'b' }))).toBe('FORBIDDEN');
    expect(forbidden(await sendAs(endUser.auth, endUser.id, { subject: 'a', body: 'b' }))).toBe('FORBIDDEN');
    expect(forbidden(await app.as(endUser.auth)(MESSAGES, { id: endUser.id }))).toBe('FORBIDDEN');
    expect(forbidden(await app.as(endUser.auth)(OUTBOX, {}))).toBe('FORBIDDEN');
    expect(forbidden(await app.as({ kind: 'anonymous' })(OUTBOX, {}))).toBe('UNAUTHENTICATED');
    // Agents: send and read a user's messages, not the outbox.
    expect(forbidden(await app.as(agent.auth)(OUTBOX, {}))).toBe('FORBIDDEN');
    // Admins: everything.
    expect((await sendAs(app.admin, c.id, { subject: 'From an admin', body: 'b' })).errors).toBeUndefined();
    expect((await app.as(app.admin)(OUTBOX, { first: 1 })).errors).toBeUndefined();
    // Tokens: USERS_WRITE to send, USERS_READ to read.
    const readOnly = await app.token(['USERS_READ']);
    const writeOnly = await app.token(['USERS_WRITE']);
    expect(forbidden(await sendAs(readOnly.auth, c.id, { subject: 'a', body: 'b' }))).toBe('FORBIDDEN');
    expect((await app.as(readOnly.auth)(MESSAGES, { id: c.id })).data.user.messages.edges.length).toBeGreaterThan(0);
    expect((await app.as(readOnly.auth)(OUTBOX, { first: 1 })).errors).toBeUndefined();
    // A token that may send but not read users: the message is queued, and it reads its id, nothing more.
    const byToken = await app.as(writeOnly.auth)(
      'mutation($id: ID!) { sendUserEmail(userId: $id, input: { subject: "By token", body: "b" }) { id } }',
      {
        id: c.id,
      },
    );
    expect(byToken.data.sendUserEmail.id).toEqual(expect.any(String));
    expect(forbidden(await sendAs(writeOnly.auth, c.id, { subject: 'By token, read back', body: 'b' }))).toBe('FORBIDDEN');
    expect((await messagesOf(c.id)).map((m: any) => m.subject)).toEqual(expect.arrayContaining(['By token', 'By token, read back']));
    expect(forbidden(await app.as(writeOnly.auth)(OUTBOX, {}))).toBe('FORBIDDEN');
    // viewerCan tells the admin app the same.
    const can = async (auth: any) => (await app.as(auth)('{ viewerCan { emailUsers readOutbox } }')).data.viewerCan;
    expect(await can(endUser.auth)).toEqual({ emailUsers: false, readOutbox: false });
    expect(await can(agent.auth)).toEqual({ emailUsers: true, readOutbox: false });
    expect(await can(app.admin)).toEqual({ emailUsers: true, readOutbox: true });
  });
});
