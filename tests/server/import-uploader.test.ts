import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { JOB_FIELDS, upload } from '../helpers/imports.js';
import { ImportRunner } from '../../server/imports/import-runner.js';
import { ImportJobEntity } from '../../server/imports/import-job.entity.js';
import type { UserService } from '../../server/users/user.service.js';

const UPDATE_USER = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }';

/**
 * An import runs later, in a worker: it runs only while its uploader may still import. Checked when the job starts
 * and before each chunk; otherwise it stops FAILED with the reason on the job, and what was committed before stays.
 */
describe.each(testDialects())('an import and its uploader, on %s', (dialect) => {
  let app: TestApp;
  let seq = 0;
  beforeAll(async () => {
    // No worker in the app: the test runs each job itself, after changing its uploader.
    app = await startTestApp(dialect, { IMPORT_WORKER: 'false' });
  });
  afterAll(() => app?.stop());

  const rows = (n: number) => {
    const stem = `u${++seq}x${Date.now()}`;
    return `name,email\n${Array.from({ length: n }, (_, i) => `Row ${i + 1},${stem}.${i + 1}@imported.example.org`).join('\n')}\n`;
  };
  const importedCount = async (csv: string) => {
    let n = 0;
    for (const email of csv
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split(',')[1]))
      if (await app.services.users.findByEmail(email)) n++;
    return n;
  };
  const job = async (id: string) => (await app.as(app.admin)(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id })).data.importJob;
  /** Claims the job and runs it to its end, as the app's worker does (users: the service the runner writes through). */
  const runJob = async (id: string, users: UserService = app.services.users) => {
    const runner = new ImportRunner({ db: app.db, users, fieldValues: app.services.fieldValues, log: pino({ level: 'silent' }), chunkRows: 2 });
    const owner = `test:${id}`;
    await app.db.transaction((m) => m.update(ImportJobEntity, { id: Number(id) }, { claimedBy: owner, heartbeatAt: new Date() }));
    await runner.execute((await app.services.imports.byId(Number(id)))!, owner);
    return job(id);
  };
  const uploader = async () => {
    const person = await app.person('ADMIN');
    const t = await app.as(person.auth)('mutation { createApiToken(input: { name: "importer", scopes: [IMPORT] }) { token { id } secret } }');
    expect(t.errors).toBeUndefined();
    const token: Auth = { kind: 'token', token: t.data.createApiToken.secret };
    return { ...person, token, tokenId: t.data.createApiToken.token.id as string };
  };
  const queue = async (csv: string, auth: Auth, fields: Record<string, string> = {}) => {
    const r = await upload(app, csv, fields, auth);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return r.body.id as string;
  };

  it('a job whose uploader was suspended, deleted or demoted before it ran stops FAILED at once, writing nothing', async () => {
    const changes: [string, (u: Awaited<ReturnType<typeof uploader>>) => Promise<unknown>, RegExp][] = [
      ['suspended', (u) => app.as(app.admin)(UPDATE_USER, { id: u.id, i: { suspended: true } }), /suspended/],
      ['deleted', (u) => app.as(app.admin)('mutation($id: ID!) { deleteUser(id: $id) }', { id: u.id }), /deleted/],
      ['demoted', (u) => app.as(app.admin)(UPDATE_USER, { id: u.id, i: { role: 'AGENT' } }), /may no longer import/],
    ];
    for (const [what, change, reason] of changes) {
      for (const auth of ['session', 'token'] as const) {
        const u = await uploader();
        const csv = rows(3);
        const id = await queue(csv, auth === 'session' ? u.auth : u.token);
        expect((await job(id)).status).toBe('QUEUED');
        const r = (await change(u)) as { errors?: unknown };
        expect(r.errors, `${what}: ${JSON.stringify(r.errors)}`).toBeUndefined();
        const after = await runJob(id);
        expect(after, `${what} (${auth})`).toMatchObject({ status: 'FAILED', rowsRead: 0, created: 0, updated: 0, failed: 0 });
        expect(after.fileError, `${what} (${auth})`).toMatch(reason);
        expect(after.finishedAt).not.toBeNull();
        expect(await importedCount(csv), `${what} (${auth})`).toBe(0);
      }
    }
  });

  it('a job uploaded with a token stops when the token is revoked; a preview stops too', async () => {
    const u = await uploader();
    const csv = rows(3);
    const id = await queue(csv, u.token);
    expect((await app.as(app.admin)('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: u.tokenId })).errors).toBeUndefined();
    const after = await runJob(id);
    expect(after).toMatchObject({ status: 'FAILED', rowsRead: 0, created: 0 });
    expect(after.fileError).toMatch(/token .*revoked/);
    expect(await importedCount(csv)).toBe(0);

    const v = await uploader();
    const preview = await queue(rows(3), v.auth, { dryRun: 'true' });
    expect((await app.as(app.admin)(UPDATE_USER, { id: v.id, i: { suspended: true } })).errors).toBeUndefined();
    expect(await runJob(preview)).toMatchObject({ status: 'FAILED', rowsRead: 0, created: 0 });
  });

  it('revoked while it runs: the chunks committed before stay, nothing after is written', async () => {
    const u = await uploader();
    const csv = rows(6);
    const id = await queue(csv, u.token);
    // After the first chunk (2 rows) commits, the token is revoked: the second chunk must not be written.
    const users = Object.create(app.services.users) as UserService;
    let chunks = 0;
    users.writeBatch = async (...args) => {
      const outcomes = await app.services.users.writeBatch(...args);
      if (++chunks === 1) await app.as(app.admin)('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: u.tokenId });
      return outcomes;
    };
    const after = await runJob(id, users);
    expect(chunks).toBe(1);
    expect(after).toMatchObject({ status: 'FAILED', rowsRead: 2, created: 2, failed: 0 });
    expect(after.fileError).toMatch(/token .*revoked/);
    expect(await importedCount(csv)).toBe(2);

    // The same with a session upload whose uploader is suspended mid-run.
    const v = await uploader();
    const csv2 = rows(6);
    const id2 = await queue(csv2, v.auth);
    const users2 = Object.create(app.services.users) as UserService;
    users2.writeBatch = async (...args) => {
      const outcomes = await app.services.users.writeBatch(...args);
      await app.as(app.admin)(UPDATE_USER, { id: v.id, i: { suspended: true } });
      return outcomes;
    };
    const after2 = await runJob(id2, users2);
    expect(after2).toMatchObject({ status: 'FAILED', rowsRead: 2, created: 2 });
    expect(after2.fileError).toMatch(/suspended/);
    expect(await importedCount(csv2)).toBe(2);
  });

  it('an uploader who may still import runs to the end, as before', async () => {
    const u = await uploader();
    const csv = rows(5);
    const done = await runJob(await queue(csv, u.token));
    expect(done).toMatchObject({ status: 'DONE', rowsRead: 5, created: 5, fileError: null });
    expect(await importedCount(csv)).toBe(5);
  });
});
