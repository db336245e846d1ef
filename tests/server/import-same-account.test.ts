import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { importFile } from '../helpers/imports.js';

/**
 * Two rows of one file never write one account: a row whose match (by phone,
 * email or external id) an earlier row of the file already created, updated
 * or found unchanged fails as DUPLICATE_IN_FILE naming that row, in the same
 * chunk or a later one, in a preview as in the run. Otherwise the later row
 * silently overwrote the earlier one, and importing the file again changed
 * the account back and forth (UPDATED every time, never "unchanged").
 */

const SHARED = '+33 6 55 55 55 55';

describe.each(testDialects())('an import writes an account from one row only, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    // Chunks of two rows: rows 2-3, 4-5, 6-7, 8.
    app = await startTestApp(dialect, { IMPORT_CHUNK_ROWS: '2' });
    for (const [name, email] of [
      ['Xavier Old', 'x@same.example.org'],
      ['Yvonne Old', 'y@same.example.org'],
    ]) {
      // Two different customers sharing one phone number (a household): legitimate.
      const r = await app.gql(
        'mutation($n: String!, $e: String!, $p: String!) { createUser(input: { name: $n, email: $e, phone: $p }) { user { id } } }',
        {
          n: name,
          e: email,
          p: SHARED,
        },
      );
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(() => app.stop());

  const FILE = [
    'name,email,phone',
    'Ann,ann@same.example.org,+33 6 11 11 11 11', // 2: created
    'Ann Other,ann.other@same.example.org,+33 6 11 11 11 11', // 3: row 2's account by phone, same chunk
    'Ben,ben@same.example.org,+33 6 22 22 22 22', // 4: created
    'Xavier,x@same.example.org,' + SHARED, // 5: Xavier updated (by email)
    'Yvonne,y@same.example.org,' + SHARED, // 6: Yvonne updated: the shared phone of another customer is no conflict
    'Ben Again,ben.again@same.example.org,+33 6 22 22 22 22', // 7: row 4's new account by phone, a later chunk
    'Xavier By Phone,,' + SHARED, // 8: Xavier (who holds the number) by phone, written by row 5
  ].join('\r\n');

  const EXPECTED_ERRORS = [
    [3, 'phone', 'DUPLICATE_IN_FILE'],
    [7, 'phone', 'DUPLICATE_IN_FILE'],
    [8, 'phone', 'DUPLICATE_IN_FILE'],
  ];
  const user = async (email: string) =>
    (await app.gql('query($e: String!) { userByEmail(email: $e) { name email phone identities { value } } }', { e: email })).data.userByEmail;

  it('a preview fails every row naming an account an earlier row wrote, as the run will', async () => {
    const job = await importFile(app, FILE, { mode: 'CREATE_OR_UPDATE', dryRun: 'true' });
    expect(job).toMatchObject({ status: 'PREVIEWED', created: 2, updated: 2, unchanged: 0, failed: 3 });
    expect(job.errors.map((e: any) => [e.line, e.column, e.code])).toEqual(EXPECTED_ERRORS);
  });

  it('the run fails them too, naming the earlier row, and leaves the earlier row’s data alone', async () => {
    const job = await importFile(app, FILE, { mode: 'CREATE_OR_UPDATE' });
    expect(job).toMatchObject({ status: 'DONE', created: 2, updated: 2, unchanged: 0, failed: 3 });
    expect(job.errors.map((e: any) => [e.line, e.column, e.code])).toEqual(EXPECTED_ERRORS);
    expect(job.errors.map((e: any) => e.message)).toEqual(
      [2, 4, 5].map((line) => `This row's phone number matches the account row ${line} already wrote: one file writes an account from one row only.`),
    );
    expect(await user('ann@same.example.org')).toMatchObject({ name: 'Ann', email: 'ann@same.example.org', phone: '+33611111111' });
    expect(await user('ann.other@same.example.org')).toBeNull();
    expect((await user('ann@same.example.org')).identities).toHaveLength(2);
    expect(await user('ben@same.example.org')).toMatchObject({ name: 'Ben', email: 'ben@same.example.org', phone: '+33622222222' });
    expect(await user('x@same.example.org')).toMatchObject({ name: 'Xavier' });
    expect(await user('y@same.example.org')).toMatchObject({ name: 'Yvonne', phone: '+33655555555' });
  });

  it('importing the same file again changes nothing: every written row unchanged, the same rows failing', async () => {
    for (let i = 0; i < 2; i++) {
      const job = await importFile(app, FILE, { mode: 'CREATE_OR_UPDATE' });
      expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 4, failed: 3 });
      expect(job.errors.map((e: any) => [e.line, e.column, e.code])).toEqual(EXPECTED_ERRORS);
    }
  });

  it('the message reads in French', async () => {
    const job = await importFile(app, FILE, { mode: 'CREATE_OR_UPDATE', dryRun: 'true' });
    const r = await app.as(app.admin)(
      'query($id: ID!) { importJob(id: $id) { errors(first: 10) { line message } } }',
      { id: job.id },
      {
        'accept-language': 'fr',
      },
    );
    expect(r.data.importJob.errors[0]).toEqual({
      line: 3,
      message:
        'Le numéro de téléphone de cette ligne désigne le compte déjà écrit par la ligne 2\u00a0: un fichier n’écrit un compte que depuis une seule ligne.',
    });
  });

  it('matched by email or by external id: the same rule', async () => {
    const first = await importFile(app, 'name,emails,external_id\nVic,v@same.example.org|v2@same.example.org,v-1', { mode: 'CREATE' });
    expect(first).toMatchObject({ status: 'DONE', created: 1 });
    const file = [
      'name,emails,external_id',
      'Vic One,v@same.example.org,', // 2: Vic, by his first email
      'Vic Two,v2@same.example.org,', // 3: Vic again, by his other email
      'Vic Three,v3@same.example.org,v-1', // 4: Vic again, by his external id
      'Vic Four,V@same.example.org,', // 5: an email of row 2: refused before any match (a repeated key)
    ].join('\n');
    const job = await importFile(app, file, { mode: 'CREATE_OR_UPDATE' });
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 1, failed: 3 });
    expect(job.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([
      [3, 'emails', 'DUPLICATE_IN_FILE'],
      [4, 'external_id', 'DUPLICATE_IN_FILE'],
      [5, 'emails', 'DUPLICATE_IN_FILE'],
    ]);
    expect(job.errors.map((e: any) => e.message)).toEqual([
      "This row's email address matches the account row 2 already wrote: one file writes an account from one row only.",
      "This row's external ID matches the account row 2 already wrote: one file writes an account from one row only.",
      'Row 2 already has an email address of this row (in any letter case).',
    ]);
    expect(await user('v2@same.example.org')).toMatchObject({ name: 'Vic One' });
  });
});
