import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { importFile, JOB_FIELDS } from '../helpers/imports.js';

/**
 * An import's row errors are written in the background, outside any request:
 * they are kept as catalog messages and read in the reader's language
 * (Accueil-Language, then Accept-Language, then English).
 */

const JOB = `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`;

describe.each(testDialects())('import errors in the reader’s language, on %s', (dialect) => {
  let app: TestApp;
  let ownerId = '';
  beforeAll(async () => {
    app = await startTestApp(dialect, { IMPORT_CHUNK_ROWS: '2' });
    const taken = await app.gql('mutation { createUser(input: { name: "Owner Of Taken", email: "taken@lang.example.org" }) { user { id } } }');
    expect(taken.errors).toBeUndefined();
    ownerId = taken.data.createUser.user.id;
  });
  afterAll(() => app.stop());

  const FILE = [
    'Name,Email',
    'Ada Lovelace,ada@lang.example.org',
    'Bad Email,not-an-address',
    'Ada Twin,ADA@lang.example.org',
    'Ragged',
    'Conflict,taken@lang.example.org',
  ].join('\r\n');

  const read = async (id: string, headers: Record<string, string>) => {
    const r = await app.as(app.admin)(JOB, { id }, headers);
    expect(r.errors).toBeUndefined();
    return r.data.importJob as {
      status: string;
      fileError: string | null;
      errors: { line: number; column: string | null; code: string; message: string }[];
    };
  };
  const byCode = (job: Awaited<ReturnType<typeof read>>) => Object.fromEntries(job.errors.map((e) => [e.code, e.message]));

  const expectFrench = (job: Awaited<ReturnType<typeof read>>) => {
    expect(job.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'Email', 'BAD_USER_INPUT'],
      [4, 'Email', 'DUPLICATE_IN_FILE'],
      [5, null, 'RAGGED_ROW'],
      [6, 'Email', 'EMAIL_TAKEN'],
    ]);
    const m = byCode(job);
    expect(m.DUPLICATE_IN_FILE).toBe('La ligne 2 a déjà une adresse e-mail de cette ligne (sans tenir compte de la casse).');
    expect(m.RAGGED_ROW).toBe('La ligne 5 a 1 cellule alors que l’en-tête a 2 colonnes.');
    expect(m.BAD_USER_INPUT).toMatch(/adresse/i);
    expect(m.EMAIL_TAKEN).toMatch(/adresse/i);
  };
  const expectEnglish = (job: Awaited<ReturnType<typeof read>>) => {
    const m = byCode(job);
    expect(m.DUPLICATE_IN_FILE).toBe('Row 2 already has an email address of this row (in any letter case).');
    expect(m.RAGGED_ROW).toBe('Row 5 has 1 cell where the header has 2 columns.');
    expect(m.BAD_USER_INPUT).not.toMatch(/adresse/i);
    expect(m.EMAIL_TAKEN).toMatch(/taken@lang\.example\.org|address/i);
  };

  let previewId = '';
  let englishTaken = '';

  it('a preview’s row errors read in French (Accept-Language, or the app’s header before it) and in English by default', async () => {
    const job = await importFile(app, FILE, { mode: 'CREATE', dryRun: 'true' });
    previewId = job.id;
    expect(job).toMatchObject({ status: 'PREVIEWED', created: 1, failed: 4 });
    expectEnglish(job);
    englishTaken = byCode(job).EMAIL_TAKEN;
    expectFrench(await read(previewId, { 'accept-language': 'fr-FR,fr;q=0.9' }));
    expectFrench(await read(previewId, { 'accueil-language': 'fr', 'accept-language': 'en-US' }));
    const english = await read(previewId, { 'accueil-language': 'en', 'accept-language': 'fr' });
    expectEnglish(english);
    expect(byCode(english).EMAIL_TAKEN).toBe(englishTaken);
    // The database keeps the English text (logs, the command line) next to the message.
    const rows: { message: string; message_json: string | null }[] = await app.db.manager.query(
      'SELECT message, message_json FROM import_row_errors WHERE job_id = ? ORDER BY id',
      [Number(previewId)],
    );
    expect(rows.map((r) => r.message)).toContain('Row 5 has 1 cell where the header has 2 columns.');
    expect(rows.every((r) => r.message_json !== null)).toBe(true);
  });

  it('the run’s row errors and its failed-rows file, in French', async () => {
    const run = await app.as(app.admin)('mutation($id: ID!) { runImportJob(id: $id) { status } }', { id: previewId });
    expect(run.errors).toBeUndefined();
    let job = await read(previewId, { 'accept-language': 'fr' });
    for (let i = 0; i < 600 && job.status !== 'DONE'; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      job = await read(previewId, { 'accept-language': 'fr' });
    }
    expect(job.status).toBe('DONE');
    expectFrench(job);
    expectEnglish(await read(previewId, {}));

    const csv = async (headers: Record<string, string>) => {
      const res = await fetch(`${app.url}/imports/users/${previewId}/failed-rows.csv`, { headers: { cookie: app.admin.cookie, ...headers } });
      expect(res.status).toBe(200);
      return (await res.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    const fr = await csv({ 'accueil-language': 'fr-CA' });
    expect(fr[0]).toBe('Name,Email,errors');
    expect(fr).toHaveLength(5);
    expect(fr[2]).toBe('Ada Twin,ADA@lang.example.org,Email: La ligne 2 a déjà une adresse e-mail de cette ligne (sans tenir compte de la casse).');
    expect(fr[3]).toBe(',,La ligne 5 a 1 cellule alors que l’en-tête a 2 colonnes.');
    const en = await csv({});
    expect(en[3]).toBe(',,Row 5 has 1 cell where the header has 2 columns.');
  });

  it('a refused header: its problems and the file error in the reader’s language', async () => {
    const job = await importFile(app, 'name,email,Courriel\nAda,ada2@lang.example.org,x\n', { mode: 'CREATE' });
    expect(job.status).toBe('FAILED');
    expect(job.errors).toEqual([
      { line: 1, column: 'Courriel', code: 'UNKNOWN_COLUMN', message: '"Courriel" (column C) is not a column this import knows.' },
    ]);
    expect(job.fileError).toBe('The header row has a problem: "Courriel" (column C) is not a column this import knows.');
    const fr = await read(job.id, { 'accept-language': 'fr' });
    expect(fr.errors[0].message).toBe('"Courriel" (colonne C) n’est pas une colonne connue de cet import.');
    expect(fr.fileError).toBe('La ligne d’en-tête a un problème\u00a0: "Courriel" (colonne C) n’est pas une colonne connue de cet import.');
  });

  it('rows written before messages were kept show their stored text, whatever the language', async () => {
    await app.db.transaction((m) =>
      m.query("UPDATE import_row_errors SET message_json = NULL, message = 'Old English text.' WHERE job_id = ? AND code = 'RAGGED_ROW'", [
        Number(previewId),
      ]),
    );
    expect(byCode(await read(previewId, { 'accept-language': 'fr' })).RAGGED_ROW).toBe('Old English text.');
  });

  it('erasing a person scrubs them from the row errors’ messages too', async () => {
    const mentions = async () =>
      (
        (await app.db.manager.query('SELECT message, message_json FROM import_row_errors WHERE job_id = ?', [Number(previewId)])) as {
          message: string;
          message_json: string | null;
        }[]
      ).filter((r) => `${r.message} ${r.message_json ?? ''}`.includes('Owner Of Taken'));
    expect((await mentions()).length).toBeGreaterThan(0);
    expect((await app.as(app.admin)('mutation($id: ID!) { deleteUser(id: $id) }', { id: ownerId })).errors).toBeUndefined();
    expect((await app.as(app.admin)('mutation($id: ID!) { eraseUser(id: $id) }', { id: ownerId })).errors).toBeUndefined();
    expect(await mentions()).toEqual([]);
    const taken = byCode(await read(previewId, { 'accept-language': 'fr' })).EMAIL_TAKEN;
    expect(taken).not.toContain('Owner Of Taken');
  });
});
