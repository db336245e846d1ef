import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { pino } from 'pino';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, TEST_PASSWORD_HASH_COST, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { readConfig } from '../../server/config.js';
import { Database } from '../../server/db/database.js';
import { createApp } from '../../server/app.js';
import { DEFAULT_ADMIN_EMAIL } from '../../server/auth/first-admin.js';
import { setPasswordHashCost } from '../../server/auth/password.js';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id email role } }';
const ME = '{ me { id email role } }';

async function rawSignIn(app: TestApp, email: string, password: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { e: email, p: password } }),
  });
  return { res, body: (await res.json()) as any };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe.each(testDialects())('sign-in and sessions on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it('signs the first admin in with ADMIN_EMAIL and ADMIN_PASSWORD and sets a safe cookie', async () => {
    const { res, body } = await rawSignIn(app, ` ${ADMIN_EMAIL.toUpperCase()} `, ADMIN_PASSWORD);
    expect(body.data.signIn).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('accueil_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure over TLS
    const value = cookie.split(';')[0].split('=')[1];
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The database keeps only a hash of it.
    const rows = await app.db.manager.query('SELECT token_hash FROM sessions');
    expect(JSON.stringify(rows)).not.toContain(value);
    const me = await app.as({ kind: 'cookie', cookie: `accueil_session=${value}` })(ME);
    expect(me.data.me).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
  });

  it('sign-out ends the session on the server, so a copied cookie stops working', async () => {
    const s = await app.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await app.as(s)(ME)).data.me).not.toBeNull();
    expect((await app.as(s)('mutation { signOut }')).data.signOut).toBe(true);
    expect((await app.as(s)(ME)).data.me).toBeNull();
    expect((await app.as(s)('{ users { totalCount } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('treats tampered, forged and expired cookies as signed out', async () => {
    const s = await app.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const value = s.cookie.split('=')[1];
    const flipped = value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
    for (const cookie of [`accueil_session=${flipped}`, 'accueil_session=forged', `accueil_session=${'x'.repeat(43)}`, 'accueil_session=']) {
      const r = await app.as({ kind: 'cookie', cookie })(ME);
      expect(r.data.me).toBeNull();
    }
    // Absolute expiry passed.
    const hashOf = (auth: { cookie: string }) => createHash('sha256').update(auth.cookie.split('=')[1]).digest('hex');
    await app.db.manager.query("UPDATE sessions SET expires_at = '2020-01-01 00:00:00.000' WHERE token_hash = ?", [hashOf(s)]);
    expect((await app.as(s)(ME)).data.me).toBeNull();
    // Idle too long.
    const s2 = await app.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    await app.db.manager.query("UPDATE sessions SET last_seen_at = '2020-01-01 00:00:00.000' WHERE token_hash = ?", [hashOf(s2)]);
    expect((await app.as(s2)(ME)).data.me).toBeNull();
    expect((await app.as(app.admin)(ME)).data.me).not.toBeNull();
  });

  it('answers a wrong password, an unknown address and a malformed one the same way', async () => {
    const known = await app.person('AGENT');
    const answers = await Promise.all([
      rawSignIn(app, known.email, 'wrong password 1'),
      rawSignIn(app, `nobody.${Date.now()}@acme.io`, 'wrong password 1'),
      rawSignIn(app, 'not an address', 'wrong password 1'),
    ]);
    const shapes = answers.map(({ res, body }) => ({
      status: res.status,
      errors: body.errors.map((e: any) => ({ message: e.message, code: e.extensions.code })),
    }));
    expect(shapes[0]).toEqual(shapes[1]);
    expect(shapes[1]).toEqual(shapes[2]);
    expect(shapes[0].errors[0]).toEqual({ message: 'Email or password is incorrect.', code: 'UNAUTHENTICATED' });
    for (const { res } of answers) expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('takes about as long for an unknown address as for a wrong password (no timing oracle)', async () => {
    // At the production cost (the test apps hash cheaply), so that hashing, not noise, is what is timed.
    setPasswordHashCost(15);
    onTestFinished(() => setPasswordHashCost(TEST_PASSWORD_HASH_COST));
    const known = await app.person('END_USER');
    const time = async (email: string) => {
      const t = performance.now();
      await rawSignIn(app, email, 'definitely wrong');
      return performance.now() - t;
    };
    const k: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < 4; i++) {
      k.push(await time(known.email));
      u.push(await time(`ghost${i}.${Date.now()}@acme.io`));
    }
    const ratio = median(u) / median(k);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('locks an account after five failures in ten minutes, for ten minutes, even with the right password', async () => {
    const victim = await app.person('AGENT');
    for (let i = 0; i < 4; i++) {
      const { body } = await rawSignIn(app, victim.email, `wrong ${i} password`);
      expect(body.errors[0].extensions.reason).toBeUndefined();
    }
    const fifth = await rawSignIn(app, victim.email, 'wrong 5 password');
    expect(fifth.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
    const right = await rawSignIn(app, victim.email, victim.password);
    expect(right.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
    expect(right.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(500);
    expect(right.body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(600);
    // Other accounts are not affected.
    expect((await rawSignIn(app, ADMIN_EMAIL, ADMIN_PASSWORD)).body.data.signIn.role).toBe('ADMIN');
    // When the ten minutes are over, the right password works again.
    await app.db.manager.query("UPDATE sign_in_locks SET locked_until = '2020-01-01 00:00:00.000'");
    expect((await rawSignIn(app, victim.email, victim.password)).body.data.signIn.id).toBe(victim.id);
  });

  it('locks an unknown address the same way, so lockout reveals nothing', async () => {
    const ghost = `ghost.${Date.now()}@acme.io`;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await rawSignIn(app, ghost, `wrong ${i} password`)).body.errors[0].extensions);
    expect(answers.slice(0, 4).every((e) => e.reason === undefined)).toBe(true);
    expect(answers[4]).toMatchObject({ reason: 'LOCKED' });
    expect(answers[5]).toMatchObject({ reason: 'LOCKED' });
  });

  it('refuses suspended accounts and ends their sessions', async () => {
    const p = await app.person('AGENT');
    expect((await app.as(p.auth)(ME)).data.me.id).toBe(p.id);
    await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { id } }', { id: p.id });
    expect((await app.as(p.auth)(ME)).data.me).toBeNull();
    const again = await rawSignIn(app, p.email, p.password);
    expect(again.body.errors[0]).toMatchObject({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('changes a password: policy, current password, other sessions end, this one stays', async () => {
    const p = await app.person('AGENT');
    const other = await app.signIn(p.email, p.password);
    const change = (current: string, next: string) =>
      app.as(p.auth)('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: current, n: next });
    expect((await change(p.password, 'too short')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await change('not the password', 'long enough password')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currentPassword',
    });
    expect((await change(p.password, 'a long new passphrase')).data.changePassword).toBe(true);
    expect((await app.as(p.auth)(ME)).data.me.id).toBe(p.id);
    expect((await app.as(other)(ME)).data.me).toBeNull();
    expect((await rawSignIn(app, p.email, p.password)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await rawSignIn(app, p.email, 'a long new passphrase')).body.data.signIn.id).toBe(p.id);
    const hashes = await app.db.manager.query('SELECT password_hash FROM users WHERE id = ?', [Number(p.id)]);
    // scrypt at the cost the app is configured with (the test apps' PASSWORD_HASH_COST, 10: N = 1024).
    expect(hashes[0].password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it('an admin setting a password ends that person’s sessions; the policy applies', async () => {
    const p = await app.person('AGENT');
    const set = (pw: string) => app.as(app.admin)('mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) }', { id: p.id, p: pw });
    expect((await set('short')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await set('a password set by admin')).data.setUserPassword).toBe(true);
    expect((await app.as(p.auth)(ME)).data.me).toBeNull();
  });

  it('end users may change only their own name, phone, time zone and language', async () => {
    const p = await app.person('END_USER');
    const mine = await app.as(p.auth)(
      'mutation($id: ID!) { updateUser(id: $id, input: { name: "New Me", phone: "+1 415 555 2671", timeZone: "Asia/Tokyo", locale: "ja" }) { name phone timeZone locale } }',
      { id: p.id },
    );
    expect(mine.data.updateUser).toEqual({ name: 'New Me', phone: '+14155552671', timeZone: 'Asia/Tokyo', locale: 'ja' });
    for (const input of ['{ role: ADMIN }', '{ email: "x@acme.io" }', '{ verified: true }', '{ tags: ["vip"] }', '{ organization: "Acme" }']) {
      const r = await app.as(p.auth)(`mutation($id: ID!) { updateUser(id: $id, input: ${input}) { id } }`, { id: p.id });
      expect(r.errors?.[0].extensions?.code, input).toBe('FORBIDDEN');
    }
  });

  it('keeps at least one active admin', async () => {
    const me = (await app.as(app.admin)(ME)).data.me;
    const second = await app.person('ADMIN');
    // An admin cannot demote or suspend themself...
    expect(
      (await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { id } }', { id: me.id })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    // ...and the last admin cannot be demoted by anyone.
    expect(
      (await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { role } }', { id: second.id })).data.updateUser
        .role,
    ).toBe('AGENT');
    const r = await app.as(app.admin)('mutation($id: ID!) { deleteUser(id: $id) }', { id: me.id });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('first run', () => {
  it('without ADMIN_EMAIL and ADMIN_PASSWORD, creates an admin with a random password printed once', async () => {
    const url = `sqlite:${(await import('../helpers/test-app.js')).tempDir()}/first.sqlite`;
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line?: unknown) => void lines.push(String(line)));
    const config = readConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const db = await Database.open(config.databaseUrl);
    try {
      const app = await createApp(config, db, pino({ level: 'silent' }));
      await app.stop();
      const printed = lines.join('\n');
      expect(printed).toContain(DEFAULT_ADMIN_EMAIL);
      const password = /password:\s+(\S+)/.exec(printed)![1];
      expect(password.length).toBeGreaterThanOrEqual(20);
      // A second start does not print again and does not change the password.
      lines.length = 0;
      const again = await createApp(config, db, pino({ level: 'silent' }));
      await again.stop();
      expect(lines.join('\n')).not.toContain('password');
      const [row] = await db.manager.query(`SELECT u.role, u.password_hash FROM users u`);
      expect(row.role).toBe('ADMIN');
      const { verifyPassword } = await import('../../server/auth/password.js');
      expect(await verifyPassword(password, row.password_hash)).toBe(true);
    } finally {
      spy.mockRestore();
      await db.close();
    }
  });

  it('refuses a short ADMIN_PASSWORD at start', () => {
    expect(() => readConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/12 characters/);
  });

  it('never writes passwords or session ids to the log', async () => {
    const chunks: string[] = [];
    const sink = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) });
    const url = `sqlite:${(await import('../helpers/test-app.js')).tempDir()}/log.sqlite`;
    const config = readConfig({ DATABASE_URL: url, ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'debug' });
    const db = await Database.open(config.databaseUrl);
    const app = await createApp(config, db, pino({ level: 'debug' }, sink));
    const server = app.express.listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    const base = `http://127.0.0.1:${(server.address() as any).port}/graphql`;
    try {
      const post = (body: object) => fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post({ query: SIGN_IN, variables: { e: ADMIN_EMAIL, p: 'a wrong secret pw 123' } });
      const ok = await post({ query: SIGN_IN, variables: { e: ADMIN_EMAIL, p: ADMIN_PASSWORD } });
      const sid = ok.headers.getSetCookie()[0].split(';')[0].split('=')[1];
      await post({ query: 'mutation { changePassword(currentPassword: "x", newPassword: "y") }' });
      const log = chunks.join('');
      expect(log).toContain('graphql'); // the request log is there...
      for (const secret of ['a wrong secret pw 123', ADMIN_PASSWORD, sid]) expect(log).not.toContain(secret); // ...the secrets are not
    } finally {
      server.close();
      await app.stop();
      await db.close();
    }
  });
});
