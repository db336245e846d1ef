import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { AccountLinkEntity } from '../../server/door/account-link.entity.js';
import { Ticket } from '../../server/tickets/ticket.entity.js';
import { DEFAULT_WELCOME_BODY, DEFAULT_WELCOME_SUBJECT } from '../../server/db/migrations/1765500000200-settings-door.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { received } }';
const LINK = 'query($t: String!) { accountLink(token: $t) { state purpose } }';
const USE = 'mutation($t: String!, $p: String!) { useAccountLink(token: $t, password: $p) { id email verified } }';
const RENEW = 'mutation($t: String!) { renewAccountLink(token: $t) }';
const RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const MY_REQUESTS = '{ me { id requestedTickets(first: 10) { edges { node { id subject held comments { edges { node { body public } } } } } } } }';
const REPLY = 'mutation($t: ID!, $b: String!) { replyToMyRequest(ticketId: $t, body: $b) { id body public } }';
const PASSWORD = 'a long enough passphrase 42';

let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@door.acme.io`;

/** The end users' door: sign-up, mailed links (single-use, expiring, signed), reset, welcome, resend, replies. */
describe.each(testDialects())('the help center door on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let smtp: SmtpSink;
  let client = 0;

  /** An anonymous POST from its own client address; answers the body and the session cookie set, if any. */
  const anon = async (query: string, variables: Record<string, unknown>, ip = `192.0.2.${++client % 250}`) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query, variables }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('accueil_session='));
    return { status: res.status, body: (await res.json()) as GraphQLResponse, cookie: cookie?.split(';')[0] };
  };
  const mails = (to: string) => app.db.manager.find(OutboxMessage, { where: { recipient: to }, order: { id: 'ASC' } });
  const tokenIn = (text: string) => /\/(?:verify|help\/reset)\/([^\s]+)/.exec(text)![1];
  const settings = (i: Record<string, unknown>) =>
    app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', { i });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp(dialect, {
      TRUST_PROXY: 'loopback',
      REQUEST_RATE_LIMIT: '4',
      PUBLIC_URL: 'https://help.acme.io/',
      MAIL_URL: smtp.url,
      MAIL_FROM: 'Acme Help <help@mail.acme.io>',
      OUTBOX_POLL_MS: '100',
    });
    agent = await app.person('AGENT');
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
  });
  /** The mails the SMTP server received for `to`, once there are `n`. */
  const received = (to: string, n = 1) =>
    eventually(
      () => smtp.received.filter((m) => m.to.includes(to)),
      (l) => l.length >= n,
    );

  it('sign-up mails the welcome with a signed link; following it verifies, sets the password and signs in, once', async () => {
    const email = addr('visitor');
    expect((await anon(SIGN_UP, { i: { name: 'Vi <Sitor>', email } })).body).toEqual({ data: { signUp: { received: true } } });
    const [welcome] = await mails(email);
    expect(welcome).toMatchObject({ kind: 'WELCOME', subject: 'Welcome to Accueil' });
    expect(welcome.htmlBody).toContain('Hello Vi &lt;Sitor&gt;,');
    // The message as the SMTP server received it.
    const [mail] = await received(email);
    expect(mail).toMatchObject({ subject: 'Welcome to Accueil', from: '"Acme Help" <help@mail.acme.io>' });
    expect(mail.text).toContain('Hello Vi <Sitor>,');
    expect(mail.text).toMatch(/https:\/\/help\.acme\.io\/verify\/\d+\.VERIFY\.\d+\.[\w-]{43}\n/);
    const token = tokenIn(mail.text);
    expect((await anon(LINK, { t: token })).body.data).toEqual({ accountLink: { state: 'VALID', purpose: 'VERIFY' } });
    // Not yet verified: the account cannot sign in.
    const weak = await anon(USE, { t: token, p: 'short' });
    expect(weak.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const used = await anon(USE, { t: token, p: PASSWORD });
    expect(used.body.data.useAccountLink).toMatchObject({ email, verified: true });
    expect(used.cookie).toBeTruthy();
    const me = await app.as({ kind: 'cookie', cookie: used.cookie! })('{ me { email role verified } }');
    expect(me.data.me).toEqual({ email, role: 'END_USER', verified: true });
    await app.signIn(email, PASSWORD);
    // Single use: a second try says so, and changes nothing.
    const again = await anon(USE, { t: token, p: 'another long passphrase 7' });
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', reason: 'USED' });
    expect(again.body.errors?.[0].message).toContain('already used');
    expect((await anon(LINK, { t: token })).body.data.accountLink.state).toBe('USED');
    await app.signIn(email, PASSWORD);
  });

  it('refuses tampered and expired links, and renews them to the same address', async () => {
    const email = addr('late');
    await anon(SIGN_UP, { i: { name: 'Late Comer', email } });
    const token = tokenIn((await mails(email))[0].textBody);
    const [id, purpose, exp, sig] = token.split('.');
    const tampered = [
      `${Number(id) + 1}.${purpose}.${exp}.${sig}`,
      `${id}.RESET.${exp}.${sig}`,
      `${id}.${purpose}.${Number(exp) + 86400}.${sig}`,
      `${id}.${purpose}.${exp}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
      'garbage',
      '',
    ];
    for (const t of tampered) {
      expect((await anon(LINK, { t })).body.data.accountLink, t).toEqual({ state: 'INVALID', purpose: null });
      expect((await anon(USE, { t, p: PASSWORD })).body.errors?.[0].extensions, t).toMatchObject({ field: 'token', reason: 'INVALID' });
    }
    await app.db.manager.update(AccountLinkEntity, { id: Number(id) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await anon(LINK, { t: token })).body.data.accountLink.state).toBe('EXPIRED');
    const expired = await anon(USE, { t: token, p: PASSWORD });
    expect(expired.body.errors?.[0].extensions).toMatchObject({ field: 'token', reason: 'EXPIRED' });
    expect(expired.body.errors?.[0].message).toContain('expired');
    // A forged link gets the same answer as a real one, and no mail.
    expect((await anon(RENEW, { t: tampered[0] })).body.data.renewAccountLink).toBe(true);
    expect(await mails(email)).toHaveLength(1);
    expect((await anon(RENEW, { t: token })).body.data.renewAccountLink).toBe(true);
    const renewed = (await mails(email))[1];
    expect(renewed.kind).toBe('VERIFICATION');
    expect((await anon(USE, { t: tokenIn(renewed.textBody), p: PASSWORD })).body.data.useAccountLink.verified).toBe(true);
  });

  it('sign-up and reset answer the same for known, unknown and refused addresses; a known one gets a reset link', async () => {
    const known = (await app.person('END_USER')).email;
    const unknown = addr('nobody');
    const a = await anon(SIGN_UP, { i: { name: 'Someone', email: known } });
    const b = await anon(RESET, { e: known });
    const c = await anon(RESET, { e: unknown });
    expect(a.body).toEqual({ data: { signUp: { received: true } } });
    expect(b.body).toEqual({ data: { requestPasswordReset: true } });
    expect(c.body).toEqual(b.body);
    expect(await mails(unknown)).toEqual([]);
    const resets = await mails(known);
    expect(resets.map((m) => m.kind)).toEqual(['PASSWORD_RESET', 'PASSWORD_RESET']);
    expect(resets[1].textBody).toMatch(/https:\/\/help\.acme\.io\/help\/reset\/\d+\.RESET\./);
    const used = await anon(USE, { t: tokenIn(resets[1].textBody), p: 'brand new customer passphrase' });
    expect(used.body.data.useAccountLink.email).toBe(known);
    await app.signIn(known, 'brand new customer passphrase');
    expect((await anon(SIGN_UP, { i: { name: '', email: 'nope' } })).body.errors?.[0].extensions?.errors.map((e: any) => e.field)).toEqual([
      'name',
      'email',
    ]);
  });

  it('limits sign-up per client (429), and closes it when the settings say so', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 4; i++) expect((await anon(SIGN_UP, { i: { name: 'Spam', email: addr('spam') } }, ip)).status).toBe(200);
    const over = await anon(SIGN_UP, { i: { name: 'Spam', email: addr('spam') } }, ip);
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    await settings({ helpCenterSignUp: false });
    const closed = await anon(SIGN_UP, { i: { name: 'Late', email: addr('closed') } });
    expect(closed.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await anon('{ helpCenter { signUpOpen } }', {})).body.data.helpCenter.signUpOpen).toBe(false);
    await settings({ helpCenterSignUp: true });
  });

  it('REGISTERED: a request waits for its sender; verifying releases it into My requests, where they reply', async () => {
    await settings({ requestAccess: 'REGISTERED' });
    const email = addr('asker');
    await anon('mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { received } }', {
      i: { name: 'Ann Asker', email, subject: 'Where is my parcel?', description: 'It is late.' },
    });
    const user = (await app.services.users.findByEmail(email))!;
    const [held] = await app.db.manager.find(Ticket, { where: { requesterId: user.id } });
    expect(held.held).toBe('UNVERIFIED');
    const [verification] = await mails(email);
    expect(verification.kind).toBe('VERIFICATION');
    const used = await anon(USE, { t: tokenIn(verification.textBody), p: PASSWORD });
    await settings({ requestAccess: 'ANYONE' });
    const me = app.as({ kind: 'cookie', cookie: used.cookie! });
    const mine = (await me(MY_REQUESTS)).data.me.requestedTickets.edges.map((e: any) => e.node);
    expect(mine).toEqual([
      { id: String(held.id), subject: 'Where is my parcel?', held: null, comments: { edges: [{ node: { body: 'It is late.', public: true } }] } },
    ]);
    const reply = await me(REPLY, { t: String(held.id), b: 'Any news?' });
    expect(reply.data.replyToMyRequest).toMatchObject({ body: 'Any news?', public: true });
    // An agent answers (under their alias) and leaves an internal note: the requester reads the answer and who wrote it,
    // without the right to read the agent's account, and never the note.
    const agentSays = (body: string, isPublic: boolean) =>
      app.as(agent.auth)('mutation($t: ID!, $i: AddTicketCommentInput!) { addTicketComment(ticketId: $t, input: $i) { ticket { id } } }', {
        t: String(held.id),
        i: { body, public: isPublic },
      });
    expect(
      (await app.as(agent.auth)('mutation($id: ID!) { updateUser(id: $id, input: { alias: "Sam from Support" }) { id } }', { id: agent.id })).errors,
    ).toBeUndefined();
    expect((await agentSays('It ships tomorrow.', true)).errors).toBeUndefined();
    expect((await agentSays('Carrier is late again.', false)).errors).toBeUndefined();
    const THREAD = 'query($id: ID!) { ticket(id: $id) { comments(first: 100) { edges { node { body authorName } } } } }';
    const thread = await me(THREAD, { id: String(held.id) });
    expect(thread.errors).toBeUndefined();
    expect(thread.data.ticket.comments.edges.map((e: any) => e.node)).toEqual([
      { body: 'It is late.', authorName: 'Ann Asker' },
      { body: 'Any news?', authorName: 'Ann Asker' },
      { body: 'It ships tomorrow.', authorName: 'Sam from Support' },
    ]);
    // A token reads names only with the users' scope, as for `author`.
    const ticketsOnly = await app.token(['TICKETS_READ']);
    const byToken = await app.as(ticketsOnly.auth)(THREAD, { id: String(held.id) });
    expect(byToken.errors).toBeUndefined();
    expect(byToken.data.ticket.comments.edges.map((e: any) => e.node.authorName)).toEqual([null, null, null, null]);
    const withUsers = await app.as((await app.token(['TICKETS_READ', 'USERS_READ'])).auth)(THREAD, { id: String(held.id) });
    expect(withUsers.data.ticket.comments.edges.map((e: any) => e.node.authorName)).toEqual([
      'Ann Asker',
      'Ann Asker',
      'Sam from Support',
      'Sam from Support',
    ]);
    // The account itself stays out of reach.
    const author = await me('query($id: ID!) { ticket(id: $id) { comments(first: 100) { edges { node { author { id email } } } } } }', {
      id: String(held.id),
    });
    expect(author.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Someone else's ticket (answered as a missing one: NOT_FOUND), an empty reply, a token: refused.
    const other = await app.person('END_USER');
    expect((await app.as(other.auth)(REPLY, { t: String(held.id), b: 'Me too' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await me(REPLY, { t: String(held.id), b: '   ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect((await app.gql(REPLY, { t: String(held.id), b: 'token' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as({ kind: 'anonymous' })(REPLY, { t: String(held.id), b: 'x' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('welcomes people the team adds only when welcomeOnAgentCreate is on; warns about blocked addresses; staff resend verification', async () => {
    const create = (email: string) =>
      app.as(agent.auth)('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } warnings { code field message } } }', {
        i: { name: 'Added <One>', email },
      });
    const quiet = addr('quiet');
    const first = await create(quiet);
    expect(first.errors).toBeUndefined();
    expect(first.data.createUser.warnings).toEqual([]);
    expect(await mails(quiet)).toEqual([]);
    await settings({
      welcomeOnAgentCreate: true,
      welcomeSubject: 'Hi {{name}}',
      welcomeBody: '<p>{{name}}</p> at {{desk_name}}: {{verify_link}}',
      blockList: ['suspend:held.io'],
    });
    const welcomed = addr('welcomed');
    const r = await create(welcomed);
    const [welcome] = await mails(welcomed);
    expect(welcome).toMatchObject({ kind: 'WELCOME', subject: 'Hi Added <One>' });
    expect((await received(welcomed))[0].subject).toBe('Hi Added <One>');
    // A reserved address is never mailed: SKIPPED, and the SMTP server never hears of it.
    const reserved = `walk-in.${++seq}@example.invalid`;
    await create(reserved);
    expect((await mails(reserved))[0]).toMatchObject({ kind: 'WELCOME', status: 'SKIPPED' });
    expect(welcome.htmlBody).toContain('&lt;p&gt;Added &lt;One&gt;&lt;/p&gt; at Accueil');
    expect(welcome.userId).toBe(Number(r.data.createUser.user.id));
    const blocked = `someone.${++seq}@held.io`;
    expect((await create(blocked)).data.createUser.warnings).toEqual([expect.objectContaining({ code: 'BLOCKED_ADDRESS', field: 'email' })]);
    await settings({ welcomeOnAgentCreate: false, blockList: [], welcomeSubject: 'Welcome to {{desk_name}}' });
    // Resend from the profile: staff only.
    const resend = 'mutation($id: ID!) { resendVerification(userId: $id) }';
    expect((await app.as(agent.auth)(resend, { id: r.data.createUser.user.id })).data.resendVerification).toBe(true);
    expect((await mails(welcomed)).map((m) => m.kind)).toEqual(['WELCOME', 'VERIFICATION']);
    expect((await received(welcomed, 2))[1].subject).toBe('Confirm your address for Accueil');
    expect(smtp.rcpts).not.toContain(reserved);
    const endUser = await app.person('END_USER');
    expect((await app.as(endUser.auth)(resend, { id: r.data.createUser.user.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(agent.auth)(resend, { id: '999999' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a resent or renewed verification link replaces the older ones: they answer as a followed link does, the newest works', async () => {
    const email = addr('resent');
    await anon(SIGN_UP, { i: { name: 'Re Sent', email } });
    const userId = String((await mails(email))[0].userId);
    const resend = () => app.as(agent.auth)('mutation($id: ID!) { resendVerification(userId: $id) }', { id: userId });
    expect((await resend()).data.resendVerification).toBe(true);
    expect((await resend()).data.resendVerification).toBe(true);
    const sent = await mails(email);
    expect(sent.map((m) => m.kind)).toEqual(['WELCOME', 'VERIFICATION', 'VERIFICATION']);
    const [welcome, first, second] = sent.map((m) => tokenIn(m.textBody));
    const verified = async () => (await app.gql('query($id: ID!) { user(id: $id) { verified } }', { id: userId })).data.user.verified;
    // The welcome's link and the first resend's are void: refused as used, and following them sets nothing.
    const refusals = [];
    for (const t of [welcome, first]) {
      expect((await anon(LINK, { t })).body.data.accountLink).toEqual({ state: 'USED', purpose: 'VERIFY' });
      const refused = await anon(USE, { t, p: PASSWORD });
      expect(refused.cookie).toBeUndefined();
      refusals.push(refused.body);
    }
    expect(await verified()).toBe(false);
    // A renewal (from an old link's page) is a new link too: it replaces the second resend's.
    expect((await anon(RENEW, { t: welcome })).body.data.renewAccountLink).toBe(true);
    const renewed = tokenIn((await mails(email))[3].textBody);
    expect((await anon(LINK, { t: second })).body.data.accountLink.state).toBe('USED');
    refusals.push((await anon(USE, { t: second, p: PASSWORD })).body);
    expect(await verified()).toBe(false);
    // The newest works, once; the void links got the very answer a followed link gets.
    const used = await anon(USE, { t: renewed, p: PASSWORD });
    expect(used.body.data.useAccountLink).toMatchObject({ email, verified: true });
    const followedAgain = (await anon(USE, { t: renewed, p: PASSWORD })).body;
    expect(followedAgain.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', reason: 'USED' });
    expect(refusals).toEqual([followedAgain, followedAgain, followedAgain]);
    await app.signIn(email, PASSWORD);
  });

  it('sends the shipped welcome in each person’s language until the admins change it, then as they wrote it', async () => {
    await settings({ welcomeOnAgentCreate: true, welcomeSubject: DEFAULT_WELCOME_SUBJECT, welcomeBody: DEFAULT_WELCOME_BODY });
    const create = async (email: string, locale?: string) => {
      const r = await app.as(agent.auth)('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: 'Léa Martin', email, ...(locale ? { locale } : {}) },
      });
      expect(r.errors).toBeUndefined();
      const [mail] = await mails(email);
      return mail;
    };
    const french = await create(addr('lea.fr'), 'fr-CA');
    expect(french.subject).toBe('Bienvenue chez Accueil');
    expect(french.textBody).toMatch(/^Bonjour Léa Martin,\n\nBienvenue chez Accueil\. Confirmez votre adresse/);
    expect(french.textBody).toContain('/verify/');
    // English (or no language): the shipped English text, exactly.
    const english = await create(addr('lea.en'));
    expect(english.subject).toBe('Welcome to Accueil');
    expect(english.textBody).toMatch(/^Hello Léa Martin,\n\nWelcome to Accueil\. Confirm your address/);
    // Once changed, the template goes out as written, whatever the language.
    await settings({ welcomeSubject: 'Welcome aboard {{desk_name}}' });
    expect((await create(addr('lea.fr2'), 'fr')).subject).toBe('Welcome aboard Accueil');
    await settings({ welcomeOnAgentCreate: false, welcomeSubject: DEFAULT_WELCOME_SUBJECT });
  });

  it('an agent releases a ticket the block list held, in its history; end users cannot', async () => {
    await settings({ blockList: ['suspend:held.io'] });
    const email = `asker.${++seq}@held.io`;
    await anon('mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { received } }', {
      i: { name: 'Held Asker', email, subject: 'Held?', description: 'Maybe.' },
    });
    await settings({ blockList: [] });
    const user = (await app.services.users.findByEmail(email))!;
    const [ticket] = await app.db.manager.find(Ticket, { where: { requesterId: user.id } });
    expect(ticket.held).toBe('SUSPENDED');
    expect(await mails(email)).toEqual([]);
    const release = 'mutation($id: ID!) { updateTicket(id: $id, input: { release: true }) { id held } }';
    const endUser = await app.person('END_USER');
    expect((await app.as(endUser.auth)(release, { id: String(ticket.id) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(agent.auth)(release, { id: String(ticket.id) })).data.updateTicket).toEqual({ id: String(ticket.id), held: null });
    const history = await app.as(agent.auth)(
      'query($id: ID!) { ticket(id: $id) { events(first: 5) { edges { node { action changes { field oldValue newValue } } } } } }',
      {
        id: String(ticket.id),
      },
    );
    expect(history.data.ticket.events.edges.map((e: any) => e.node)).toContainEqual({
      action: 'UPDATED',
      changes: [{ field: 'held', oldValue: 'SUSPENDED', newValue: null }],
    });
  });
});

/** DOOR_ANSWER_MS: the door's answers take no less than the floor, for a known address as for an unknown one. */
describe.each(testDialects())('the door’s answer floor on %s', (dialect) => {
  const FLOOR = 300;
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { DOOR_ANSWER_MS: String(FLOOR), REQUEST_RATE_LIMIT: '0' });
    const r = await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', {
      i: { requestAccess: 'ANYONE', helpCenterSignUp: true },
    });
    expect(r.errors).toBeUndefined();
  });
  afterAll(() => app?.stop());

  /** An anonymous request: its answer and how long it took, seen from the client. */
  const timed = async (query: string, variables: Record<string, unknown>) => {
    const started = performance.now();
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    return { ms: performance.now() - started, answer: { status: res.status, body } };
  };

  it('sign-up, a reset request and the web form answer a known and an unknown address alike, no sooner than DOOR_ANSWER_MS', async () => {
    const known = await app.person('END_USER');
    const paths: [string, (email: string) => [string, Record<string, unknown>]][] = [
      ['signUp', (email) => [SIGN_UP, { i: { name: 'Visitor', email } }]],
      ['requestPasswordReset', (email) => [RESET, { e: email }]],
      [
        'submitRequest',
        (email) => [
          'mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { received } }',
          { i: { name: 'Someone', email, subject: 'Help', description: 'Please.' } },
        ],
      ],
    ];
    for (const [name, request] of paths) {
      const a = await timed(...request(known.email));
      const b = await timed(...request(addr('unknown')));
      expect(a.answer, name).toEqual(b.answer);
      expect(a.ms, `${name}, known address`).toBeGreaterThanOrEqual(FLOOR);
      expect(b.ms, `${name}, unknown address`).toBeGreaterThanOrEqual(FLOOR);
    }
    // A refusal waits too (a malformed address): its time tells nothing either.
    const bad = await timed(RESET, { e: 'not an address' });
    expect(bad.answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.ms).toBeGreaterThanOrEqual(FLOOR);
  });

  it('gives each door field of one operation its own floor: a first field cannot spend the second one’s', async () => {
    // The root fields of a mutation run one after another: counted from the request, the first would use up the floor.
    const twice = await timed(
      'mutation($a: String!, $b: String!, $i: SignUpInput!) { a: requestPasswordReset(email: $a) b: requestPasswordReset(email: $b) c: signUp(input: $i) { received } }',
      { a: addr('first'), b: addr('second'), i: { name: 'Visitor', email: addr('third') } },
    );
    expect(twice.answer.body.errors).toBeUndefined();
    expect(twice.ms).toBeGreaterThanOrEqual(3 * FLOOR);
  });
});
