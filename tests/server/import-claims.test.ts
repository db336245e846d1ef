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
  const worker = (staleMs = 60_000) => new ImportWorker(app.db, idle, pino({ level: 'silent' }), { pollMs: 60_000, staleMs });
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
});
