import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { connectMysql } from '../../server/db/data-source.js';
import { freshDatabase, testDialects } from '../helpers/databases.js';
import { generatedUsersCsv } from '../helpers/generated-csv.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { tempDir, removeTempDir } from '../helpers/test-app.js';

// Kill the server with SIGKILL in the middle of an import: at restart the job resumes from its last committed chunk
// and ends exactly as an uninterrupted run of the same file: no row lost, none doubled.
const ADMIN = { email: 'admin@resume.example.org', password: 'correct horse battery staple' };
const csv = Buffer.concat([...generatedUsersCsv({ bytes: 300_000 })]);

describe.runIf(testDialects().includes('mysql'))('an import killed mid-run resumes, on mysql', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  const start = (url: string, tmp: string, extra: Record<string, string> = {}): ServerProcess =>
    startServerProcess(
      {
        DATABASE_URL: url,
        PORT: '0',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        IMPORT_DIR: `${tmp}/imports`,
        IMPORT_CHUNK_ROWS: '50',
        IMPORT_STALE_SECONDS: '1',
        LOG_LEVEL: 'info',
        ...extra,
      },
      tmp,
    );

  async function upload(port: number): Promise<string> {
    const base = `http://127.0.0.1:${port}`;
    const signIn = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }',
        variables: { e: ADMIN.email, p: ADMIN.password },
      }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('accueil_session='))!
      .split(';')[0];
    const form = new FormData();
    form.append('mode', 'CREATE_OR_UPDATE');
    form.append('file', new Blob([csv]), 'big.csv');
    const res = await fetch(`${base}/imports/users`, { method: 'POST', body: form, headers: { cookie, 'x-accueil-csrf': '1' } });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  async function jobRow(url: string, id: string): Promise<Record<string, unknown>> {
    const conn = await connectMysql(url, true);
    try {
      const [rows] = await conn.query('SELECT status, rows_read, created, updated, unchanged, failed, committed_line FROM import_jobs WHERE id = ?', [
        id,
      ]);
      return (rows as Record<string, unknown>[])[0];
    } finally {
      await conn.end();
    }
  }

  async function until(url: string, id: string, done: (row: Record<string, unknown>) => boolean, ms = 120_000): Promise<Record<string, unknown>> {
    const end = Date.now() + ms;
    for (;;) {
      const row = await jobRow(url, id);
      if (done(row)) return row;
      if (Date.now() > end) throw new Error(`import ${id}: ${JSON.stringify(row)}`);
      await new Promise((ok) => setTimeout(ok, 20));
    }
  }

  /** What the import left in the database: counts, and a checksum of every imported user's data. */
  async function outcome(url: string): Promise<Record<string, unknown>> {
    const conn = await connectMysql(url, true);
    try {
      const one = async (sql: string) => Number(((await conn.query(sql))[0] as { n: unknown }[])[0].n);
      const [users] = await conn.query(`
        SELECT u.name, u.external_id, u.role, u.alias, u.notes, u.verified, u.time_zone, u.locale, u.created_via, o.name AS org,
          (SELECT GROUP_CONCAT(i.value ORDER BY i.value SEPARATOR '|') FROM user_identities i WHERE i.user_id = u.id) AS addresses,
          (SELECT GROUP_CONCAT(t.tag ORDER BY t.tag) FROM user_tags t WHERE t.user_id = u.id) AS tags
        FROM users u LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.created_via = 'IMPORT' ORDER BY u.external_id`);
      return {
        users: await one(`SELECT COUNT(*) AS n FROM users WHERE created_via = 'IMPORT'`),
        identities: await one('SELECT COUNT(*) AS n FROM user_identities'),
        tags: await one('SELECT COUNT(*) AS n FROM user_tags'),
        organizations: await one('SELECT COUNT(*) AS n FROM organizations'),
        createdEvents: await one(`SELECT COUNT(*) AS n FROM audit_events WHERE action = 'CREATED' AND source = 'IMPORT'`),
        changeNews: await one('SELECT COUNT(*) AS n FROM user_change_log'),
        checksum: createHash('sha256').update(JSON.stringify(users)).digest('hex'),
      };
    } finally {
      await conn.end();
    }
  }

  it('ends with the same rows, counts and checksum as an uninterrupted run', async () => {
    const tmp = tempDir();
    const plain = freshDatabase('mysql', 'resume');
    const killed = freshDatabase('mysql', 'resume');
    cleanups.push(plain.cleanup, killed.cleanup, async () => removeTempDir(tmp));

    const once = start(plain.url, tmp);
    const onceJob = await upload(await once.listening());
    const onceRow = await until(plain.url, onceJob, (r) => r.status === 'DONE');
    once.child.kill('SIGTERM');
    await once.exited();

    const victim = start(killed.url, tmp);
    const job = await upload(await victim.listening());
    const before = await until(killed.url, job, (r) => Number(r.rows_read) >= 300);
    victim.child.kill('SIGKILL');
    const died = await victim.exited();
    expect(died.signal).toBe('SIGKILL');
    const atDeath = await jobRow(killed.url, job);
    expect(atDeath.status).toBe('RUNNING');
    expect(Number(atDeath.rows_read)).toBeLessThan(Number(onceRow.rows_read));
    expect(Number(atDeath.rows_read)).toBeGreaterThanOrEqual(Number(before.rows_read));

    const heir = start(killed.url, tmp);
    await heir.listening();
    const resumedRow = await until(killed.url, job, (r) => r.status === 'DONE');
    heir.child.kill('SIGTERM');
    await heir.exited();

    const pick = (r: Record<string, unknown>) => ({
      rows: r.rows_read,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      failed: r.failed,
    });
    expect(pick(resumedRow)).toEqual(pick(onceRow));
    expect(Number(onceRow.created)).toBeGreaterThan(500);
    expect(await outcome(killed.url)).toEqual(await outcome(plain.url));
    uninterrupted = { row: pick(onceRow), outcome: await outcome(plain.url) };
  }, 300_000);

  let uninterrupted: { row: Record<string, unknown>; outcome: Record<string, unknown> } | null = null;

  it('a graceful stop (SIGTERM) leaves the job after its last committed chunk, unclaimed, and the next start ends it the same way', async () => {
    expect(uninterrupted).not.toBeNull();
    const tmp = tempDir();
    const stopped = freshDatabase('mysql', 'resume');
    cleanups.push(stopped.cleanup, async () => removeTempDir(tmp));

    const first = start(stopped.url, tmp, { IMPORT_STALE_SECONDS: '600' });
    const job = await upload(await first.listening());
    await until(stopped.url, job, (r) => Number(r.rows_read) >= 300);
    const asked = Date.now();
    first.child.kill('SIGTERM');
    expect((await first.exited()).code).toBe(0);
    // It did not wait for the rest of the file (a chunk is 50 rows).
    expect(Date.now() - asked).toBeLessThan(15_000);
    const conn = await connectMysql(stopped.url, true);
    const [rows] = await conn.query('SELECT status, claimed_by, rows_read, committed_line FROM import_jobs WHERE id = ?', [job]);
    await conn.end();
    const left = (rows as Record<string, unknown>[])[0];
    expect(left).toMatchObject({ status: 'RUNNING', claimed_by: null });
    expect(Number(left.rows_read)).toBeLessThan(Number(uninterrupted!.row.rows));
    expect(Number(left.committed_line)).toBeGreaterThan(0);

    // Not claimed: the next process takes it at once (the claim would only go stale after 600 s).
    const next = start(stopped.url, tmp, { IMPORT_STALE_SECONDS: '600' });
    await next.listening();
    const ended = await until(stopped.url, job, (r) => r.status === 'DONE');
    next.child.kill('SIGTERM');
    await next.exited();
    expect({ rows: ended.rows_read, created: ended.created, updated: ended.updated, unchanged: ended.unchanged, failed: ended.failed }).toEqual(
      uninterrupted!.row,
    );
    expect(await outcome(stopped.url)).toEqual(uninterrupted!.outcome);
  }, 300_000);
});
