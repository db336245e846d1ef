/**
 * `npm run bench`: on MySQL with 100,000 seeded users (BENCH_USERS, up to
 * 1,000,000), over HTTP with 32 concurrent clients, in one run and for each
 * WORKERS setting (BENCH_WORKERS, default "1,2"): the server's own
 * `{ __typename }` (the floor of this stack, measured again under each
 * setting) and the scenarios of bench/scenarios.ts (search, the full
 * 100-profile page, createUser, and whatever is added there).
 *
 * BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/accueil_bench) is
 * dropped and recreated. BENCH_USERS, BENCH_SECONDS, BENCH_CONNECTIONS and
 * BENCH_WORKERS (e.g. "1:nojit,1,2": ":nojit" runs graphql-js only, for a before/after of graphql-jit) change the size of the run; BENCH_REUSE=1 keeps the database
 * of the last run; BENCH_ONLY=<text> runs only the scenarios whose name holds it;
 * BENCH_CPU_PROF=<folder> writes a V8 CPU profile of each server process there (node --cpu-prof).
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { connectMysql, openDatabase } from '../server/db/data-source.js';
import { withBufferPool } from './buffer-pool.js';
import { benchDatabaseUrl } from './database-url.js';
import { serverNodeFlags } from './server-flags.js';
import { seedFieldValues, seedUsers, searchPrefixes } from './seed.js';
import { rssMb } from './export-measure.js';
import { floor, scenarios, type BenchContext, type Measured, type Scenario } from './scenarios.js';

const root = resolve(import.meta.dirname, '..');
const url = benchDatabaseUrl();
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORT = Number(process.env.BENCH_PORT ?? 4600);
/** Server settings to measure in turn: a number of WORKERS, `:nojit` for graphql-js only (GRAPHQL_JIT=false). */
const SETTINGS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map((w) => {
  const [workers, flag] = w.trim().split(':');
  return { workers: Number(workers), jit: flag !== 'nojit' };
});
const ONLY = process.env.BENCH_ONLY;
const BENCH_ADMIN = 'bench.admin@acme.io';
const BENCH_PASSWORD = 'benchmark admin password';
const baseUrl = `http://127.0.0.1:${PORT}`;

/** Signs in as the bench admin and makes an API token, as a partner app would use. */
async function partnerToken(): Promise<string> {
  const gql = async (query: string, variables: object, cookie?: string) => {
    const res = await fetch(`${baseUrl}/graphql`, {
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

/** The compiled server, as `npm start` runs it, with WORKERS processes; resolves once every worker serves. */
async function startServer(workers: number, jit: boolean): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...serverNodeFlags(), ...profile, 'dist/server/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      WORKERS: String(workers),
      GRAPHQL_JIT: String(jit),
      ADMIN_EMAIL: BENCH_ADMIN,
      ADMIN_PASSWORD: BENCH_PASSWORD,
      API_RATE_LIMIT: '0', // the benchmark measures the server, not the per-token budget
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  serverPid = child.pid!;
  for (let i = 0; i < 300; i++) {
    try {
      // Every worker answers /healthz once it serves: ask as many times in a row as there are workers.
      const answers = await Promise.all(Array.from({ length: workers * 2 }, () => fetch(`${baseUrl}/healthz`).then((r) => r.ok)));
      if (answers.every(Boolean)) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  child.kill();
  throw new Error('server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  const ended = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await ended;
}

let serverPid = 0;

/** The server's processes: the primary and, with WORKERS above 1, its workers. */
function serverPids(): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${serverPid}/task/${serverPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* not Linux: CPU time is not reported */
  }
  return [serverPid, ...children];
}

/**
 * CPU milliseconds the server's processes have used (user + system, from /proc): on a shared machine the
 * server's CPU time per request is steadier than requests per second, which also measure everyone else's load.
 */
function serverCpuMs(): number {
  let ticks = 0;
  for (const pid of serverPids()) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

function load(name: string, workers: number, opts: Partial<autocannon.Options>, authorization: string): Promise<Measured> {
  const cpuBefore = serverCpuMs();
  return new Promise((ok, fail) => {
    autocannon(
      {
        url: `${baseUrl}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        connections: CONNECTIONS,
        duration: SECONDS,
        ...opts,
      },
      (err, r) => {
        if (err) return fail(err);
        const cpuMsPerRequest = r.requests.total ? Math.round(((serverCpuMs() - cpuBefore) / r.requests.total) * 100) / 100 : 0;
        ok({
          cpuMsPerRequest,
          name,
          workers,
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

async function runScenario(s: Scenario, ctx: BenchContext): Promise<Measured> {
  if (s.measure) {
    return {
      name: s.name,
      workers: ctx.workers,
      requestsPerSecond: 0,
      p50: 0,
      p99: 0,
      errors: 0,
      non2xx: 0,
      cpuMsPerRequest: 0,
      ...(await s.measure(ctx)),
    };
  }
  const result = await load(s.name, ctx.workers, s.load!(ctx), ctx.authorization);
  await s.check?.(ctx, result);
  return result;
}

const main = (): Promise<void> => withBufferPool(url, measureAll);

async function measureAll(): Promise<void> {
  let seedSeconds = 0;
  if (process.env.BENCH_REUSE !== '1') {
    console.log(`Recreating ${url} and seeding ${USERS} users…`);
    await recreateDatabase();
    const t0 = performance.now();
    await seedUsers(url, USERS);
    console.log(`Users, identities and tags in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    await seedFieldValues(url, USERS);
    seedSeconds = (performance.now() - t0) / 1000;
    console.log(`Seeded ${USERS} users in ${seedSeconds.toFixed(1)} s (${Math.round(USERS / seedSeconds)} users/s).`);
  }
  execFileSync(resolve(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });

  const results: (Measured & { jit: string; ratioToFloor: number })[] = [];
  const prefixes = searchPrefixes(USERS);
  for (const [i, { workers, jit }] of SETTINGS.entries()) {
    const server = await startServer(workers, jit);
    try {
      const idleRssMb = rssMb(server.pid!);
      const ctx: BenchContext = {
        users: USERS,
        workers,
        baseUrl,
        authorization: `Bearer ${await partnerToken()}`,
        prefixes,
        serverPid: server.pid!,
        idleRssMb,
      };
      // Warm up the server's code paths (in every worker) and the database's buffer pool.
      await load(
        'warm-up',
        workers,
        { duration: 2 + workers, body: JSON.stringify({ query: '{ users(first: 25) { edges { node { id name email } } } }' }) },
        ctx.authorization,
      );
      const base = await runScenario(floor, ctx);
      results.push({ ...base, jit: String(jit), ratioToFloor: 1 });
      for (const s of scenarios) {
        if ((s.workers ?? 'first') === 'first' && i > 0) continue;
        if (ONLY && !s.name.includes(ONLY)) continue;
        const r = await runScenario(s, ctx);
        results.push({
          ...r,
          jit: String(jit),
          ratioToFloor: r.requestsPerSecond ? Math.round((r.requestsPerSecond / base.requestsPerSecond) * 100) / 100 : 0,
        });
      }
    } finally {
      await stopServer(server);
    }
  }

  console.log(`\n${USERS} users, ${CONNECTIONS} connections, ${SECONDS} s each (latency in ms; ratio to the floor of the same WORKERS):`);
  console.table(results);
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(
    resolve(root, 'bench/results/latest.json'),
    JSON.stringify({ date: new Date().toISOString(), users: USERS, connections: CONNECTIONS, seconds: SECONDS, seedSeconds, results }, null, 2),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
