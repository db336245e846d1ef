import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { hashPassword, isCommonPassword, passwordProblem, setPasswordHashCost, verifyPassword } from '../../server/auth/password.js';
import { readConfig } from '../../server/config.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';

/** New passwords: enough visible characters, no control characters, not a common password. */
const INVISIBLE = [
  ['12 spaces', ' '.repeat(12)],
  ['12 NULs', '\u0000'.repeat(12)],
  ['12 zero-width spaces', '\u200b'.repeat(12)],
  ['12 Hangul fillers', '\u3164'.repeat(12)],
  ['11 letters padded with spaces', `${'x'.repeat(11)}${' '.repeat(5)}`],
] as const;
const COMMON = ['password1234', 'Password123!', '123456789012', 'qwertyuiop12', '!!dragon2024', 'abcabcabcabc', 'zzzzzzzzzzzz', 'ILOVEYOU1234567'];

describe('password rules', () => {
  it.each(INVISIBLE)('refuses %s', (_label, pw) => {
    expect(String(passwordProblem(pw))).toMatch(/12 characters|control/);
  });

  it.each(COMMON)('refuses the common password %s', (pw) => {
    expect(isCommonPassword(pw)).toBe(true);
    expect(String(passwordProblem(pw))).toMatch(/common/);
  });

  it('refuses control characters and lone surrogates, and more than 1,024 characters', () => {
    expect(String(passwordProblem('abcdefgh\nijklmnop'))).toMatch(/control/);
    expect(String(passwordProblem('abcdefgh\tijklmnop'))).toMatch(/control/);
    expect(String(passwordProblem('abcdefghijklm\ud800'))).toMatch(/control/);
    expect(String(passwordProblem('k'.repeat(1025)))).toMatch(/1024/);
  });

  it.each([
    'correct horse battery staple',
    'a long new passphrase',
    'Tr0ub4dor&3-horse',
    'mot de passe très long',
    'パスワードはとても長いです本当に',
    'g7#Kq9!vX2@p',
  ])('accepts %s', (pw) => {
    expect(passwordProblem(pw)).toBeNull();
  });

  it('hashes at scrypt N = 2^15 by default (PASSWORD_HASH_COST), and a hash made at another cost still verifies', async () => {
    expect(readConfig({}).passwordHashCost).toBe(15);
    expect(readConfig({ PASSWORD_HASH_COST: '12' }).passwordHashCost).toBe(12);
    for (const bad of ['9', '21', '15.5', 'high']) expect(() => readConfig({ PASSWORD_HASH_COST: bad })).toThrow(/PASSWORD_HASH_COST/);
    setPasswordHashCost(15);
    const strong = await hashPassword('correct horse battery staple');
    expect(strong).toMatch(/^scrypt\$32768\$8\$1\$/);
    setPasswordHashCost(10);
    try {
      const cheap = await hashPassword('correct horse battery staple');
      expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
      expect(await verifyPassword('correct horse battery staple', strong)).toBe(true);
      expect(await verifyPassword('correct horse battery stable', strong)).toBe(false);
      expect(await verifyPassword('correct horse battery staple', cheap)).toBe(true);
    } finally {
      setPasswordHashCost(15);
    }
  });

  it('checks ADMIN_PASSWORD at start', () => {
    expect(() => readConfig({ ADMIN_PASSWORD: ' '.repeat(12) })).toThrow(/ADMIN_PASSWORD.*12 characters/);
    expect(() => readConfig({ ADMIN_PASSWORD: 'password1234' })).toThrow(/ADMIN_PASSWORD.*common/);
    expect(readConfig({ ADMIN_PASSWORD: 'a long first passphrase' }).adminPassword).toBe('a long first passphrase');
  });
});

describe.each(testDialects())('new passwords over the API on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { REQUEST_RATE_LIMIT: '0' });
  });
  afterAll(() => app?.stop());

  const set = (id: string, p: string) => app.as(app.admin)('mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) }', { id, p });

  it('setUserPassword and changePassword refuse invisible and common passwords, naming the field', async () => {
    const p = await app.person('AGENT');
    const change = (n: string) =>
      app.as(p.auth)('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: p.password, n });
    for (const [label, pw] of [...INVISIBLE, ...COMMON.map((c) => [c, c] as const)]) {
      const bySet = await set(p.id, pw);
      expect(bySet.errors?.[0].extensions, label).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      const byChange = await change(pw);
      expect(byChange.errors?.[0].extensions, label).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    }
    // Nothing changed: the old password still signs in.
    await app.signIn(p.email, p.password);
    expect((await change('a brand new passphrase')).data.changePassword).toBe(true);
    expect((await set(p.id, 'another good passphrase')).data.setUserPassword).toBe(true);
  });

  /** The links mailed to an address, oldest first (their tokens). */
  const links = async (email: string) =>
    (await app.db.manager.find(OutboxMessage, { where: { recipient: email }, order: { id: 'ASC' } }))
      .map((m) => /\/(?:verify|help\/reset|reset-password|invitation)\/(\S+)/.exec(m.textBody)?.[1])
      .filter((t): t is string => t !== undefined);
  const state = async (t: string) => (await app.gql('query($t: String!) { accountLink(token: $t) { state } }', { t })).data.accountLink.state;
  const follow = (t: string) =>
    app.as({ kind: 'anonymous' })('mutation($t: String!, $p: String!) { useAccountLink(token: $t, password: $p) { id } }', {
      t,
      p: 'a link that came too late',
    });
  const askReset = (e: string) => app.as({ kind: 'anonymous' })('mutation($e: String!) { requestPasswordReset(email: $e) }', { e });

  it('a password set or changed voids the unused reset, verification and invitation links: an old mail cannot undo it', async () => {
    // Changing one's own password: the reset link asked for before stops working.
    const p = await app.person('END_USER');
    await askReset(p.email);
    const [reset] = await links(p.email);
    expect(await state(reset)).toBe('VALID');
    const changed = await app.as(p.auth)('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', {
      c: p.password,
      n: 'my brand new passphrase',
    });
    expect(changed.data.changePassword).toBe(true);
    expect(await state(reset)).toBe('USED');
    expect((await follow(reset)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', reason: 'USED' });
    await expect(app.signIn(p.email, 'my brand new passphrase')).resolves.toMatchObject({ kind: 'cookie' });
    await expect(app.signIn(p.email, 'a link that came too late')).rejects.toThrow();

    // An admin setting it: the reset and verification links both stop working.
    const q = await app.person('END_USER');
    await askReset(q.email);
    expect((await app.as(app.admin)('mutation($id: ID!) { resendVerification(userId: $id) }', { id: q.id })).errors).toBeUndefined();
    const both = await links(q.email);
    expect(both).toHaveLength(2);
    for (const t of both) expect(await state(t)).toBe('VALID');
    expect((await set(q.id, 'set by the admin today')).data.setUserPassword).toBe(true);
    for (const t of both) {
      expect(await state(t)).toBe('USED');
      expect((await follow(t)).errors?.[0].extensions?.reason).toBe('USED');
    }
    // A link mailed afterwards works.
    await askReset(q.email);
    const fresh = (await links(q.email)).at(-1)!;
    expect(await state(fresh)).toBe('VALID');

    // Following one link sets the password: the other links sent before stop working too.
    const r = await app.person('END_USER');
    await askReset(r.email);
    await askReset(r.email);
    const [first, second] = await links(r.email);
    expect((await follow(second)).errors).toBeUndefined();
    expect(await state(first)).toBe('USED');

    // A pending teammate whose password an admin sets: the invitation link is over.
    const invitee = `invitee.${Date.now()}@people.acme.io`;
    const invited = await app.as(app.admin)('mutation($i: InviteTeamMemberInput!) { inviteTeamMember(input: $i) { id } }', {
      i: { name: 'Invited Agent', email: invitee, role: 'AGENT' },
    });
    expect(invited.errors).toBeUndefined();
    const [invitation] = await links(invitee);
    expect(await state(invitation)).toBe('VALID');
    expect((await set(invited.data.inviteTeamMember.id, 'set before they came')).data.setUserPassword).toBe(true);
    expect(await state(invitation)).toBe('USED');
  });
});
