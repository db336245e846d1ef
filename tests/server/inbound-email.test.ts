import iconv from 'iconv-lite';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import MimeNode from 'nodemailer/lib/mime-node/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { USER_BY_EMAIL } from '../helpers/ticket-operations.js';

const DESK = 'desk.accueil.test';
/** The desk's sending address (MAIL_FROM), on another domain than its inbound one. */
const SENDING = 'support@mail.acme-desk.io';
let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@mail.acme.io`;
const compose = (options: Mail.Options): Promise<Buffer> =>
  new MailComposer({ to: `help@${DESK}`, subject: 'Hello', text: 'Hi', ...options }).compile().build();
const buildNode = (node: MimeNode): Promise<Buffer> => new Promise((resolve, reject) => node.build((err, msg) => (err ? reject(err) : resolve(msg))));

const TICKET = `query($id: ID!) { ticket(id: $id) { id subject via status requester { id name email createdVia verified } ccs { name email createdVia }
  comments { totalCount edges { node { body public via attachments author { id } } } } } }`;

/** POST /inbound/email: raw mail built with nodemailer's MIME composer, in the shapes providers deliver. */
describe.each(testDialects())('inbound email over HTTP on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let token: string;
  const post = async (raw: Buffer | string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${token}`, ...headers },
      body: typeof raw === 'string' ? raw : new Uint8Array(raw),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const deliver = async (options: Mail.Options) => {
    const r = await post(await compose(options));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const ticket = async (id: number) => (await app.as(agent.auth)(TICKET, { id: String(id) })).data.ticket;
  const user = async (email: string) => (await app.as(agent.auth)(USER_BY_EMAIL, { email })).data.userByEmail;

  beforeAll(async () => {
    app = await startTestApp(dialect, { INBOUND_DOMAIN: DESK, MAIL_FROM: `Acme Support <${SENDING}>` });
    agent = await app.person('AGENT');
    token = (await app.token(['INBOUND'], 'mail provider')).auth.token;
  });
  afterAll(() => app?.stop());

  it('a plain message opens a ticket: From is the requester (display name, SELF, unverified), every Cc a CC (createdVia CC)', async () => {
    const from = addr('grace');
    const cc1 = addr('cc-one');
    const cc2 = addr('cc-two');
    const known = (
      await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name: 'Known Cc', email: addr('known') } })
    ).data.createUser.user;
    const knownEmail = (await app.as(agent.auth)('query($id: ID!) { user(id: $id) { email } }', { id: known.id })).data.user.email;
    const r = await deliver({
      from: `"Grace Hopper" <${from}>`,
      cc: [`"Cc One" <${cc1}>`, cc2, knownEmail.toUpperCase(), `desk-alias@${DESK}`],
      subject: 'Printer on fire',
      text: 'It is on fire.\r\nAgain.\r\n',
      messageId: `<first.${seq}@acme.io>`,
    });
    expect(r.result).toBe('CREATED');
    const t = await ticket(r.ticketId);
    expect(t).toMatchObject({ subject: 'Printer on fire', via: 'EMAIL', status: 'NEW' });
    expect(t.requester).toMatchObject({ name: 'Grace Hopper', email: from, createdVia: 'SELF', verified: false });
    expect(t.ccs.map((c: any) => [c.name, c.createdVia]).sort()).toEqual(
      [
        ['Cc One', 'CC'],
        ['Known Cc', 'API'],
        [cc2.split('@')[0], 'CC'],
      ].sort(),
    );
    expect(t.comments.edges[0].node).toMatchObject({ body: 'It is on fire.\nAgain.', public: true, via: 'EMAIL', author: { id: t.requester.id } });
    // The provider delivers it again: nothing new.
    const again = await post(await compose({ from, subject: 'Printer on fire', text: 'x', messageId: `<first.${seq}@acme.io>` }));
    expect(again.body).toMatchObject({ result: 'IGNORED', reason: 'DUPLICATE' });
  });

  it('HTML only keeps its text; quoted-printable, ISO-8859-1 and encoded display names come out right; attachments are listed by name', async () => {
    const html = await deliver({ from: addr('html'), text: undefined, html: '<p>Hello <b>world</b></p><ul><li>one</li></ul>' });
    expect((await ticket(html.ticketId)).comments.edges[0].node.body).toMatch(/Hello world[\s\S]*\* one/);

    const qp = await deliver({ from: addr('qp'), text: 'Caf\u00e9 cr\u00e8me = 3 \u20ac, '.repeat(10), textEncoding: 'quoted-printable' });
    expect((await ticket(qp.ticketId)).comments.edges[0].node.body).toContain('Café crème = 3 €,');

    const latinFrom = addr('latin');
    const part = Buffer.concat([
      Buffer.from('Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      iconv.encode('Réponse à votre ça, ½.\r\n', 'latin1'),
    ]);
    const latin = await deliver({
      from: latinFrom,
      text: undefined,
      subject: undefined,
      headers: { Subject: { prepared: true, value: '=?ISO-8859-1?Q?R=E9ponse_=E0_votre_demande?=' } },
      attachments: [{ raw: part }, { filename: 'facture-été.pdf', content: Buffer.from('%PDF-1.4') }],
    });
    const lt = await ticket(latin.ticketId);
    expect(lt.subject).toBe('Réponse à votre demande');
    expect(lt.comments.edges[0].node).toMatchObject({ body: 'Réponse à votre ça, ½.', attachments: ['facture-été.pdf'] });

    const encoded = addr('zoe');
    const named = await deliver({ from: { name: 'Zoë Ødegaard', address: encoded }, cc: [{ name: 'Seán Ó Briain', address: addr('sean') }] });
    const nt = await ticket(named.ticketId);
    expect(nt.requester.name).toBe('Zoë Ødegaard');
    expect(nt.ccs[0].name).toBe('Seán Ó Briain');
  });

  it('auto-replies, bounces and lists create nothing', async () => {
    const from = addr('vacation');
    const shapes: Mail.Options[] = [
      { from, headers: { 'Auto-Submitted': 'auto-replied' }, subject: 'Out of office' },
      { from, headers: { Precedence: 'bulk' } },
      { from, headers: { 'List-Id': '<news.acme.io>' } },
      { from: `MAILER-DAEMON@mx.acme.io`, subject: 'Undelivered' },
    ];
    for (const shape of shapes) expect((await deliver(shape)).result).toBe('IGNORED');
    const report = new MimeNode('multipart/report; report-type=delivery-status');
    report.setHeader({ From: `Mail Delivery System <${from}>`, To: `help@${DESK}`, Subject: 'Undelivered Mail Returned to Sender' });
    report.createChild('text/plain').setContent('Your message could not be delivered.');
    report
      .createChild('message/delivery-status')
      .setContent('Reporting-MTA: dns; mx.acme.io\r\n\r\nFinal-Recipient: rfc822; x@acme.io\r\nStatus: 5.1.1\r\n');
    const bounce = await post(await buildNode(report));
    expect(bounce.body).toMatchObject({ result: 'IGNORED', reason: 'AUTO_GENERATED', detail: 'DELIVERY_REPORT' });
    expect(await user(from)).toBeNull();
  });

  it('a reply from the requester or a CC (In-Reply-To, References or [#id]) adds a public comment; from anyone else, a new ticket', async () => {
    const from = addr('replier');
    const cc = addr('replier-cc');
    const first = await deliver({ from, cc, subject: 'Need help', text: 'First', messageId: `<orig.${seq}@acme.io>` });
    const id = first.ticketId;
    // In-Reply-To naming the desk's Message-ID of the ticket.
    const byHeader = await deliver({ from: from.toUpperCase(), subject: 'Re: Need help', text: 'Second', inReplyTo: `<ticket-${id}@${DESK}>` });
    expect(byHeader).toEqual({ result: 'COMMENTED', ticketId: id });
    // References naming the customer's own first message (a CC answering all).
    const byReferences = await deliver({ from: cc, subject: 'Re: Need help', text: 'Third', references: [`<orig.${seq}@acme.io>`] });
    expect(byReferences).toEqual({ result: 'COMMENTED', ticketId: id });
    // [#id] in the subject.
    const bySubject = await deliver({ from, subject: `Re: Need help [#${id}]`, text: 'Fourth' });
    expect(bySubject).toEqual({ result: 'COMMENTED', ticketId: id });
    const t = await ticket(id);
    expect(t.comments.edges.map((e: any) => e.node.body)).toEqual(['First', 'Second', 'Third', 'Fourth']);
    expect(t.comments.edges.every((e: any) => e.node.public && e.node.via === 'EMAIL')).toBe(true);
    // A reply quoting the mail it answers: the comment is the new text alone; a new request keeps all of its text.
    const quoting = `Fifth\n\nLe mar. 1 déc. 2026 à 10:02, Support <help@${DESK}> a écrit :\n> ##- Veuillez écrire votre réponse au-dessus de cette ligne -##\n> Old`;
    expect(await deliver({ from, subject: `Re: Need help [#${id}]`, text: quoting })).toEqual({ result: 'COMMENTED', ticketId: id });
    expect((await ticket(id)).comments.edges.at(-1).node.body).toBe('Fifth');
    const forwarded = await deliver({
      from: addr('forwarder'),
      subject: 'Fwd: order',
      text: `Please see below.\n\nOn Mon, Jean wrote:\n> My order is late`,
    });
    expect((await ticket(forwarded.ticketId)).comments.edges[0].node.body).toBe('Please see below.\n\nOn Mon, Jean wrote:\n> My order is late');
    // Someone else replying, by header or subject, opens a new ticket.
    const stranger = addr('stranger');
    const other = await deliver({ from: stranger, subject: `Re: Need help [#${id}]`, text: 'Me too', inReplyTo: `<ticket-${id}@${DESK}>` });
    expect(other.result).toBe('CREATED');
    expect(other.ticketId).not.toBe(id);
    // A reply naming a ticket that does not exist opens one too.
    expect((await deliver({ from, subject: 'Re: [#99999999] old', text: 'x' })).result).toBe('CREATED');
  });

  it('matches a sender by a secondary address in any case; takes a reserved one; ignores a malformed one or the desk itself', async () => {
    const owner = (
      await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: 'Two Addresses', email: addr('first') },
      })
    ).data.createUser.user;
    const second = addr('second');
    await app.gql('mutation($u: ID!, $v: String!) { addUserIdentity(userId: $u, input: { type: EMAIL, value: $v }) { identity { id } } }', {
      u: owner.id,
      v: second,
    });
    const bySecond = await deliver({ from: { name: 'Someone Else', address: second.toUpperCase() } });
    const t = await ticket(bySecond.ticketId);
    expect(t.requester).toMatchObject({ id: owner.id, name: 'Two Addresses' });
    const reserved = `walk-in.${++seq}@example.invalid`;
    expect((await deliver({ from: reserved })).result).toBe('CREATED');
    expect(await user(reserved)).toMatchObject({ createdVia: 'SELF' });
    const raw = Buffer.from(`From: not an address <broken@>\r\nTo: help@${DESK}\r\nSubject: x\r\n\r\nbody\r\n`);
    const broken = await post(raw);
    expect(broken.status === 400 || broken.body.result === 'IGNORED').toBe(true);
    expect((await deliver({ from: `loop@${DESK}` })).reason).toBe('OWN_ADDRESS');
  });

  it('copies only the Cc’s a person reads and the desk may mail (copy-rule.ts): never the desk, the sender, robots, reserved, blocked or deleted addresses', async () => {
    const settings = (i: Record<string, unknown>) =>
      app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', { i });
    await settings({ blockList: ['reject:spam-cc.io', 'suspend:held-cc.io', 'plain-cc.io'], allowList: ['vip@plain-cc.io'] });
    const gone = addr('deleted-cc');
    const made = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name: 'Gone', email: gone } });
    expect((await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: made.data.createUser.user.id })).errors).toBeUndefined();
    const from = addr('copier');
    const copied = [addr('colleague'), `norbert.${seq}@shop.io`, `noreplyguy.${seq}@shop.io`, `vip@plain-cc.io`];
    const never = [
      `desk-alias@${DESK}`,
      SENDING.toUpperCase(),
      from.toUpperCase(),
      `walk-in.${seq}@example.invalid`,
      `someone.${seq}@example.com`,
      `noreply@shop${seq}.io`,
      `No-Reply@shop${seq}.io`,
      `do-not-reply@shop${seq}.io`,
      `donotreply@shop${seq}.io`,
      `noreply-alerts@shop${seq}.io`,
      `bounces+${seq}@list.io`,
      `MAILER-DAEMON@mx${seq}.io`,
      `postmaster@mx${seq}.io`,
      `someone.${seq}@spam-cc.io`,
      `someone.${seq}@held-cc.io`,
      `someone.${seq}@plain-cc.io`,
      gone,
    ];
    try {
      const r = await deliver({ from, cc: [...never.slice(0, 8), ...copied, ...never.slice(8)] });
      expect(r.result).toBe('CREATED');
      const t = await ticket(r.ticketId);
      expect(t.ccs.map((c: any) => c.email).sort()).toEqual([...copied].sort());
      // No account was made for an address left out (the deleted customer's stays theirs).
      for (const address of never.slice(3, -1)) expect(await user(address), address).toBeNull();
      expect(await app.services.users.holderOfEmail(gone)).toBe('DELETED');
    } finally {
      await settings({ blockList: [], allowList: [] });
    }
  });

  it('copies the first 50 Cc’s and leaves the rest without looking them up', async () => {
    const many = Array.from({ length: 60 }, (_, i) => addr(`many-${i}`));
    const lookups = vi.spyOn(app.services.users, 'holderOfEmail');
    try {
      const r = await deliver({ from: addr('crowd'), cc: many });
      expect(r.result).toBe('CREATED');
      const t = await ticket(r.ticketId);
      expect(t.ccs.map((c: any) => c.email).sort()).toEqual(many.slice(0, 50).sort());
      // One lookup for each Cc up to the limit, none past it (a mail may carry thousands).
      expect(lookups.mock.calls.map(([address]) => address).filter((a) => many.includes(a))).toEqual(many.slice(0, 50));
      expect(await user(many[50]!)).toBeNull();
    } finally {
      lookups.mockRestore();
    }
  });

  it('refuses without a token, with another scope, another content type, over 10 MB, or what is not a message', async () => {
    const raw = await compose({ from: addr('refused') });
    expect((await post(raw, { authorization: '' })).status).toBe(401);
    expect((await post(raw, { authorization: 'Bearer nope' })).status).toBe(401);
    const other = await app.token(['TICKETS_WRITE', 'USERS_WRITE']);
    expect((await post(raw, { authorization: `Bearer ${other.auth.token}` })).status).toBe(403);
    expect((await post(raw, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('just some text without headers')).body.error.code).toBe('NOT_A_MESSAGE');
    expect((await post('')).status).toBe(400);
    const big = await compose({ from: addr('big'), text: 'x'.repeat(11 * 1024 * 1024) });
    const tooLarge = await post(big);
    expect(tooLarge.status).toBe(413);
  });
});
