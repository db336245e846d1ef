import { Readable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { ImportWorker } from '../../server/imports/import-worker.js';
import type { ImportRunner } from '../../server/imports/import-runner.js';

// A job is run by one process at a time: claimed in the database, taken over when its holder stops beating.
describe.each(testDialects())('import job claims, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { IMPORT_WORKER: 'false' });
  });
  afterAll(() => app.stop());

  const idle = { execute: async () => undefined } as unknown as ImportRunner;
  const worker = (staleMs = 60_000) => new ImportWorker(app.db, idle, pino({ level: 'silent' }), app.services.imports, { pollMs: 60_000, staleMs });
  const newJob = () =>
    app.services.imports.create({
      fileName: 'x.csv',
      file: Readable.from([Buffer.from('name,email\n')]),
      mode: 'CREATE',
      blankCellsClear: false,
      dryRun: false,
      encoding: 'utf-8',
      createdById: null,
    });

  it('two workers claiming at once: each job goes to exactly one (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const job = await newJob();
      const [a, b] = [worker(), worker()];
      const claims = await Promise.all([a.claim(), b.claim(), a.claim(), b.claim()]);
      const mine = claims.filter((c) => c?.id === job.id);
      expect(mine, `round ${round}`).toHaveLength(1);
      const holder = (await app.services.imports.byId(job.id))!.claimedBy;
      expect([a.owner, b.owner]).toContain(holder);
      await app.services.imports.cancel(job.id);
    }
  });

  it('another worker takes a job over when its holder stops renewing the claim', async () => {
    const job = await newJob();
    const first = worker(300);
    expect((await first.claim())?.id).toBe(job.id);
    const second = worker(300);
    expect(await second.claim()).toBeNull();
    await new Promise((ok) => setTimeout(ok, 450));
    expect((await second.claim())?.id).toBe(job.id);
    expect((await app.services.imports.byId(job.id))!.claimedBy).toBe(second.owner);
    await app.services.imports.cancel(job.id);
  });

  it('an ended job keeps its uploaded file for the retention time, then loses it and its failed-rows download, never its errors', async () => {
    const { existsSync } = await import('node:fs');
    const job = await newJob();
    await app.services.imports.cancel(job.id);
    const path = job.filePath;
    expect(existsSync(path)).toBe(true);
    const gql = `query($id: ID!) { importJob(id: $id) { status failedRowsUrl } }`;
    // Not yet: the job ended a moment ago, the retention is a day.
    expect(await app.services.imports.sweepFiles(86_400_000)).toBe(0);
    expect(existsSync(path)).toBe(true);
    // A day later.
    expect(await app.services.imports.sweepFiles(86_400_000, new Date(Date.now() + 86_400_001))).toBeGreaterThanOrEqual(1);
    expect(existsSync(path)).toBe(false);
    const after = await app.as(app.admin)(gql, { id: String(job.id) });
    expect(after.data.importJob).toEqual({ status: 'CANCELLED', failedRowsUrl: null });
    const res = await fetch(`${app.url}/imports/users/${job.id}/failed-rows.csv`, { headers: { cookie: app.admin.cookie } });
    expect(res.status).toBe(410);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('GONE');
    // An open job's file is never swept, whatever its age.
    const open = await newJob();
    await app.services.imports.sweepFiles(0, new Date(Date.now() + 10 * 86_400_000));
    expect(existsSync(open.filePath)).toBe(true);
    await app.services.imports.cancel(open.id);
  });
});
