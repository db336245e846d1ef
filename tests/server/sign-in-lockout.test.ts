import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

/**
 * The lockout nobody else can hold: per (account, client) locks, a global
 * back-off per account that spares browsers that signed in recently,
 * changePassword counted like sign-in, and admins' unlock. Clients are told
 * apart by X-Forwarded-For through a trusted proxy on loopback (the test
 * talks to 127.0.0.1); the addresses are documentation ranges, only header text.
 */
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const UNLOCK = 'mutation($id: ID!) { unlockUser(id: $id) }';

interface Attempt {
  status: number;
  body: any;
  /** accueil_session=… when a session began. */
  session?: string;
  /** accueil_device=… when the browser is remembered. */
  device?: string;
  setCookies: string[];
}

let clients = 0;
/** A new client address (one per simulated machine). */
const newClient = () => {
  clients++;
  return `198.51.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`;
};

describe.each(testDialects())('sign-in lockout on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { TRUST_PROXY: 'loopback' });
  });
  afterAll(() => app?.stop());

  const post = async (query: string, variables: Record<string, unknown>, client: string, cookies: (string | undefined)[] = []): Promise<Attempt> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': client };
    const cookie = cookies.filter(Boolean).join('; ');
    if (cookie) headers.cookie = cookie;
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const setCookies = res.headers.getSetCookie();
    const pick = (name: string) => setCookies.find((c) => c.startsWith(`${name}=`))?.split(';')[0];
    return { status: res.status, body: await res.json(), session: pick('accueil_session'), device: pick('accueil_device'), setCookies };
  };
  const signIn = (email: string, password: string, client: string, device?: string) => post(SIGN_IN, { e: email, p: password }, client, [device]);
  const reason = (a: Attempt) => a.body.errors?.[0]?.extensions?.reason ?? (a.body.data?.signIn ? 'OK' : a.body.errors?.[0]?.extensions?.code);
  /** Five wrong passwords from one client. */
  const hammer = async (email: string, client: string, times = 5) => {
    const out: string[] = [];
    for (let i = 0; i < times; i++) out.push(reason(await signIn(email, `wrong password ${i}!`, client)));
    return out;
  };

  it('locks the client that failed, not the account: the owner signs in from elsewhere', async () => {
    const victim = await app.person('AGENT');
    const attacker = newClient();
    expect(await hammer(victim.email, attacker)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'LOCKED']);
    // The attacker's client stays locked, even with the right password.
    const right = await signIn(victim.email, victim.password, attacker);
    expect(right.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
    expect(right.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(500);
    // The owner, from another client and without any cookie, gets in.
    expect(reason(await signIn(victim.email, victim.password, newClient()))).toBe('OK');
  });

  it('a typed address without an account is locked per client the same way', async () => {
    const ghost = `ghost.${Date.now()}@acme.io`;
    const attacker = newClient();
    expect(await hammer(ghost, attacker, 6)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'LOCKED',
      'LOCKED',
    ]);
    expect(reason(await signIn(ghost, 'wrong password x!', newClient()))).toBe('UNAUTHENTICATED');
  });

  it('fifty failures from everywhere lock the account for clients without a recent sign-in; the browser that signed in gets through; an unknown address is answered alike', async () => {
    const victim = await app.person('AGENT');
    const ghost = `ghost.many.${Date.now()}@acme.io`;
    const home = newClient();
    const first = await signIn(victim.email, victim.password, home);
    expect(first.device).toMatch(/^accueil_device=/);
    const cookie = first.setCookies.find((c) => c.startsWith('accueil_device='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/graphql/);
    expect(cookie).toMatch(/Max-Age=2592000/);

    // Ten machines, five wrong passwords each: fifty failures, for the account and for an unknown address.
    // The machines hammer at once (scrypt runs on the thread pool): the answers are compared as a whole.
    const tenMachines = async (email: string) => (await Promise.all(Array.from({ length: 10 }, () => hammer(email, newClient())))).flat().sort();
    const [forAccount, forGhost] = await Promise.all([tenMachines(victim.email), tenMachines(ghost)]);
    expect(forAccount).toEqual(forGhost);
    expect(forAccount.filter((a) => a === 'LOCKED').length).toBe(10);

    // A new client is held off, with the right password too...
    expect(reason(await signIn(victim.email, victim.password, newClient()))).toBe('LOCKED');
    expect(reason(await signIn(ghost, 'any password at all', newClient()))).toBe('LOCKED');
    // ...and so is one with a forged cookie or another account's.
    const forged = first.device!.replace(/.{4}$/, 'AAAA');
    expect(reason(await signIn(victim.email, victim.password, newClient(), forged))).toBe('LOCKED');
    const other = await app.person('AGENT');
    const otherDevice = (await signIn(other.email, other.password, newClient())).device;
    expect(reason(await signIn(victim.email, victim.password, newClient(), otherDevice))).toBe('LOCKED');
    // The owner's browser gets in, from home or from anywhere.
    expect(reason(await signIn(victim.email, victim.password, home, first.device))).toBe('OK');
    expect(reason(await signIn(victim.email, victim.password, newClient(), first.device))).toBe('OK');
    // An admin's unlock lifts the back-off for everyone.
    expect((await app.as(app.admin)(UNLOCK, { id: victim.id })).data.unlockUser).toBe(true);
    expect(reason(await signIn(victim.email, victim.password, newClient()))).toBe('OK');
  }, 120_000);

  it("a remembered browser's own failures lock it like any client", async () => {
    const p = await app.person('AGENT');
    const device = (await signIn(p.email, p.password, newClient())).device;
    const client = newClient();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(reason(await signIn(p.email, `wrong password ${i}!`, client, device)));
    expect(answers.at(-1)).toBe('LOCKED');
    expect(reason(await signIn(p.email, p.password, newClient(), device))).toBe('LOCKED');
    // Without that cookie, from another client, the account is open.
    expect(reason(await signIn(p.email, p.password, newClient()))).toBe('OK');
  });

  it('wrong current passwords in changePassword count as failed sign-ins for that account and client', async () => {
    const p = await app.person('AGENT');
    const client = newClient();
    const s = await signIn(p.email, p.password, client);
    const change = (current: string) => post(CHANGE, { c: current, n: 'an entirely new passphrase' }, client, [s.session]);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await change(`not it ${i} at all`)).body.errors[0].extensions);
    expect(answers.slice(0, 4).every((e) => e.code === 'BAD_USER_INPUT' && e.field === 'currentPassword' && e.reason === undefined)).toBe(true);
    expect(answers[4]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword', reason: 'LOCKED' });
    // Locked: the right current password is refused too, and so is signing in from that client.
    expect((await change(p.password)).body.errors[0].extensions).toMatchObject({ reason: 'LOCKED' });
    expect(reason(await signIn(p.email, p.password, client))).toBe('LOCKED');
    expect(reason(await signIn(p.email, p.password, newClient()))).toBe('OK');
  });

  it('a password change voids the remembered browsers of that account', async () => {
    const p = await app.person('AGENT');
    const client = newClient();
    const s = await signIn(p.email, p.password, client);
    const elsewhere = await signIn(p.email, p.password, newClient());
    await hammer(p.email, client);
    // The remembered browser is not held by its address's lock...
    expect(reason(await signIn(p.email, p.password, client, elsewhere.device))).toBe('OK');
    const changed = await post(CHANGE, { c: p.password, n: 'a fresh passphrase here' }, newClient(), [s.session, s.device]);
    expect(changed.body.data.changePassword).toBe(true);
    expect(changed.device).toMatch(/^accueil_device=/);
    // ...until the password changes: its old entry proves nothing any more; the new one does.
    expect(reason(await signIn(p.email, 'a fresh passphrase here', client, elsewhere.device))).toBe('LOCKED');
    expect(reason(await signIn(p.email, 'a fresh passphrase here', client, changed.device))).toBe('OK');
  });

  it('an admin unlocks an account, recorded in its history; nobody else may', async () => {
    const p = await app.person('AGENT');
    const client = newClient();
    await hammer(p.email, client);
    expect(reason(await signIn(p.email, p.password, client))).toBe('LOCKED');

    const agent = await app.person('AGENT');
    const token = await app.token(['USERS_READ', 'USERS_WRITE']);
    expect((await app.as(agent.auth)(UNLOCK, { id: p.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(token.auth)(UNLOCK, { id: p.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as({ kind: 'anonymous' })(UNLOCK, { id: p.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await app.as(app.admin)(UNLOCK, { id: '999999' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(reason(await signIn(p.email, p.password, client))).toBe('LOCKED');

    expect((await app.as(app.admin)(UNLOCK, { id: p.id })).data.unlockUser).toBe(true);
    expect(reason(await signIn(p.email, p.password, client))).toBe('OK');

    const events = await app.as(app.admin)(
      'query($id: ID!) { user(id: $id) { events(first: 5) { edges { node { action actor { kind user { email } } changes { field oldValue newValue } } } } } }',
      { id: p.id },
    );
    const unlocked = events.data.user.events.edges.map((e: any) => e.node).find((n: any) => n.action === 'UNLOCKED');
    expect(unlocked).toMatchObject({
      actor: { kind: 'USER', user: { email: ADMIN_EMAIL } },
      changes: [{ field: 'signIn', oldValue: 'locked', newValue: 'unlocked' }],
    });
  });
});
