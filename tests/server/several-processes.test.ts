import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql } from '../../server/db/data-source.js';
import { migrations } from '../../server/db/migrations/index.js';
import { dropMysqlDatabase, mysqlBaseUrl, testDialects } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { removeTempDir, tempDir } from '../helpers/test-app.js';
import { postGraphQL, signInAt } from '../helpers/http-client.js';

// Two real server processes (and a WORKERS=2 cluster) on one MySQL database, as behind a load balancer:
// what one does, the other sees at once, and the budgets hold across both.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { email: 'admin@acme.io', password: 'correct horse battery staple' };
const TOKEN_BUDGET = 8;
const SIGN_IN_BUDGET = 6;

async function sql<T = any>(database: string, query: string, params: unknown[] = []): Promise<T[]> {
  const conn = await connectMysql(`${mysqlBaseUrl}/${database}`, true);
  try {
    return (await conn.query(query, params))[0] as T[];
  } finally {
    await conn.end();
  }
}

async function stop(p: ServerProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  p.child.kill('SIGTERM');
  await p.exited(30_000);
}

describe.runIf(testDialects().includes('mysql'))('two server processes on one MySQL database', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = tempDir('accueil-procs-');
  });
  afterAll(() => removeTempDir(tmp));

  describe.each([
    ['the database', {}],
    ['Redis', { REDIS_URL }],
  ])('with the shared counters in %s', (store, extraEnv: Record<string, string>) => {
    const database = `accueil_procs_${randomBytes(4).toString('hex')}`;
    let one: ServerProcess;
    let two: ServerProcess;
    let a = '';
    let b = '';

    beforeAll(async () => {
      const env = {
        DATABASE_URL: `${mysqlBaseUrl}/${database}`,
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        API_RATE_LIMIT: String(TOKEN_BUDGET),
        SIGN_IN_RATE_LIMIT: String(SIGN_IN_BUDGET),
        LOG_LEVEL: 'info',
        // The sign-in budget test comes from an address of its own (X-Forwarded-For from loopback).
        TRUST_PROXY: 'loopback',
        ...extraEnv,
      };
      // Both start at the same moment on an empty database: one migrates and makes the admin, the other waits its turn.
      one = startServerProcess(env, tmp);
      two = startServerProcess(env, tmp);
      const [p1, p2] = await Promise.all([one.listening(90_000), two.listening(90_000)]);
      a = `http://127.0.0.1:${p1}`;
      b = `http://127.0.0.1:${p2}`;
    }, 120_000);

    afterAll(async () => {
      await Promise.all([stop(one), stop(two)]);
      await dropMysqlDatabase(database);
    }, 60_000);

    it('migrated and made the first admin exactly once, though both started together', async () => {
      const said = [one, two].map((p) => (p.output().stdout.match(/created the first admin/g) ?? []).length);
      expect(said.sort()).toEqual([0, 1]);
      const admins = await sql(database, `SELECT COUNT(*) AS n FROM users WHERE role = 'ADMIN'`);
      expect(Number(admins[0].n)).toBe(1);
      const ran = await sql(database, 'SELECT name FROM migrations');
      expect(ran.map((r) => r.name).sort()).toEqual(migrations.map((m) => m.name).sort());
    });

    it('a session made on one works on the other, and a sign-out on the other ends it everywhere', async () => {
      const cookie = await signInAt(a, ADMIN.email, ADMIN.password);
      const me = await postGraphQL(b, '{ me { email role } }', {}, { cookie });
      expect(me.body.data.me).toEqual({ email: ADMIN.email, role: 'ADMIN' });
      await postGraphQL(b, 'mutation { signOut }', {}, { cookie });
      expect((await postGraphQL(a, '{ me { id } }', {}, { cookie })).body.data.me).toBeNull();
    });

    it("a token's budget holds across both: as many requests pass as one process would let through", async () => {
      const cookie = await signInAt(a, ADMIN.email, ADMIN.password);
      const made = await postGraphQL(a, 'mutation { createApiToken(input: { name: "sync", scopes: [USERS_READ] }) { secret } }', {}, { cookie });
      const token = made.body.data.createApiToken.secret as string;
      const sent = Array.from({ length: 12 }, (_, i) => postGraphQL(i % 2 ? a : b, '{ users(first: 1) { totalCount } }', {}, { token }));
      const statuses = (await Promise.all(sent)).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(TOKEN_BUDGET);
      expect(statuses.filter((s) => s === 429)).toHaveLength(12 - TOKEN_BUDGET);
      const limited = await postGraphQL(a, '{ __typename }', {}, { token });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      // Where the counting happened: the database table, or Redis (the table then stays empty).
      const rows = await sql(database, `SELECT COUNT(*) AS n FROM rate_limit_counters WHERE counter_key LIKE 'api:%'`);
      expect(Number(rows[0].n)).toBe(store === 'Redis' ? 0 : 1);
    });

    it('the sign-in budget of one client holds across both', async () => {
      const codes = [];
      for (let i = 0; i < SIGN_IN_BUDGET + 2; i++) {
        const r = await postGraphQL(
          i % 2 ? a : b,
          'mutation { signIn(email: "nobody@acme.io", password: "wrong password here") { id } }',
          {},
          {
            headers: { 'x-forwarded-for': '198.51.100.7' },
          },
        );
        codes.push(r.body.errors[0].extensions.code);
      }
      expect(codes).toEqual([...Array(SIGN_IN_BUDGET).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);
    });

    it('a user created on one is found on the other at once, and a change made there is seen on the first', async () => {
      const cookie = await signInAt(a, ADMIN.email, ADMIN.password);
      for (let i = 0; i < 5; i++) {
        const email = `grace.${i}.${randomBytes(3).toString('hex')}@navy.acme.io`;
        const created = await postGraphQL(
          a,
          'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }',
          { i: { name: `Grace Hopper ${i}`, email } },
          { cookie },
        );
        const id = created.body.data.createUser.user.id;
        const found = await postGraphQL(b, 'query($e: String!) { userByEmail(email: $e) { id name } }', { e: email }, { cookie });
        expect(found.body.data.userByEmail).toEqual({ id, name: `Grace Hopper ${i}` });
        const listed = await postGraphQL(b, 'query($q: String) { users(query: $q, first: 5) { edges { node { id } } } }', { q: email }, { cookie });
        expect(listed.body.data.users.edges.map((e: any) => e.node.id)).toEqual([id]);
        await postGraphQL(b, 'mutation($id: ID!) { updateUser(id: $id, input: { name: "Amazing Grace" }) { id } }', { id }, { cookie });
        const seen = await postGraphQL(a, 'query($id: ID!) { user(id: $id) { name } }', { id }, { cookie });
        expect(seen.body.data.user.name).toBe('Amazing Grace');
      }
    });
  });

  it('WORKERS=2 serves one port with two processes, makes the admin once, and stops gracefully on SIGTERM', async () => {
    const database = `accueil_workers_${randomBytes(4).toString('hex')}`;
    const cluster = startServerProcess(
      {
        DATABASE_URL: `${mysqlBaseUrl}/${database}`,
        HOST: '127.0.0.1',
        PORT: '0',
        WORKERS: '2',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        API_RATE_LIMIT: String(TOKEN_BUDGET),
        LOG_LEVEL: 'info',
      },
      tmp,
    );
    try {
      const base = `http://127.0.0.1:${await cluster.listening(90_000)}`;
      const out = cluster.output().stdout;
      expect(out).toMatch(/listening on http:\/\/localhost:\d+ with 2 workers/);
      expect(out.match(/created the first admin/g)).toHaveLength(1);
      // Each worker's own log line comes through its stdout pipe, which may trail the primary's "listening".
      const readyPids = () => new Set([...cluster.output().stdout.matchAll(/"pid":(\d+)[^\n]*"msg":"worker ready"/g)].map((m) => m[1]));
      for (let waited = 0; readyPids().size < 2 && waited < 5000; waited += 100) await new Promise((ok) => setTimeout(ok, 100));
      const workerPids = readyPids();
      expect(workerPids.size).toBe(2);
      // The token's budget is one budget, whichever worker counts.
      const cookie = await signInAt(base, ADMIN.email, ADMIN.password);
      const made = await postGraphQL(base, 'mutation { createApiToken(input: { name: "w", scopes: [USERS_READ] }) { secret } }', {}, { cookie });
      const token = made.body.data.createApiToken.secret as string;
      const statuses = await Promise.all(Array.from({ length: 12 }, () => postGraphQL(base, '{ __typename }', {}, { token }).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(TOKEN_BUDGET);
      // Requests of a session (not counted against the token) reach both workers.
      await Promise.all(Array.from({ length: 12 }, () => postGraphQL(base, '{ me { id } }', {}, { cookie })));
      const served = new Set([...cluster.output().stdout.matchAll(/"pid":(\d+)[^\n]*"msg":"graphql"/g)].map((m) => m[1]));
      expect(served).toEqual(workerPids);
      cluster.child.kill('SIGTERM');
      const ended = await cluster.exited(30_000);
      expect(ended.code).toBe(0);
      expect(ended.stdout).toContain('stopping the workers');
      for (const pid of workerPids) expect(() => process.kill(Number(pid), 0)).toThrow();
    } finally {
      await stop(cluster);
      await dropMysqlDatabase(database);
    }
  }, 120_000);
});
