/**
 * `npm run bench`: on MySQL with 100,000 seeded users, over HTTP with 32
 * concurrent clients, in one run: the server's own `{ __typename }` (the floor
 * of this stack), `users(query:, first: 25)` and `createUser`.
 *
 * BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/accueil_bench) is
 * dropped and recreated. BENCH_USERS, BENCH_SECONDS and BENCH_CONNECTIONS
 * change the size of the run; BENCH_REUSE=1 keeps the database of the last run.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { connectMysql, openDatabase } from '../server/db/data-source.js';
import { seedFieldValues, seedUsers, searchPrefixes, searchShapes } from './seed.js';
import { measureExport } from './export-measure.js';

const root = resolve(import.meta.dirname, '..');
const url = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/accueil_bench';
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORT = Number(process.env.BENCH_PORT ?? 4600);
const BENCH_ADMIN = 'bench.admin@acme.io';
const BENCH_PASSWORD = 'benchmark admin password';
let authorization = '';

/** Signs in as the bench admin and makes an API token, as a partner app would use. */
async function partnerToken(): Promise<string> {
  const gql = async (query: string, variables: object, cookie?: string) => {
    const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { res, body: (await res.json()) as any };
  };
  const signIn = await gql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: BENCH_ADMIN, p: BENCH_PASSWORD });
  if (signIn.body.errors) throw new Error(JSON.stringify(signIn.body.errors));
  const cookie = signIn.res.headers.getSetCookie()[0].split(';')[0];
  const token = await gql('mutation { createApiToken(input: { name: "bench", scopes: [USERS_READ, USERS_WRITE] }) { secret } }', {}, cookie);
  return token.body.data.createApiToken.secret;
}

async function recreateDatabase(): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const conn = await connectMysql(url);
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.end();
  const ds = await openDatabase(url);
  await ds.destroy();
}

/** The compiled server, as `npm start` runs it. */
async function startServer(): Promise<ChildProcess> {
  execFileSync(resolve(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_EMAIL: BENCH_ADMIN,
      ADMIN_PASSWORD: BENCH_PASSWORD,
      API_RATE_LIMIT: '0', // the benchmark measures the server, not the per-token budget
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/healthz`);
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  child.kill();
  throw new Error('server did not start');
}

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function run(name: string, opts: Partial<autocannon.Options>): Promise<Result> {
  return new Promise((ok, fail) => {
    autocannon(
      {
        url: `http://127.0.0.1:${PORT}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        connections: CONNECTIONS,
        duration: SECONDS,
        ...opts,
      },
      (err, r) => {
        if (err) return fail(err);
        ok({
          name,
          requestsPerSecond: Math.round(r.requests.average),
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors,
          non2xx: r.non2xx,
        });
      },
    );
  });
}

const body = (query: string, variables?: object) => JSON.stringify({ query, variables });

async function main(): Promise<void> {
  let seedSeconds = 0;
  if (process.env.BENCH_REUSE !== '1') {
    console.log(`Recreating ${url} and seeding ${USERS} users…`);
    await recreateDatabase();
    const t0 = performance.now();
    await seedUsers(url, USERS);
    await seedFieldValues(url, USERS);
    seedSeconds = (performance.now() - t0) / 1000;
    console.log(`Seeded ${USERS} users in ${seedSeconds.toFixed(1)} s (${Math.round(USERS / seedSeconds)} users/s).`);
  }

  const server = await startServer();
  try {
    authorization = `Bearer ${await partnerToken()}`;
    // Warm up the server's code paths and the database's buffer pool.
    await run('warm-up', { duration: 2, body: body('{ users(first: 25) { edges { node { id name email } } } }') });

    // The floor: the stack's own cost (Express, helmet, Apollo), without a database round trip.
    const floor = await run('{ __typename } (floor)', { body: body('{ __typename }'), headers: { 'content-type': 'application/json' } });

    const SEARCH = 'query Search($q: String) { users(query: $q, first: 25) { edges { node { id name email } } pageInfo { hasNextPage endCursor } } }';
    let n = 0;
    const prefixes = searchPrefixes(USERS);
    const search = await run('users(query:, first: 25)', {
      requests: [
        {
          setupRequest: (req) => ({ ...req, body: body(SEARCH, { q: prefixes[n++ % prefixes.length] }) }),
        },
      ],
    });

    // Issue 9: the word search's shapes (a surname, a mail domain, a phone number, one letter), totalCount included.
    const WORDS = 'query Words($q: String) { users(query: $q, first: 25) { totalCount edges { node { id name email } } } }';
    const shapes = searchShapes(USERS);
    const shapeResults = [];
    for (const [shape, queries] of Object.entries(shapes)) {
      let k = 0;
      shapeResults.push(
        await run(`word search: ${shape}`, {
          requests: [{ setupRequest: (req) => ({ ...req, body: body(WORDS, { q: queries[k++ % queries.length] }) }) }],
        }),
      );
    }

    // Issue 4: a page of 100 users with organization, identities, tags and all 10 custom field values.
    const PROFILES = `query Profiles($q: String) { users(query: $q, first: 100) { edges { node {
      id name email phone organization { id name } identities { type value primary verified shared } tags
      fields { key value values number boolean date options { value } user { id name } } } } } }`;
    let p = 0;
    const broad = prefixes.map((x) => x.slice(0, 2));
    const profiles = await run('users(first: 100) + org, identities, tags, 10 fields', {
      requests: [{ setupRequest: (req) => ({ ...req, body: body(PROFILES, { q: p++ % 4 === 0 ? null : broad[p % broad.length] }) }) }],
    });

    const CREATE = 'mutation Create($input: CreateUserInput!) { createUser(input: $input) { user { id email } warnings { code } } }';
    let c = 0;
    const stamp = Date.now().toString(36);
    const create = await run('createUser', {
      requests: [
        {
          setupRequest: (req) => {
            c++;
            return {
              ...req,
              body: body(CREATE, { input: { name: `Bench Person ${c}`, email: `bench.${stamp}.${c}@load.acme.io`, tags: ['bench'] } }),
            };
          },
        },
      ],
    });

    // GraphQL errors come back with status 200: count the users really created.
    const check = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: body('query C($q: String) { users(query: $q, first: 0) { totalCount } }', { q: `bench.${stamp}.` }),
    });
    const created = ((await check.json()) as any).data.users.totalCount as number;
    console.log(`createUser: ${c} requests sent, ${created} users created.`);
    if (created < create.requestsPerSecond * SECONDS * 0.9) throw new Error('createUser answered without creating users');

    // Issue 9: the export of every user, streamed.
    const exported = await measureExport(`http://127.0.0.1:${PORT}`, authorization, server.pid!);
    console.log(
      `export: ${exported.rows} rows in ${exported.seconds} s (${exported.rowsPerSecond} rows/s), server peak RSS ${exported.peakRssMb} MB`,
    );

    const results = [floor, search, ...shapeResults, profiles, create];
    const table = results.map((r) => ({
      ...r,
      ratioToFloor: Math.round((r.requestsPerSecond / floor.requestsPerSecond) * 100) / 100,
    }));
    console.log(`\n${USERS} users, ${CONNECTIONS} connections, ${SECONDS} s each (latency in ms):`);
    console.table(table);
    mkdirSync(resolve(root, 'bench/results'), { recursive: true });
    writeFileSync(
      resolve(root, 'bench/results/latest.json'),
      JSON.stringify(
        { date: new Date().toISOString(), users: USERS, connections: CONNECTIONS, seconds: SECONDS, seedSeconds, results: table, export: exported },
        null,
        2,
      ),
    );
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
