import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { testDialects } from '../helpers/databases.js';
import { eventually, startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { CREATE_TICKET, SUBMIT_REQUEST } from '../helpers/ticket-operations.js';

const DESK = 'desk.accueil.test';
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';
const SETTINGS = 'mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version acknowledgeRequests } }';
const REQUESTED = `query($id: ID!) { user(id: $id) { requestedTickets(first: 10) { edges { node { id } } } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { id held comments { edges { node { id body via author { id } } } } } }`;

let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@mail.acme.io`;

/** The acknowledgment of a new request (TICKET_RECEIVED): mailed through the outbox to a real SMTP server; replies come back by inbound mail. */
describe.each(testDialects())('requests acknowledged by mail on %s', (dialect) => {
  let app: TestApp;
  let sink: SmtpSink;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let inbound: string;
  let client = 0;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startTestApp(dialect, {
      MAIL_URL: sink.url,
      MAIL_FROM: 'Acme Support <support@mail.acme.io>',
      OUTBOX_POLL_MS: '100',
      INBOUND_DOMAIN: DESK,
      REQUEST_RATE_LIMIT: '0',
      TRUST_PROXY: 'loopback',
    });
    agent = await app.person('AGENT');
    inbound = (await app.token(['INBOUND'], 'mail provider')).auth.token;
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.stop();
  });

  const settings = async (i: Record<string, unknown>) => {
    const r = await app.as(app.admin)(SETTINGS, { i });
    expect(r.errors).toBeUndefined();
    return r.data.updateSettings;
  };
  /** The public form, signed out, from a page in `language`. */
  const submit = async (email: string, subject: string, description: string, language = 'en', cookie?: string) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accueil-language': language,
        'x-forwarded-for': `198.51.100.${++client % 250}`,
        ...(cookie ? { cookie, 'x-accueil-csrf': '1' } : {}),
      },
      body: JSON.stringify({ query: SUBMIT_REQUEST, variables: { input: { name: 'Someone', email, subject, description } } }),
    });
    expect(await res.json()).toEqual({ data: { submitRequest: { received: true } } });
  };
  /** Mail to the desk, as the provider posts it. */
  const deliver = async (options: Mail.Options) => {
    const raw = await new MailComposer({ to: `help@${DESK}`, ...options }).compile().build();
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inbound}` },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };
  const customer = async (email: string, locale: string | null = null) => {
    const r = await app.gql(CREATE_USER, { i: { name: 'Known Customer', email, locale } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id as string;
  };
  const ticketsOf = async (email: string): Promise<string[]> => {
    const user = await app.services.users.findByEmail(email);
    if (!user) return [];
    const r = await app.as(agent.auth)(REQUESTED, { id: String(user.id) });
    return r.data.user.requestedTickets.edges.map((e: any) => e.node.id);
  };
  const ticket = async (id: string) => (await app.as(agent.auth)(TICKET, { id })).data.ticket;
  /** What the outbox holds for an address (queued in the ticket's transaction: final when the request is answered). */
  const queued = async (to: string) =>
    (await app.db.manager.find(OutboxMessage, { where: { recipient: to }, order: { id: 'ASC' } })).map((m) => [m.kind, m.status]);
  const mailsTo = (to: string) => sink.received.filter((m) => m.to.includes(to));
  const arrived = async (to: string): Promise<ReceivedMail> =>
    (
      await eventually(
        () => mailsTo(to),
        (l) => l.length >= 1,
      )
    )[0];

  it('acknowledges a web-form request once: the reply line, threaded to the ticket, auto-replied; a visitor’s words are not mailed back', async () => {
    const email = addr('ada');
    await submit(email, 'Printer on fire', 'It is on fire.\n\nAgain, since Monday.');
    const [id] = await ticketsOf(email);
    const first = (await ticket(id)).comments.edges[0].node;
    const mail = await arrived(email);
    // Anyone may type any address in the form: neither the subject nor the text it was given goes to that address.
    expect(mail).toMatchObject({ from: '"Acme Support" <support@mail.acme.io>', to: [email], subject: `[#${id}] Request received` });
    expect(mail.text.trim()).toBe(
      [
        '##- Please type your reply above this line -##',
        `Your request #${id} has been received. Our team will answer you by email.`,
        `--\nReply to this email to answer on request #${id}.`,
      ].join('\n\n'),
    );
    expect(mail.messageId).toBe(`<ticket-${id}.comment-${first.id}@${DESK}>`);
    expect(mail.inReplyTo).toBe(`<ticket-${id}@${DESK}>`);
    expect(mail.references).toEqual([`<ticket-${id}@${DESK}>`]);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.headers.get('x-accueil-kind')).toBe('TICKET_RECEIVED');
    await new Promise((ok) => setTimeout(ok, 300));
    expect(mailsTo(email)).toHaveLength(1);
    expect(await queued(email)).toEqual([['TICKET_RECEIVED', 'SENT']]);
  });

  it('writes in the requester’s language: their profile’s locale first, else the language of the form’s page', async () => {
    const zoe = addr('zoe');
    await customer(zoe, 'fr-CA');
    await submit(zoe, 'Imprimante en feu', 'Elle brûle.', 'en');
    const [id] = await ticketsOf(zoe);
    const fr = await arrived(zoe);
    expect(fr.subject).toBe(`[#${id}] Demande reçue`);
    expect(fr.text.trim()).toBe(
      [
        '##- Veuillez écrire votre réponse au-dessus de cette ligne -##',
        `Votre demande n° ${id} a bien été reçue. Notre équipe vous répondra par e-mail.`,
        `--\nRépondez à cet e-mail pour répondre à la demande n° ${id}.`,
      ].join('\n\n'),
    );
    // Nobody knew them: the French page's language.
    const lea = addr('lea');
    await submit(lea, 'Bonjour', 'Une question.', 'fr');
    expect((await arrived(lea)).text).toContain('a bien été reçue');
    // Their profile says English: English, whatever the page.
    const sam = addr('sam');
    await customer(sam, 'en-GB');
    await submit(sam, 'Hello', 'A question.', 'fr');
    expect((await arrived(sam)).text).toContain('has been received');
  });

  it('acknowledges a request from the help center (signed in, verified) with its subject, and quotes a long one in part', async () => {
    const me = await app.person('END_USER');
    // Their address proven (here by staff): their own words may be mailed back to it.
    const verify = await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { verified: true }) { verified } }', {
      id: me.id,
    });
    expect(verify.errors).toBeUndefined();
    const long = `${'All of this. '.repeat(500)}END`;
    await submit(me.email, 'A long story', long, 'en', me.auth.cookie);
    const [id] = await ticketsOf(me.email);
    const mail = await arrived(me.email);
    expect(mail.subject).toBe(`[#${id}] A long story`);
    const quote = mail.text.split('\n').filter((l) => l.startsWith('> '));
    expect(quote).toHaveLength(1);
    expect(quote[0]).toMatch(/^> All of this\. .*…$/);
    expect([...quote[0]].length).toBe(2 + 5000 + 1);
    expect(mail.text).not.toContain('END');
    // Signed out, anyone may type that verified customer's address: the receipt alone, never the stranger's words.
    await submit(me.email, 'Cheap watches', 'Visit spam.example today', 'en');
    const typed = (await ticketsOf(me.email)).find((t) => t !== id)!;
    const stranger = (
      await eventually(
        () => mailsTo(me.email),
        (l) => l.length >= 2,
      )
    )[1];
    expect(stranger.subject).toBe(`[#${typed}] Request received`);
    expect(stranger.text).not.toContain('spam.example');
    // Signed in but with an address nobody proved (anyone may sign up with any address): the receipt alone.
    const other = await app.person('END_USER');
    await submit(other.email, 'Spam subject', 'Buy now at spam.example', 'en', other.auth.cookie);
    const [otherId] = await ticketsOf(other.email);
    const bare = await arrived(other.email);
    expect(bare.subject).toBe(`[#${otherId}] Request received`);
    expect(bare.text).not.toContain('spam.example');
  });

  it('acknowledges mail to the desk; a reply quoting the acknowledgment is a comment of its new text on the same ticket', async () => {
    const from = addr('grace');
    const cc = addr('grace-cc');
    const created = await deliver({
      from: `"Grace Hopper" <${from}>`,
      cc,
      subject: 'Lost parcel',
      text: 'Where is parcel 42?',
      messageId: `<q.${seq}@acme.io>`,
    });
    expect(created.result).toBe('CREATED');
    const id = String(created.ticketId);
    const ack = await arrived(from);
    // From is whatever the sender wrote: the receipt alone.
    expect(ack.subject).toBe(`[#${id}] Request received`);
    expect(ack.text).not.toContain('parcel 42');
    expect(ack.inReplyTo).toBe(`<ticket-${id}@${DESK}>`);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    // The CC gets nothing.
    expect(await queued(cc)).toEqual([]);

    const quote = ack.text
      .trim()
      .split('\n')
      .map((l) => `> ${l}`.trimEnd())
      .join('\n');
    const reply = await deliver({
      from,
      subject: `Re: ${ack.subject}`,
      text: `It was sent on Monday.\n\nOn Tue, 1 Dec 2026 at 10:02, Acme Support <support@mail.acme.io> wrote:\n${quote}\n`,
      inReplyTo: ack.messageId,
      references: [...ack.references, ack.messageId],
      messageId: `<r.${seq}@acme.io>`,
    });
    expect(reply).toEqual({ result: 'COMMENTED', ticketId: Number(id) });
    const bodies = (await ticket(id)).comments.edges.map((e: any) => [e.node.body, e.node.via]);
    expect(bodies).toEqual([
      ['Where is parcel 42?', 'EMAIL'],
      ['It was sent on Monday.', 'EMAIL'],
    ]);
    // A reply is not a new request: still one acknowledgment.
    await new Promise((ok) => setTimeout(ok, 300));
    expect(mailsTo(from)).toHaveLength(1);
    expect(await queued(from)).toEqual([['TICKET_RECEIVED', 'SENT']]);
  });

  it('mails nothing for a ticket made by an agent or a partner app, auto-generated mail, staff writing in, or a held request', async () => {
    const forAgent = addr('walk-in');
    const byAgent = await app.as(agent.auth)(CREATE_TICKET, {
      input: { subject: 'Called', comment: 'On the phone.', requester: { email: forAgent } },
    });
    expect(byAgent.errors).toBeUndefined();
    const forPartner = addr('partner');
    const partner = (await app.token(['TICKETS_WRITE', 'TICKETS_READ', 'USERS_READ'])).auth;
    expect(
      (await app.as(partner)(CREATE_TICKET, { input: { subject: 'Synced', comment: 'From the CRM.', requester: { email: forPartner } } })).errors,
    ).toBeUndefined();

    const robot = addr('vacation');
    expect(await deliver({ from: robot, subject: 'Out of office', text: 'Away.', headers: { 'Auto-Submitted': 'auto-replied' } })).toMatchObject({
      result: 'IGNORED',
      reason: 'AUTO_GENERATED',
    });
    const list = addr('list');
    expect((await deliver({ from: list, subject: 'News', text: 'x', headers: { 'List-Id': '<news.acme.io>' } })).result).toBe('IGNORED');
    // An agent mailing the desk makes a ticket, with no acknowledgment (Zendesk's trigger: for end users).
    // Staff writing in (without the receiving server's proof, refused outright: inbound-staff-proof.test.ts).
    expect((await deliver({ from: agent.email, subject: 'For the team', text: 'Internal.' })).result).toBe('IGNORED');

    // Held by the block list: nothing is mailed until someone looks at it.
    await settings({ requestAccess: 'ANYONE', blockList: ['suspend:held.acme.io'] });
    const suspended = `someone.${++seq}@held.acme.io`;
    await submit(suspended, 'Hello', 'Please.');
    expect((await ticket((await ticketsOf(suspended))[0])).held).toBe('SUSPENDED');
    const suspendedMail = `other.${++seq}@held.acme.io`;
    expect((await deliver({ from: suspendedMail, subject: 'Hello', text: 'Please.' })).result).toBe('CREATED');
    // Held until the sender verifies: the verification link is what they get.
    await settings({ requestAccess: 'REGISTERED', blockList: [] });
    const unverified = addr('unverified');
    await submit(unverified, 'Hello', 'Please.');
    expect((await ticket((await ticketsOf(unverified))[0])).held).toBe('UNVERIFIED');
    const unverifiedMail = addr('unverified-mail');
    expect((await deliver({ from: unverifiedMail, subject: 'Hello', text: 'Please.' })).result).toBe('CREATED');
    // Refused outright: no ticket, no mail.
    await settings({ requestAccess: 'ANYONE', blockList: ['reject:spam.acme.io'] });
    const rejected = `spammer.${++seq}@spam.acme.io`;
    expect((await deliver({ from: rejected, subject: 'Buy', text: 'Now.' })).result).toBe('IGNORED');
    await settings({ blockList: [] });

    for (const to of [forAgent, forPartner, robot, list, agent.email, suspended, suspendedMail, rejected]) expect(await queued(to), to).toEqual([]);
    for (const to of [unverified, unverifiedMail])
      expect(
        (await queued(to)).map(([kind]) => kind),
        to,
      ).toEqual(['VERIFICATION']);
    expect(sink.received.filter((m) => m.headers.get('x-accueil-kind') === 'TICKET_RECEIVED' && m.subject.includes('Called'))).toEqual([]);
  });

  it('a reserved address is never mailed: the acknowledgment is SKIPPED with the reason', async () => {
    const placeholder = `walk-in.${++seq}@example.invalid`;
    await submit(placeholder, 'Hello', 'Please.');
    expect(await ticketsOf(placeholder)).toHaveLength(1);
    const [row] = await app.db.manager.find(OutboxMessage, { where: { recipient: placeholder } });
    expect(row).toMatchObject({ kind: 'TICKET_RECEIVED', status: 'SKIPPED', reason: 'example.invalid is a reserved name: mail to it is never sent' });
    expect(sink.rcpts).not.toContain(placeholder);
  });

  it('a desk with acknowledgeRequests off mails nothing; on again, it does', async () => {
    expect(await settings({})).toMatchObject({ acknowledgeRequests: true });
    const before = await settings({});
    const off = await settings({ acknowledgeRequests: false, version: before.version });
    expect(off).toEqual({ acknowledgeRequests: false, version: before.version + 1 });
    expect((await app.as(agent.auth)('query { settings { acknowledgeRequests } }')).data.settings.acknowledgeRequests).toBe(false);
    const quiet = addr('quiet');
    await submit(quiet, 'Hello', 'Please.');
    const quietMail = addr('quiet-mail');
    expect((await deliver({ from: quietMail, subject: 'Hello', text: 'Please.' })).result).toBe('CREATED');
    expect(await ticketsOf(quiet)).toHaveLength(1);
    expect(await queued(quiet)).toEqual([]);
    expect(await queued(quietMail)).toEqual([]);
    // Only admins change it.
    expect((await app.as(agent.auth)(SETTINGS, { i: { acknowledgeRequests: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await settings({ acknowledgeRequests: true });
    const loud = addr('loud');
    await submit(loud, 'Hello', 'Please.');
    expect(await queued(loud)).toEqual([['TICKET_RECEIVED', expect.any(String)]]);
  });
});
