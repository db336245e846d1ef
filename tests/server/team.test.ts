import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { AccountLinkEntity } from '../../server/door/account-link.entity.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const INVITE = 'mutation($i: InviteTeamMemberInput!) { inviteTeamMember(input: $i) { id name role createdVia invitedAt lastSignInAt email } }';
const RESEND = 'mutation($id: ID!) { resendInvitation(userId: $id) { id invitedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeInvitation(userId: $id) }';
const LINK = 'query($t: String!) { accountLink(token: $t) { state purpose } }';
const USE = 'mutation($t: String!, $p: String!) { useAccountLink(token: $t, password: $p) { id role invitedAt lastSignInAt } }';
const RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RENEW = 'mutation($t: String!) { renewAccountLink(token: $t) }';
const TEAM = '{ users(first: 100, filter: { roles: [AGENT, ADMIN] }) { edges { node { id email role invitedAt lastSignInAt } } } }';
const PASSWORD = 'a long enough passphrase 42';

let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@team.acme.io`;

/** The team apart from customers: last sign-in, invitations by mail, staff's password reset. */
describe.each(testDialects())('the team on %s', (dialect) => {
  let app: TestApp;
  let smtp: SmtpSink;
  let client = 0;

  /** An anonymous POST from its own client address; answers the body and the session cookie set, if any. */
  const anon = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++client % 250}` },
      body: JSON.stringify({ query, variables }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('accueil_session='));
    return { body: (await res.json()) as GraphQLResponse, cookie: cookie?.split(';')[0] };
  };
  const mails = (to: string) => app.db.manager.find(OutboxMessage, { where: { recipient: to }, order: { id: 'ASC' } });
  const tokenIn = (text: string, path: string) => new RegExp(`https://desk\\.acme\\.io/${path}/([^\\s]+)`).exec(text)![1];
  const received = (to: string, n = 1) =>
    eventually(
      () => smtp.received.filter((m) => m.to.includes(to)),
      (l) => l.length >= n,
    );
  const invite = (input: Record<string, unknown>, auth: Auth = app.admin) => app.as(auth)(INVITE, { i: input });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp(dialect, {
      TRUST_PROXY: 'loopback',
      PUBLIC_URL: 'https://desk.acme.io/',
      MAIL_URL: smtp.url,
      MAIL_FROM: 'Acme Desk <desk@mail.acme.io>',
      OUTBOX_POLL_MS: '100',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  it('records each sign-in in lastSignInAt, which only staff can read', async () => {
    const before = Date.now();
    const agent = await app.person('AGENT');
    const customer = await app.person('END_USER');
    const me = await app.as(agent.auth)('{ me { lastSignInAt } }');
    expect(new Date(me.data.me.lastSignInAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const again = await app.signIn(agent.email, agent.password);
    const later = await app.as(again)('{ me { lastSignInAt } }');
    expect(new Date(later.data.me.lastSignInAt).getTime()).toBeGreaterThanOrEqual(new Date(me.data.me.lastSignInAt).getTime());
    // Staff read anyone's; an end user cannot read it, not even their own; a partner app with USERS_READ can.
    const seen = await app.as(agent.auth)('query($id: ID!) { user(id: $id) { lastSignInAt } }', { id: customer.id });
    expect(seen.data.user.lastSignInAt).toEqual(expect.any(String));
    const own = await app.as(customer.auth)('{ me { name lastSignInAt } }');
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql('query($id: ID!) { user(id: $id) { lastSignInAt } }', { id: agent.id })).data.user.lastSignInAt).toBeTruthy();
    // A created account that never signed in has none.
    const fresh = await app.as(app.admin)('mutation($i: CreateUserInput!) { createUser(input: $i) { user { lastSignInAt } } }', {
      i: { name: 'Never Here', email: addr('never') },
    });
    expect(fresh.data.createUser.user.lastSignInAt).toBeNull();
  });

  it('only admins signed in may invite, resend or revoke', async () => {
    const agent = await app.person('AGENT');
    const customer = await app.person('END_USER');
    const adminToken = await app.token(['USERS_READ', 'USERS_WRITE'], 'admin token');
    const input = { name: 'Not Invited', email: addr('nope'), role: 'AGENT' };
    for (const [who, auth, code] of [
      ['agent', agent.auth, 'FORBIDDEN'],
      ['end user', customer.auth, 'FORBIDDEN'],
      ['token', adminToken.auth, 'FORBIDDEN'],
      ['anonymous', { kind: 'anonymous' } as Auth, 'UNAUTHENTICATED'],
    ] as const) {
      const r = await invite(input, auth);
      expect(r.errors?.[0].extensions?.code, who).toBe(code);
      expect(r.data?.inviteTeamMember ?? null, who).toBeNull();
    }
    expect(await mails(input.email)).toHaveLength(0);
    const ok = await invite({ name: 'Invitee Zero', email: addr('zero'), role: 'AGENT' });
    const id = ok.data.inviteTeamMember.id;
    for (const query of [RESEND, REVOKE]) {
      expect((await app.as(agent.auth)(query, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.as(adminToken.auth)(query, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const viewerCan = '{ viewerCan { manageTeam } }';
    expect((await app.as(app.admin)(viewerCan)).data.viewerCan.manageTeam).toBe(true);
    expect((await app.as(agent.auth)(viewerCan)).data.viewerCan.manageTeam).toBe(false);
  });

  it('refuses bad inputs: reserved address, customer role, taken address, unknown role', async () => {
    const both = await invite({ name: ' ', email: 'someone@example.invalid', role: 'END_USER' });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // Every problem at once.
    expect(both.errors?.[0].extensions?.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name', 'role']);
    expect(both.errors?.[0].extensions?.errors.find((e: { field: string }) => e.field === 'email').message).toContain('reserved');
    const badName = await invite({ name: '   ', email: addr('noname'), role: 'AGENT' });
    expect(badName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const badEmail = await invite({ name: 'Bad Email', email: 'not an address', role: 'AGENT' });
    expect(badEmail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const unknownRole = await invite({ name: 'Owner', email: addr('owner'), role: 'OWNER' });
    expect(unknownRole.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownRole.data).toBeUndefined();

    const agent = await app.person('AGENT');
    const takenByAgent = await invite({ name: 'Twin', email: agent.email.toUpperCase(), role: 'ADMIN' });
    expect(takenByAgent.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: agent.id, existingUserRole: 'AGENT' });
    const customer = await app.person('END_USER');
    const takenByCustomer = await invite({ name: 'Promote Me', email: customer.email, role: 'AGENT' });
    expect(takenByCustomer.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: customer.id, existingUserRole: 'END_USER' });
    // Nothing was made or mailed for any of them.
    expect(await mails(customer.email)).toHaveLength(0);
  });

  it('mails a signed link; the person chooses a password and is signed in as a teammate, once', async () => {
    const email = addr('newbie');
    const r = await invite({ name: 'New <Bie>', email, role: 'AGENT' });
    expect(r.errors).toBeUndefined();
    expect(r.data.inviteTeamMember).toMatchObject({ name: 'New <Bie>', role: 'AGENT', createdVia: 'INVITATION', email, lastSignInAt: null });
    expect(r.data.inviteTeamMember.invitedAt).toEqual(expect.any(String));
    const [queued] = await mails(email);
    expect(queued).toMatchObject({ kind: 'INVITATION', subject: 'You are invited to join Accueil' });
    expect(queued.htmlBody).toContain('Hello New &lt;Bie&gt;,');
    // The message as a real SMTP server received it, parsed by mailparser.
    const [mail] = await received(email);
    expect(mail).toMatchObject({ subject: 'You are invited to join Accueil', from: '"Acme Desk" <desk@mail.acme.io>' });
    expect(mail.text).toContain('invited you to join the team of Accueil as an agent');
    expect(mail.text).toMatch(/https:\/\/desk\.acme\.io\/invitation\/\d+\.INVITE\.\d+\.[\w-]{43}\n/);
    const token = tokenIn(mail.text, 'invitation');
    // The Team page's list shows them pending.
    const team = await app.as(app.admin)(TEAM);
    expect(team.data.users.edges.find((e: { node: { email: string } }) => e.node.email === email).node).toMatchObject({
      role: 'AGENT',
      lastSignInAt: null,
    });

    expect((await anon(LINK, { t: token })).body.data.accountLink).toEqual({ state: 'VALID', purpose: 'INVITE' });
    // Not yet: no password, no sign-in.
    expect(
      (await anon('mutation { signIn(email: "' + email + '", password: "' + PASSWORD + '") { id } }', {})).body.errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    for (const weak of ['short', 'password1234']) {
      const refused = await anon(USE, { t: token, p: weak });
      expect(refused.body.errors?.[0].extensions, weak).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    }
    const used = await anon(USE, { t: token, p: PASSWORD });
    expect(used.body.errors).toBeUndefined();
    expect(used.body.data.useAccountLink).toMatchObject({ role: 'AGENT', invitedAt: null, lastSignInAt: expect.any(String) });
    expect(used.cookie).toBeTruthy();
    const me = await app.as({ kind: 'cookie', cookie: used.cookie! })('{ me { email role } viewerCan { listUsers } }');
    expect(me.data).toEqual({ me: { email, role: 'AGENT' }, viewerCan: { listUsers: true } });
    await app.signIn(email, PASSWORD);
    // Single use.
    const again = await anon(USE, { t: token, p: 'another long passphrase 7' });
    expect(again.body.errors?.[0].extensions).toMatchObject({ field: 'token', reason: 'USED' });
    // Accepted: nothing to resend or revoke.
    const id = r.data.inviteTeamMember.id;
    expect((await app.as(app.admin)(RESEND, { id })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect((await app.as(app.admin)(REVOKE, { id })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  it('an expired link is refused; resending voids the older links; revoking deletes the pending account', async () => {
    const email = addr('late');
    const r = await invite({ name: 'Late Joiner', email, role: 'ADMIN' });
    const id = r.data.inviteTeamMember.id;
    const first = tokenIn((await mails(email))[0].textBody, 'invitation');
    await app.db.manager.update(AccountLinkEntity, { id: Number(first.split('.')[0]) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await anon(LINK, { t: first })).body.data.accountLink.state).toBe('EXPIRED');
    expect((await anon(USE, { t: first, p: PASSWORD })).body.errors?.[0].extensions).toMatchObject({ field: 'token', reason: 'EXPIRED' });

    // The expired link's page offers a new one: a new invitation to the same address.
    expect((await anon(RENEW, { t: first })).body.data.renewAccountLink).toBe(true);
    const resent = await app.as(app.admin)(RESEND, { id });
    expect(resent.errors).toBeUndefined();
    const all = await mails(email);
    expect(all.map((m) => m.kind)).toEqual(['INVITATION', 'INVITATION', 'INVITATION']);
    expect(all[2].textBody).toContain('as an admin');
    const renewed = tokenIn(all[1].textBody, 'invitation');
    const second = tokenIn(all[2].textBody, 'invitation');
    // Resending voided the renewed link.
    expect((await anon(LINK, { t: renewed })).body.data.accountLink.state).toBe('USED');
    expect((await anon(LINK, { t: second })).body.data.accountLink.state).toBe('VALID');
    // A third one voids the second.
    await app.as(app.admin)(RESEND, { id });
    const third = tokenIn((await mails(email))[3].textBody, 'invitation');
    expect((await anon(LINK, { t: second })).body.data.accountLink.state).toBe('USED');
    await received(email, 4);

    expect((await app.as(app.admin)(REVOKE, { id })).data.revokeInvitation).toBe(true);
    expect((await app.as(app.admin)('query($id: ID!) { user(id: $id) { id } }', { id })).data.user).toBeNull();
    expect((await anon(LINK, { t: third })).body.data.accountLink.state).toBe('INVALID');
    expect((await anon(USE, { t: third, p: PASSWORD })).body.errors?.[0].extensions).toMatchObject({ field: 'token', reason: 'INVALID' });
    // The address is free again.
    const reinvited = await invite({ name: 'Late Joiner', email, role: 'AGENT' });
    expect(reinvited.errors).toBeUndefined();
  });

  it('an old link to an address corrected since neither mails it again nor voids the link sent to the right one', async () => {
    const typo = addr('typo');
    const right = addr('right');
    const id = (await invite({ name: 'Typo Joiner', email: typo, role: 'AGENT' })).data.inviteTeamMember.id;
    const typoToken = tokenIn((await mails(typo))[0].textBody, 'invitation');
    const fixed = await app.as(app.admin)('mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { email } }', {
      id,
      i: { email: right },
    });
    expect(fixed.errors).toBeUndefined();
    expect((await app.as(app.admin)(RESEND, { id })).errors).toBeUndefined();
    const rightToken = tokenIn((await mails(right))[0].textBody, 'invitation');
    // The answer is the same as ever (it tells nothing), but nothing happens.
    expect((await anon(RENEW, { t: typoToken })).body.data.renewAccountLink).toBe(true);
    expect((await anon(LINK, { t: rightToken })).body.data.accountLink.state).toBe('VALID');
    expect(await mails(typo)).toHaveLength(1);
    expect(await mails(right)).toHaveLength(1);
  });

  it('accepting and revoking at the same moment: exactly one wins, and the account matches it', async () => {
    const raced = async (email: string, id: string, token: string) => {
      if (dialect !== 'mysql') return Promise.all([anon(USE, { t: token, p: PASSWORD }), app.as(app.admin)(REVOKE, { id })]);
      // MySQL: the person's row held by another transaction until both requests wait for it, the acceptance first,
      // so that the revoke (which read the account as pending before it waited) runs just after the acceptance commits.
      const holder = app.db.manager.connection.createQueryRunner();
      await holder.startTransaction();
      await holder.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [Number(id)]);
      const accepting = anon(USE, { t: token, p: PASSWORD });
      await new Promise((ok) => setTimeout(ok, 400));
      const revoking = app.as(app.admin)(REVOKE, { id });
      await new Promise((ok) => setTimeout(ok, 400));
      await holder.rollbackTransaction();
      await holder.release();
      return Promise.all([accepting, revoking]);
    };
    for (let round = 0; round < 3; round++) {
      const email = addr('race');
      const id = (await invite({ name: 'Racing Joiner', email, role: 'AGENT' })).data.inviteTeamMember.id;
      const token = tokenIn((await mails(email))[0].textBody, 'invitation');
      const [accepted, revoked] = await raced(email, id, token);
      const user = (await app.as(app.admin)('query($id: ID!) { user(id: $id) { id invitedAt } }', { id })).data.user;
      if (dialect === 'mysql') expect(revoked.data?.revokeInvitation, 'the acceptance went first: the revoke must be refused').toBeFalsy();
      if (revoked.data?.revokeInvitation) {
        expect(accepted.body.errors?.[0].extensions, `round ${round}`).toMatchObject({ field: 'token' });
        expect(user).toBeNull();
      } else {
        expect(revoked.errors?.[0].extensions, `round ${round}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
        expect(accepted.body.errors).toBeUndefined();
        expect(user).toEqual({ id, invitedAt: null });
        await app.signIn(email, PASSWORD);
      }
    }
  });

  it("staff's reset link opens the admin app's page and ends their other sessions; end users' the help center's", async () => {
    const agent = await app.person('AGENT');
    const other = await app.signIn(agent.email, agent.password);
    expect((await anon(RESET, { e: agent.email })).body.data.requestPasswordReset).toBe(true);
    const [mail] = await received(agent.email);
    expect(mail.text).toContain('https://desk.acme.io/reset-password/');
    const token = tokenIn(mail.text, 'reset-password');
    expect((await anon(LINK, { t: token })).body.data.accountLink).toEqual({ state: 'VALID', purpose: 'RESET' });
    const used = await anon(USE, { t: token, p: PASSWORD });
    expect(used.body.data.useAccountLink.role).toBe('AGENT');
    expect((await app.as(other)('{ me { id } }')).data.me).toBeNull();
    expect((await app.as(agent.auth)('{ me { id } }')).data.me).toBeNull();
    expect((await app.as({ kind: 'cookie', cookie: used.cookie! })('{ me { id } }')).data.me.id).toBe(agent.id);
    await app.signIn(agent.email, PASSWORD);

    const customer = await app.person('END_USER');
    await anon(RESET, { e: customer.email });
    const [customerMail] = await received(customer.email);
    expect(customerMail.text).toContain('https://desk.acme.io/help/reset/');
    // An unknown address: the same answer, no mail.
    const nobody = addr('nobody');
    expect((await anon(RESET, { e: nobody })).body).toEqual({ data: { requestPasswordReset: true } });
    expect(await mails(nobody)).toHaveLength(0);
  });
});
