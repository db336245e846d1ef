/**
 * `npm run bench:import`: a CSV file of BENCH_IMPORT_ROWS rows (100,000 by
 * default; every column filled, two custom fields) imported into MySQL by the
 * compiled server, beside the floor measured in the same run: the same rows
 * (users, their addresses and tags) inserted by plain mysql2 multi-row
 * INSERTs, 1,000 rows a statement. Reports rows/s and the server's peak
 * resident memory (VmHWM), then createUsers with 1,000 inputs: calls/s and p99.
 *
 * BENCH_IMPORT_MILLION=1 adds a 1,000,000-row file (long: not on a shared machine).
 * BENCH_DATABASE_URL's server is used; the databases accueil_bench_import and
 * accueil_bench_import_floor are dropped and recreated.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { connectMysql, openDatabase } from '../server/db/data-source.js';
import { readCsv } from '../server/imports/csv-reader.js';
import { mapRow } from '../server/imports/row-mapper.js';
import { userColumns } from '../server/imports/user-columns.js';
import { generatedUsersCsv } from '../tests/helpers/generated-csv.js';
import { userSearchWords } from '../server/search/search-words.js';
import { serverNodeFlags } from './server-flags.js';
import { benchDatabaseUrl } from './database-url.js';
import { withBufferPool } from './buffer-pool.js';
import { prefixesOf } from '../server/search/prefix-counts.js';

const root = resolve(import.meta.dirname, '..');
const importUrl = benchDatabaseUrl('accueil_bench_import');
const floorUrl = benchDatabaseUrl('accueil_bench_import_floor');
const PORT = Number(process.env.BENCH_PORT ?? 4601);
const ADMIN = { email: 'bench.admin@acme.io', password: 'benchmark admin password' };
const FIELDS = ['plan', 'tier'];
const BULK_CALLS = Number(process.env.BENCH_BULK_CALLS ?? 10);

async function recreate(url: string): Promise<void> {
  const conn = await connectMysql(url);
  await conn.query(`DROP DATABASE IF EXISTS \`${new URL(url).pathname.slice(1)}\``);
  await conn.end();
  await (await openDatabase(url)).destroy(); // creates and migrates
}

async function startServer(dir: string): Promise<ChildProcess> {
  // BENCH_NODE_ARGS: extra flags for the server's node (a profile: --cpu-prof --cpu-prof-dir=/tmp/prof).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // As `npm start` runs it: a 512 MB old space makes V8 collect before its heap is four times what is live.
  const startArgs = serverNodeFlags();
  const child = spawn(process.execPath, [...startArgs, ...nodeArgs, 'dist/server/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: importUrl,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      API_RATE_LIMIT: '0',
      EMAIL_DOMAIN_CHECK: 'off',
      IMPORT_DIR: join(dir, 'uploads'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  child.kill();
  throw new Error('server did not start');
}

let cookie = '';
async function gql(query: string, variables: object = {}, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  if (!cookie)
    cookie =
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith('accueil_session='))
        ?.split(';')[0] ?? '';
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The server's peak resident memory so far, in MB (Linux). */
const peakRssMb = (pid: number): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
/** The server's resident memory now, in MB (Linux). */
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function writeFile(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  for (const chunk of generatedUsersCsv({ bytes: 0, rows, customFieldKeys: FIELDS })) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
  return statSync(path).size;
}

async function importRun(
  path: string,
  pid: number,
): Promise<{ rows: number; seconds: number; rowsPerSecond: number; created: number; failed: number; rssMB: Record<string, number> }> {
  // The server's resident memory as the rows go by (a quarter, half, three quarters, all): flat or growing.
  const rssMB: Record<string, number> = {};
  const form = new FormData();
  form.append('mode', 'CREATE');
  form.append('file', new Blob([readFileSync(path)]), 'bench.csv');
  const res = await fetch(`http://127.0.0.1:${PORT}/imports/users`, { method: 'POST', body: form, headers: { cookie, 'x-accueil-csrf': '1' } });
  if (res.status !== 202) throw new Error(`the upload was refused: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    await new Promise((ok) => setTimeout(ok, 1000));
    const { importJob: j } = await gql('query($id: ID!) { importJob(id: $id) { status rowsRead rowsTotal created failed startedAt finishedAt } }', {
      id,
    });
    process.stdout.write(`\r  ${j.status} ${j.rowsRead}/${j.rowsTotal ?? '?'}   `);
    if (j.rowsTotal) {
      const quarter = `${Math.floor((j.rowsRead / j.rowsTotal) * 4) * 25}%`;
      if (quarter !== '0%') rssMB[quarter] = Math.max(rssMB[quarter] ?? 0, Math.round(rssMb(pid)));
    }
    if (['DONE', 'FAILED', 'CANCELLED'].includes(j.status)) {
      process.stdout.write('\n');
      const seconds = (Date.parse(j.finishedAt) - Date.parse(j.startedAt)) / 1000;
      return { rows: j.rowsRead, seconds, rowsPerSecond: Math.round(j.rowsRead / seconds), created: j.created, failed: j.failed, rssMB };
    }
  }
}

/**
 * The floor: the same rows parsed the same way, written by plain multi-row
 * INSERTs into the same tables the import fills: users, user_identities,
 * user_tags, user_field_values, audit_events (one CREATED line a user with
 * its fields), user_change_log and user_search_words (the words computed by
 * the index's own function), 1,000 users a transaction. No validation, no
 * organizations, no savepoints: what the database alone costs.
 */
async function floorRun(path: string): Promise<{ rows: number; seconds: number; rowsPerSecond: number }> {
  await recreate(floorUrl);
  const conn = await connectMysql(floorUrl, true);
  const fieldIds = new Map<string, number>();
  for (const [i, key] of FIELDS.entries()) {
    const [r] = (await conn.query(
      'INSERT INTO user_fields (field_key, title, type, position, created_at, updated_at) VALUES (?, ?, ?, ?, NOW(3), NOW(3))',
      [key, key, 'TEXT', i],
    )) as unknown as [{ insertId: number }];
    fieldIds.set(key, r.insertId);
  }
  const started = performance.now();
  let rows = 0;
  let batch: ReturnType<typeof mapRow>['user'][] = [];
  const now = new Date();
  const flush = async () => {
    if (batch.length === 0) return;
    const users = batch.map((u) => [
      u.name,
      (u.name ?? '').toLowerCase(),
      u.role ?? 'END_USER',
      u.phones?.[0] ?? null,
      u.timeZone,
      u.locale,
      u.externalId,
      u.externalId?.toLowerCase(),
      u.alias,
      u.details,
      u.notes,
      u.verified ? 1 : 0,
      u.suspended ? 1 : 0,
      'IMPORT',
      now,
      now,
    ]);
    const [r] = (await conn.query(
      'INSERT INTO users (name, name_key, role, phone, time_zone, locale, external_id, external_id_key, alias, details, notes, verified, suspended, created_via, created_at, updated_at) VALUES ?',
      [users],
    )) as unknown as [{ insertId: number }];
    const identities: unknown[][] = [];
    const tags: unknown[][] = [];
    batch.forEach((u, i) => {
      const id = r.insertId + i;
      (u.emails ?? []).forEach((e, k) =>
        identities.push([id, 'EMAIL', e, e.toLowerCase(), e.toLowerCase(), k === 0 ? 1 : 0, 0, 'UNKNOWN', 0, now, now]),
      );
      (u.phones ?? []).forEach((p) => identities.push([id, 'PHONE', p, p, null, 0, 0, 'UNKNOWN', 1, now, now]));
      for (const t of new Set(u.tags ?? [])) tags.push([id, t.toLowerCase()]);
    });
    await conn.query(
      'INSERT INTO user_identities (user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, shared, created_at, updated_at) VALUES ?',
      [identities],
    );
    if (tags.length) await conn.query('INSERT IGNORE INTO user_tags (user_id, tag) VALUES ?', [tags]);
    const values: unknown[][] = [];
    const audit: unknown[][] = [];
    const changes: unknown[][] = [];
    const words: unknown[][] = [];
    const prefixes = new Map<string, number>();
    batch.forEach((u, i) => {
      const id = r.insertId + i;
      for (const f of u.fields ?? []) if (f.value) values.push([id, fieldIds.get(f.key), f.value.toLowerCase(), f.value, now]);
      const recorded = Object.entries(u)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([field, v]) => ({ field, oldValue: null, newValue: typeof v === 'string' ? v : JSON.stringify(v), redacted: false }));
      audit.push(['user', id, 'CREATED', 'IMPORT', 'USER', 1, null, 'Import', JSON.stringify(recorded), now]);
      changes.push([id, 'CREATED', now]);
      const w = userSearchWords({
        name: u.name ?? '',
        alias: u.alias ?? null,
        emails: u.emails ?? [],
        phones: u.phones ?? [],
        externalId: u.externalId ?? null,
        organizationName: u.organization ?? null,
        tags: u.tags ?? [],
        role: 'END_USER',
      });
      for (const word of new Set(w.map((x) => x.word))) words.push([id, word]);
      for (const p of prefixesOf(w.map((x) => x.word))) prefixes.set(p, (prefixes.get(p) ?? 0) + 1);
    });
    if (values.length) await conn.query('INSERT INTO user_field_values (user_id, field_id, value_key, value, updated_at) VALUES ?', [values]);
    await conn.query(
      'INSERT INTO audit_events (subject_type, subject_id, action, source, actor_kind, actor_user_id, actor_token_id, actor_token_name, changes, created_at) VALUES ?',
      [audit],
    );
    await conn.query('INSERT INTO user_change_log (user_id, kind, changed_at) VALUES ?', [changes]);
    for (let i = 0; i < words.length; i += 2000)
      await conn.query('INSERT INTO user_search_words (user_id, word) VALUES ?', [words.slice(i, i + 2000)]);
    // The one- and two-letter prefix counts' deltas, as the search index's listener appends them.
    await conn.query('INSERT INTO user_search_prefix_deltas (prefix, users) VALUES ?', [[...prefixes].map(([p, n]) => [p, n])]);
    batch = [];
  };
  let header;
  for await (const item of readCsv(createReadStream(path), { columns: userColumns(FIELDS) })) {
    if (item.kind === 'header') header = item.header;
    else if (item.kind === 'row') {
      batch.push(mapRow(item, header!).user);
      rows++;
      if (batch.length === 1000) {
        await conn.query('START TRANSACTION');
        await flush();
        await conn.query('COMMIT');
      }
    }
  }
  await flush();
  await conn.end();
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
}

async function bulkRun(): Promise<{ calls: number; callsPerSecond: number; p50: number; p99: number }> {
  const times: number[] = [];
  for (let c = 0; c < BULK_CALLS; c++) {
    const inputs = Array.from({ length: 1000 }, (_, i) => ({
      name: `Bulk ${c}-${i}`,
      email: `bulk.${c}.${i}@bulk-bench.example.org`,
      externalId: `bulk-${c}-${i}`,
      tags: ['bulk'],
      timeZone: 'Europe/Paris',
    }));
    const t = performance.now();
    const r = await gql('mutation($inputs: [CreateUserInput!]!) { createUsers(inputs: $inputs) { status } }', { inputs });
    times.push(performance.now() - t);
    if (r.createUsers.some((o: { status: string }) => o.status !== 'CREATED')) throw new Error('a bulk input failed');
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
  return { calls: times.length, callsPerSecond: Math.round((1000 / mean) * 100) / 100, p50: at(0.5), p99: at(0.99) };
}

// The import and its floor write the same rows: both with the pool a production server would have (bench/buffer-pool.ts).
const main = (): Promise<void> => withBufferPool(floorUrl, measureAll);

async function measureAll(): Promise<void> {
  const dir = join(tmpdir(), `accueil-bench-import-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const sizes = [Number(process.env.BENCH_IMPORT_ROWS ?? 100_000), ...(process.env.BENCH_IMPORT_MILLION === '1' ? [1_000_000] : [])];
  execFileSync(resolve(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });
  const results = [];
  try {
    for (const size of sizes) {
      const path = join(dir, `users-${size}.csv`);
      const bytes = await writeFile(path, size);
      console.log(`${size.toLocaleString('en-US')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
      await recreate(importUrl);
      const server = await startServer(dir);
      const idleRss = Math.round(rssMb(server.pid!));
      try {
        cookie = '';
        await gql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: ADMIN.email, p: ADMIN.password });
        for (const key of FIELDS) await gql(`mutation { createUserField(input: { key: "${key}", title: "${key}", type: TEXT }) { id } }`);
        const imported = await importRun(path, server.pid!);
        console.log('  server RSS MB by progress', imported.rssMB);
        const rss = Math.round(peakRssMb(server.pid!));
        // BENCH_SKIP_FLOOR=1: the import alone (its memory, a profile), no ratio.
        const floor = process.env.BENCH_SKIP_FLOOR === '1' ? null : await floorRun(path);
        const bulk = size === sizes[0] ? await bulkRun() : null;
        results.push({
          rows: size,
          fileMB: Math.round(bytes / 1024 / 1024),
          import: imported,
          serverIdleRssMB: idleRss,
          serverPeakRssMB: rss,
          floor,
          ratio: floor ? Math.round((imported.rowsPerSecond / floor.rowsPerSecond) * 1000) / 1000 : null,
          createUsers1000: bulk,
        });
        console.table([
          {
            rows: size,
            'import rows/s': imported.rowsPerSecond,
            'floor rows/s': floor?.rowsPerSecond ?? '-',
            ratio: results.at(-1)!.ratio,
            'idle RSS MB': idleRss,
            'peak RSS MB': rss,
          },
        ]);
        if (bulk) console.table([{ 'createUsers(1,000) calls/s': bulk.callsPerSecond, 'p50 ms': bulk.p50, 'p99 ms': bulk.p99 }]);
      } finally {
        server.kill('SIGTERM');
        await once(server, 'exit');
      }
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/import-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
