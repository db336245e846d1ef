import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { removeTempDir, startTestApp, tempDir, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { upload, uploadRaw, waitForJob } from '../helpers/imports.js';

// What a script or an attacker may send that is not a whole, well-formed form: answered once with 400 (never 500, never
// twice: a second answer used to throw in an async busboy handler and end the process), nothing kept, the server goes on.
describe.each(testDialects())('POST /imports/users with a broken or doubtful form, on %s', (dialect) => {
  let app: TestApp;
  let dir = '';
  beforeAll(async () => {
    dir = tempDir();
    app = await startTestApp(dialect, { IMPORT_DIR: dir });
  });
  afterAll(async () => {
    await app?.stop();
    removeTempDir(dir);
  });

  const jobs = async () => Number(((await app.db.manager.query('SELECT COUNT(*) AS n FROM import_jobs')) as { n: number | string }[])[0]!.n);
  const part = (headers: string, content: string) => `--zzz\r\n${headers}\r\n\r\n${content}\r\n`;
  const field = (name: string, value: string) => part(`Content-Disposition: form-data; name="${name}"`, value);
  const filePart = (content: string, fileName = 'people.csv') =>
    part(`Content-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv`, content);
  const END = '--zzz--\r\n';
  const refused = (r: { status: number; body: any }, field: string, message: RegExp) => {
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(r.body.errors[0].message).toMatch(message);
  };
  /** What the app keeps: its jobs and its stored files. A refused upload adds nothing to either. */
  const kept = async () => ({ jobs: await jobs(), files: readdirSync(dir).sort() });

  it('a body cut off answers 400 once, keeps nothing, and the next upload is taken', async () => {
    const before = await kept();
    // The security test's body: a field, then the start of a boundary, and the end of the request.
    refused(await uploadRaw(app, '--zzz\r\nContent-Disposition: form-data; name="mode"\r\n\r\nCREATE\r\n--zz'), 'file', /cut off/);
    // Cut in the middle of the file, and after the file but before the form's end: no job for half a form.
    refused(
      await uploadRaw(app, field('mode', 'CREATE') + filePart('name,email\r\nCut Off,cut.off@imp.example.org').slice(0, -2)),
      'file',
      /cut off/,
    );
    refused(
      await uploadRaw(app, field('mode', 'CREATE') + filePart('name,email\r\nCut Off,cut.off@imp.example.org\r\n') + '--zzz'),
      'file',
      /cut off/,
    );
    // Cut in a file that is not read: another part's, or the file of a form already refused (its dryRun).
    refused(await uploadRaw(app, part('Content-Disposition: form-data; name="photo"; filename="me.png"', 'PNG...').slice(0, -2)), 'file', /cut off/);
    refused(
      await uploadRaw(app, field('dryRun', 'maybe') + filePart('name,email\r\nCut Off,cut.off@imp.example.org').slice(0, -2)),
      'dryRun',
      /dryRun/,
    );
    expect(await kept()).toEqual(before);
    // Still serving (the process used to exit here), and a whole form by hand is taken.
    const ok = await uploadRaw(app, field('mode', 'CREATE') + filePart('name,email\r\nWhole Form,whole.form@imp.example.org\r\n') + END);
    expect(ok.status, JSON.stringify(ok.body)).toBe(202);
    expect(await waitForJob(app, ok.body.id, ['DONE', 'FAILED'])).toMatchObject({ status: 'DONE', created: 1 });
    await expect.poll(() => readdirSync(dir).sort()).toEqual(before.files); // a job done without failures keeps no file
    expect((await app.gql('{ userByEmail(email: "cut.off@imp.example.org") { id } }')).data.userByEmail).toBeNull();
  });

  it('a client that goes away mid-file leaves no file and no job behind', async () => {
    const before = await kept();
    const head = Buffer.from(field('mode', 'CREATE') + filePart('name,email\r\n').slice(0, -2), 'latin1');
    const req = request(`${app.url}/imports/users`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'multipart/form-data; boundary=zzz',
        'content-length': String(head.length + 1_000_000),
        cookie: (app.admin as { cookie: string }).cookie,
        'x-accueil-csrf': '1',
      },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write('Gone Away,gone.away@imp.example.org\r\n');
    // The file is being stored; then the connection drops.
    await expect.poll(() => readdirSync(dir).length).toBe(before.files.length + 1);
    req.destroy();
    await expect.poll(() => readdirSync(dir).sort()).toEqual(before.files);
    expect(await kept()).toEqual(before);
    expect((await upload(app, 'name,email\r\n', { dryRun: 'true' })).status).toBe(202);
  });

  it('malformed part headers (control characters in a file name, a huge field name, a line without a colon) answer 400', async () => {
    const before = await kept();
    const CSV = 'name,email\r\nMalformed,malformed@imp.example.org\r\n';
    for (const fileName of ['a\r\nb.csv', 'a\rb.csv', 'a\nb.csv', 'a\u0000b.csv']) {
      refused(await uploadRaw(app, field('mode', 'CREATE') + filePart(CSV, fileName) + END), 'file', /multipart/);
    }
    refused(await uploadRaw(app, field('n'.repeat(100_000), 'x') + filePart(CSV) + END), 'file', /multipart/);
    refused(await uploadRaw(app, part('Garbage', 'x') + filePart(CSV) + END), 'file', /multipart/);
    // After a whole file part: the file was stored already, and goes; no job is made (it would have run at once).
    refused(await uploadRaw(app, field('mode', 'CREATE') + filePart(CSV) + part('Garbage', 'x') + END), 'file', /multipart/);
    // Well-formed, but the decoded name (RFC 5987) holds a line break and a NUL.
    const encodedName = part(`Content-Disposition: form-data; name="file"; filename*=utf-8''a%0D%0Ab%00.csv`, CSV);
    refused(await uploadRaw(app, encodedName + END), 'file', /control character/);
    expect(await kept()).toEqual(before);
    // A content type without a boundary is not multipart either.
    const noBoundary = await fetch(`${app.url}/imports/users`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data', cookie: (app.admin as { cookie: string }).cookie, 'x-accueil-csrf': '1' },
    });
    expect(noBoundary.status).toBe(400);
    expect(((await noBoundary.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await app.gql('{ userByEmail(email: "malformed@imp.example.org") { id } }')).data.userByEmail).toBeNull();
  });

  it('dryRun and blankCellsClear take true/false, 1/0, yes/no, on/off; encoding utf-8 or windows-1252; anything else is refused', async () => {
    const before = await kept();
    const CSV = 'name,email\r\nDoubtful,doubtful@imp.example.org\r\n';
    for (const [name, value] of [
      ['dryRun', 'maybe'],
      ['dryRun', 'oui'],
      ['dryRun', ''],
      ['blankCellsClear', '2'],
      ['encoding', 'utf-7'],
      ['encoding', 'latin1'],
    ] as const) {
      const r = await upload(app, CSV, { mode: 'CREATE', [name]: value });
      refused(r, name, new RegExp(name));
    }
    // A field after the file came too late to be read: refused, not ignored (a dryRun ignored would run the import).
    refused(await uploadRaw(app, filePart(CSV) + field('dryRun', 'true') + END), 'dryRun', /before the file/);
    // A field given twice (mode=CREATE then mode=UPDATE), or a second file, is ambiguous: refused, never last-one-wins or dropped.
    refused(await uploadRaw(app, field('mode', 'CREATE') + field('mode', 'UPDATE') + filePart(CSV) + END), 'mode', /twice/);
    refused(await uploadRaw(app, field('dryRun', 'true') + field('dryRun', 'false') + filePart(CSV) + END), 'dryRun', /twice/);
    refused(await uploadRaw(app, field('mode', 'CREATE') + filePart(CSV) + filePart('name,email\r\n', 'more.csv') + END), 'file', /one file/);
    expect(await kept()).toEqual(before);
    expect((await app.gql('{ userByEmail(email: "doubtful@imp.example.org") { id } }')).data.userByEmail).toBeNull();

    for (const value of ['false', '0', 'No', ' off ']) {
      const r = await upload(app, 'name,email\r\n', { dryRun: value });
      expect(r.body.status, value).toBe('QUEUED');
    }
    for (const value of ['TRUE', '1', 'yes', 'on']) {
      const r = await upload(app, 'name,email\r\n', { dryRun: value });
      expect(r.body.status, value).toBe('PREVIEWING');
    }
    for (const encoding of ['utf-8', 'UTF8', 'windows-1252', 'cp1252']) {
      expect((await upload(app, 'name,email\r\n', { dryRun: 'true', encoding })).status, encoding).toBe(202);
    }
  });
});
