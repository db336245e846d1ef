import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { removeTempDir, startTestApp, tempDir, type TestApp } from '../helpers/test-app.js';
import { upload } from '../helpers/imports.js';
import { MAX_IMPORT_BYTES } from '../../server/imports/import-jobs.service.js';

// A file over the import's limit is refused with 413 as soon as the limit is passed, and nothing is kept of it.
describe('an upload over 200 MB', () => {
  let app: TestApp;
  const dir = tempDir();
  beforeAll(async () => {
    app = await startTestApp('sqlite', { IMPORT_DIR: dir });
  });
  afterAll(async () => {
    await app.stop();
    removeTempDir(dir);
  });

  it('answers 413 PAYLOAD_TOO_LARGE, and leaves no job and no file behind', async () => {
    const head = Buffer.from('name,email\r\n');
    const row = Buffer.from(`${'x'.repeat(1000)},someone@example.org\r\n`);
    const rows = Math.ceil((MAX_IMPORT_BYTES + 1024 * 1024) / row.length);
    const body = Buffer.alloc(head.length + rows * row.length);
    head.copy(body);
    for (let i = 0; i < rows; i++) row.copy(body, head.length + i * row.length);
    const form = new FormData();
    form.append('mode', 'CREATE');
    form.append('file', new Blob([body], { type: 'text/csv' }), 'big.csv');
    const encoded = new Response(form);
    const payload = Buffer.from(await encoded.arrayBuffer());
    const started = Date.now();
    // On a connection of its own: fetch could take a kept-alive one just as the server closes it for idleness (after building
    // 200 MB on a busy machine), and a POST is not retried.
    const res = await new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(`${app.url}/imports/users`, {
        method: 'POST',
        agent: false,
        timeout: 20_000,
        headers: {
          'content-type': encoded.headers.get('content-type')!,
          'content-length': String(payload.length),
          cookie: (app.admin as { cookie: string }).cookie,
          'x-accueil-csrf': '1',
        },
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 20 s')));
      req.on('error', fail);
      req.on('response', (r) => {
        let text = '';
        r.setEncoding('utf8').on('data', (c: string) => (text += c));
        r.on('end', () => done({ status: r.statusCode!, body: text }));
      });
      req.end(payload);
    });
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(20_000);
    const jobs = (await app.db.manager.query('SELECT COUNT(*) AS n FROM import_jobs')) as { n: number | string }[];
    expect(Number(jobs[0].n)).toBe(0);
    expect(readdirSync(dir)).toEqual([]);

    // The next upload is taken as usual.
    const ok = await upload(app, 'name,email\r\nAfter Big,after.big@example.org\r\n', { mode: 'CREATE' });
    expect(ok.status).toBe(202);
  }, 60_000);
});
