import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { Database } from '../../server/db/database.js';
import { createApp, type App } from '../../server/app.js';
import { connectMysql } from '../../server/db/data-source.js';
import { dropMysqlDatabase, mysqlBaseUrl, testDialects } from '../helpers/databases.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { postGraphQL, signInAt } from '../helpers/http-client.js';

// MariaDB away in the middle of a load (a TCP proxy between the app and MySQL is cut, then restored):
// requests fail fast with SERVICE_UNAVAILABLE (HTTP 503), the app recovers by itself, no user is half written.

const ADMIN = { email: 'admin@acme.io', password: 'correct horse battery staple' };
const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id email } } }';

async function rows<T = any>(database: string, query: string): Promise<T[]> {
  const conn = await connectMysql(`${mysqlBaseUrl}/${database}`, true);
  try {
    return (await conn.query(query))[0] as T[];
  } finally {
    await conn.end();
  }
}

describe.runIf(testDialects().includes('mysql'))('MySQL going away under load', () => {
  const database = `accueil_outage_${randomBytes(4).toString('hex')}`;
  let proxy: TcpProxy;
  let db: Database;
  let app: App;
  let server: Server;
  let base = '';
  let token = '';
  let cookie = '';

  beforeAll(async () => {
    proxy = await TcpProxy.start(Number(new URL(mysqlBaseUrl).port || 3306), new URL(mysqlBaseUrl).hostname);
    const config = readConfig({
      DATABASE_URL: `mysql://root@127.0.0.1:${proxy.port}/${database}`,
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      API_RATE_LIMIT: '100000', // counted in the database: that path must fail fast too
      EMAIL_DOMAIN_CHECK: 'off',
    });
    db = await Database.open(config.databaseUrl);
    app = await createApp(config, db, pino({ level: 'silent' }));
    server = await new Promise((ok) => {
      const s = app.express.listen(0, '127.0.0.1', () => ok(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cookie = await signInAt(base, ADMIN.email, ADMIN.password);
    const made = await postGraphQL(
      base,
      'mutation { createApiToken(input: { name: "load", scopes: [USERS_READ, USERS_WRITE] }) { secret } }',
      {},
      { cookie },
    );
    token = made.body.data.createApiToken.secret;
  }, 60_000);

  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await new Promise((ok) => server?.close(ok));
    await app?.stop();
    await db?.close();
    await proxy?.close();
    await dropMysqlDatabase(database);
  }, 60_000);

  it('answers 503 SERVICE_UNAVAILABLE at once while it is away, recovers alone, and leaves every user whole', async () => {
    const answered: { status: number; code?: string; id?: string; email: string }[] = [];
    let running = true;
    let n = 0;
    // Eight partner-app clients creating users (a transaction of several statements each) and one reading pages.
    const writer = async () => {
      while (running) {
        const email = `load.${++n}.${randomBytes(3).toString('hex')}@acme.io`;
        const r = await postGraphQL(base, CREATE, { i: { name: `Load ${n}`, email, phone: `+336${10_000_000 + n}`, tags: ['load'] } }, { token });
        answered.push({ status: r.status, code: r.body?.errors?.[0]?.extensions?.code, id: r.body?.data?.createUser?.user?.id, email });
      }
    };
    const readerStatuses: number[] = [];
    const reader = async () => {
      while (running)
        readerStatuses.push((await postGraphQL(base, '{ users(first: 20) { totalCount edges { node { id email tags } } } }', {}, { cookie })).status);
    };
    const load = [...Array.from({ length: 8 }, writer), reader()];

    for (let outage = 0; outage < 2; outage++) {
      await new Promise((ok) => setTimeout(ok, 1500));
      await proxy.cut();
      // While it is away: each kind of request fails fast, with 503 and the code, never a 500.
      await new Promise((ok) => setTimeout(ok, 300));
      for (const auth of [{ token }, { cookie }]) {
        const t0 = performance.now();
        const r = await postGraphQL(base, '{ users(first: 1) { totalCount } }', {}, auth);
        expect(performance.now() - t0).toBeLessThan(2500);
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toBe('2');
        expect(r.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      }
      // The process itself stays up: what needs no database still answers.
      expect((await postGraphQL(base, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
      await new Promise((ok) => setTimeout(ok, 1500));
      await proxy.restore();
      // Back: it recovers by itself within a few seconds.
      const t0 = performance.now();
      let status = 0;
      while (performance.now() - t0 < 10_000) {
        status = (await postGraphQL(base, '{ users(first: 1) { totalCount } }', {}, { token })).status;
        if (status === 200) break;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      expect(status).toBe(200);
    }
    await new Promise((ok) => setTimeout(ok, 1000));
    running = false;
    await Promise.all(load);

    // Every answer was a success or a 503 SERVICE_UNAVAILABLE; both happened.
    expect(new Set(answered.map((a) => (a.status === 200 && !a.code ? 'ok' : `${a.status} ${a.code}`)))).toEqual(
      new Set(['ok', '503 SERVICE_UNAVAILABLE']),
    );
    expect(new Set(readerStatuses)).toEqual(new Set([200, 503]));
    // Every user a create answered exists; no user is half written (each has its email, phone, tag and history line).
    const made = answered.filter((a) => a.id);
    const byId = new Map((await rows(database, 'SELECT id FROM users')).map((r) => [String(r.id), r]));
    for (const a of made) expect(byId.has(a.id!)).toBe(true);
    const broken = await rows(
      database,
      `SELECT u.id,
        (SELECT COUNT(*) FROM user_identities i WHERE i.user_id = u.id AND i.type = 'EMAIL' AND i.is_primary = 1) AS emails,
        (SELECT COUNT(*) FROM user_identities i WHERE i.user_id = u.id AND i.type = 'PHONE') AS phones,
        (SELECT COUNT(*) FROM user_tags t WHERE t.user_id = u.id) AS tags,
        (SELECT COUNT(*) FROM audit_events e WHERE e.subject_type = 'user' AND e.subject_id = u.id AND e.action = 'CREATED') AS created
       FROM users u WHERE u.name LIKE 'Load %'
       HAVING emails <> 1 OR phones <> 1 OR tags <> 1 OR created <> 1`,
    );
    expect(broken).toEqual([]);
    expect(made.length).toBeGreaterThan(10);
  }, 60_000);
});
