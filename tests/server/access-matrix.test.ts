import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type ActorName = 'anonymous' | 'endUser' | 'agent' | 'admin' | 'tokenRead' | 'tokenWrite' | 'tokenReadWrite' | 'tokenImport';
const ACTORS: ActorName[] = ['anonymous', 'endUser', 'agent', 'admin', 'tokenRead', 'tokenWrite', 'tokenReadWrite', 'tokenImport'];

interface Fixture {
  app: TestApp;
  auth: Record<ActorName, Auth>;
  ids: { endUser: string; agent: string; admin: string; other: string };
  /** A fresh user made by the admin, for operations that change or remove their target. */
  fresh(role?: 'END_USER' | 'AGENT' | 'ADMIN'): Promise<string>;
  freshToken(): Promise<string>;
}

interface Case {
  name: string;
  query: string;
  vars(f: Fixture, actor: ActorName): Promise<Record<string, unknown>>;
  expect: Record<ActorName, Outcome>;
  /** Writes: a denied call must leave the database as it was. */
  write?: boolean;
}

const all = (o: Outcome): Record<ActorName, Outcome> => Object.fromEntries(ACTORS.map((a) => [a, o])) as Record<ActorName, Outcome>;
const rule = (base: Outcome, overrides: Partial<Record<ActorName, Outcome>>) => ({ ...all(base), ...overrides });
const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;
const none = async () => ({});
let n = 0;
const email = () => `matrix.${++n}.${Date.now()}@acme.io`;

// Who may read users: staff through a session, tokens with users:read.
const READ = rule(F, { anonymous: U, agent: 'ok', admin: 'ok', tokenRead: 'ok', tokenReadWrite: 'ok' });
// Who may write end users: staff through a session, tokens with users:write.
const WRITE = rule(F, { anonymous: U, agent: 'ok', admin: 'ok', tokenWrite: 'ok', tokenReadWrite: 'ok' });
// Admin-level writes: admins, and tokens with users:write (their creator is an admin).
const ADMIN_WRITE = rule(F, { anonymous: U, admin: 'ok', tokenWrite: 'ok', tokenReadWrite: 'ok' });
// Only an admin signed in to Accueil: tokens never manage tokens or passwords.
const ADMIN_SESSION = rule(F, { anonymous: U, admin: 'ok' });

const CASES: Case[] = [
  { name: 'me', query: '{ me { id } }', vars: none, expect: all('ok') },
  // A token reads its creator's profile only with USERS_READ: scopes stop at the edge of every answer.
  { name: 'me with its profile', query: '{ me { id role name email } }', vars: none, expect: rule('ok', { tokenWrite: F, tokenImport: F }) },
  {
    name: 'user(id) of another end user',
    query: 'query($id: ID!) { user(id: $id) { id name email } }',
    vars: async (f) => ({ id: f.ids.other }),
    expect: READ,
  },
  {
    name: 'user(id) of oneself',
    query: 'query($id: ID!) { user(id: $id) { id name } }',
    vars: async (f, a) => ({ id: a === 'endUser' ? f.ids.endUser : a === 'agent' ? f.ids.agent : f.ids.admin }),
    expect: { ...READ, endUser: 'ok' },
  },
  { name: 'users', query: '{ users(first: 5) { totalCount edges { node { id } } } }', vars: none, expect: READ },
  { name: 'User.notes of oneself', query: '{ me { notes } }', vars: none, expect: rule('ok', { endUser: F, tokenWrite: F, tokenImport: F }) },
  {
    name: 'User.events of oneself',
    query: '{ me { events { totalCount } } }',
    vars: none,
    expect: rule('ok', { endUser: F, tokenWrite: F, tokenImport: F }),
  },
  {
    name: 'createUser (end user)',
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }',
    vars: async () => ({ i: { name: 'Matrix Person', email: email() } }),
    expect: WRITE,
    write: true,
  },
  {
    name: 'createUser (agent)',
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }',
    vars: async () => ({ i: { name: 'Matrix Agent', email: email(), role: 'AGENT' } }),
    expect: ADMIN_WRITE,
    write: true,
  },
  {
    name: 'updateUser of an end user',
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { notes: "changed", name: "Changed Name" }) { id } }',
    vars: async (f) => ({ id: await f.fresh() }),
    expect: WRITE,
    write: true,
  },
  {
    name: 'updateUser: own name',
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { name: "My New Name", timeZone: "Europe/Paris" }) { id } }',
    vars: async (f, a) => ({ id: a === 'endUser' ? f.ids.endUser : a === 'agent' ? f.ids.agent : f.ids.admin }),
    expect: { ...WRITE, endUser: 'ok' },
    write: true,
  },
  {
    name: 'updateUser: own notes',
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { notes: "self note" }) { id } }',
    vars: async (f, a) => ({ id: a === 'endUser' ? f.ids.endUser : a === 'agent' ? f.ids.agent : f.ids.admin }),
    expect: WRITE,
    write: true,
  },
  {
    name: "updateUser of another agent's account",
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed Agent" }) { id } }',
    vars: async (f) => ({ id: await f.fresh('AGENT') }),
    expect: ADMIN_WRITE,
    write: true,
  },
  {
    name: "updateUser of an admin's account",
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { alias: "boss" }) { id } }',
    vars: async (f) => ({ id: await f.fresh('ADMIN') }),
    expect: ADMIN_WRITE,
    write: true,
  },
  {
    name: 'updateUser: role change',
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { id } }',
    vars: async (f) => ({ id: await f.fresh() }),
    expect: ADMIN_WRITE,
    write: true,
  },
  {
    name: 'updateUser: suspend an end user',
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { id } }',
    vars: async (f) => ({ id: await f.fresh() }),
    expect: WRITE,
    write: true,
  },
  {
    name: 'deleteUser of an end user',
    query: 'mutation($id: ID!) { deleteUser(id: $id) }',
    vars: async (f) => ({ id: await f.fresh() }),
    expect: WRITE,
    write: true,
  },
  {
    name: 'deleteUser of an agent',
    query: 'mutation($id: ID!) { deleteUser(id: $id) }',
    vars: async (f) => ({ id: await f.fresh('AGENT') }),
    expect: ADMIN_WRITE,
    write: true,
  },
  { name: 'apiTokens', query: '{ apiTokens { id name } }', vars: none, expect: ADMIN_SESSION },
  {
    name: 'createApiToken',
    query: 'mutation { createApiToken(input: { name: "matrix", scopes: [USERS_READ] }) { secret } }',
    vars: none,
    expect: ADMIN_SESSION,
    write: true,
  },
  {
    name: 'revokeApiToken',
    query: 'mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }',
    vars: async (f) => ({ id: await f.freshToken() }),
    expect: ADMIN_SESSION,
    write: true,
  },
  {
    name: 'setUserPassword',
    query: 'mutation($id: ID!) { setUserPassword(id: $id, password: "a brand new password") }',
    vars: async (f) => ({ id: await f.fresh('AGENT') }),
    expect: ADMIN_SESSION,
    write: true,
  },
  {
    name: 'changePassword (wrong current password: refused as input, never as a right)',
    query: 'mutation { changePassword(currentPassword: "not my password", newPassword: "another long password") }',
    vars: none,
    expect: rule(F, { anonymous: U, endUser: 'ok', agent: 'ok', admin: 'ok' }),
    write: true,
  },
  {
    name: 'signIn (wrong password)',
    query: 'mutation { signIn(email: "nobody@acme.io", password: "wrong password!") { id } }',
    vars: none,
    expect: all(U),
  },
];

/** A fingerprint of everything a denied call must not touch. */
async function snapshot(app: TestApp): Promise<string> {
  const q = (sql: string) => app.db.manager.query(sql);
  const parts = [
    await q('SELECT id, name, role, notes, alias, time_zone, suspended, deleted_at, password_hash, updated_at FROM users ORDER BY id'),
    await q('SELECT id, user_id, value_normalized FROM user_identities ORDER BY id'),
    await q('SELECT id, name, revoked_at FROM api_tokens ORDER BY id'),
    await q('SELECT COUNT(*) AS n FROM audit_events'),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

describe.each(testDialects())('who may do what, on %s', (dialect) => {
  let f: Fixture;
  beforeAll(async () => {
    const app = await startTestApp(dialect);
    const endUser = await app.person('END_USER');
    const agent = await app.person('AGENT');
    const tokens = {
      tokenRead: await app.token(['USERS_READ']),
      tokenWrite: await app.token(['USERS_WRITE']),
      tokenReadWrite: await app.token(['USERS_READ', 'USERS_WRITE']),
      tokenImport: await app.token(['IMPORT']),
    };
    const me = await app.as(app.admin)('{ me { id } }');
    const adminGql = app.as(app.admin);
    f = {
      app,
      auth: {
        anonymous: { kind: 'anonymous' },
        endUser: endUser.auth,
        agent: agent.auth,
        admin: app.admin,
        tokenRead: tokens.tokenRead.auth,
        tokenWrite: tokens.tokenWrite.auth,
        tokenReadWrite: tokens.tokenReadWrite.auth,
        tokenImport: tokens.tokenImport.auth,
      },
      ids: { endUser: endUser.id, agent: agent.id, admin: me.data.me.id, other: (await app.person('END_USER')).id },
      async fresh(role = 'END_USER') {
        const r = await adminGql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
          i: { name: `Target ${role}`, email: email(), role },
        });
        return r.data.createUser.user.id;
      },
      async freshToken() {
        return (await app.token(['USERS_READ'], 'to revoke')).id;
      },
    };
  });
  afterAll(() => f?.app.stop());

  const table = CASES.flatMap((c) => ACTORS.map((a) => [c.name, a, c.expect[a], c] as const));

  it.each(table)('%s as %s: %s', async (_name, actor, outcome, c) => {
    const vars = await c.vars(f, actor);
    const before = c.write ? await snapshot(f.app) : '';
    const r = await f.app.as(f.auth[actor])(c.query, vars);
    if (outcome === 'ok') {
      const code = r.errors?.[0]?.extensions?.code;
      // Allowed means not refused for who you are; input errors (a wrong current password) are fine.
      expect(code === 'FORBIDDEN' || code === 'UNAUTHENTICATED', JSON.stringify(r.errors)).toBe(false);
      if (c.name !== 'changePassword (wrong current password: refused as input, never as a right)') expect(r.errors).toBeUndefined();
    } else {
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(outcome);
      if (c.write) expect(await snapshot(f.app)).toBe(before);
    }
  });

  it('anonymous me is null, not an error', async () => {
    const r = await f.app.as({ kind: 'anonymous' })('{ me { id } }');
    expect(r).toEqual({ data: { me: null } });
  });
});
