import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { upload, waitForJob } from '../helpers/imports.js';
import { ImportRowErrorEntity } from '../../server/imports/import-job.entity.js';
import { msg } from '../../server/i18n/message.js';
import { messageToJson } from '../../server/i18n/message-json.js';

const ERRORS = 'query($id: ID!) { importJob(id: $id) { failed errors(first: 10) { line column code message } failedRowsUrl } }';

/**
 * An import's row errors name who owns a taken address or external id (the uploader, an admin, may list users). Whoever
 * reads them later follows the same rule as everywhere (owner-redaction.ts): a token with IMPORT but not USERS_READ
 * learns that the value cannot be used, not whose it is, in importJob.errors and in the failed rows' CSV alike.
 */
describe.each(testDialects())("an import's errors name owners only to those who may list users on %s", (dialect) => {
  let app: TestApp;
  let jobId: string;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    const owner = await app.as(app.admin)(
      'mutation { createUser(input: { name: "Priscilla Private", email: "owner@owners.example.org", externalId: "crm-owner-1" }) { user { id } } }',
    );
    expect(owner.errors).toBeUndefined();
    const csv = 'name,email,external_id\nFirst,owner@owners.example.org,\nSecond,second@owners.example.org,crm-owner-1\n';
    const r = await upload(app, csv, { mode: 'CREATE' });
    expect(r.status).toBe(202);
    jobId = r.body.id;
    expect((await waitForJob(app, jobId, ['DONE', 'FAILED'])).failed).toBe(2);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const failedRows = async (auth: { kind: 'cookie'; cookie: string } | { kind: 'token'; token: string }, url: string) => {
    const headers: Record<string, string> = auth.kind === 'cookie' ? { cookie: auth.cookie } : { authorization: `Bearer ${auth.token}` };
    const res = await fetch(`${app.url}${url}`, { headers });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('an admin reads the owner in the errors and the failed rows', async () => {
    const r = await app.as(app.admin)(ERRORS, { id: jobId });
    const messages = r.data.importJob.errors.map((e: { message: string }) => e.message);
    expect(messages.join(' ')).toContain('Priscilla Private');
    expect(await failedRows(app.admin, r.data.importJob.failedRowsUrl)).toContain('Priscilla Private');
  });

  it('a token with IMPORT alone reads neither the name nor anything else of the owner', async () => {
    const importer = await app.token(['IMPORT']);
    const r = await app.as(importer.auth)(ERRORS, { id: jobId });
    expect(r.errors).toBeUndefined();
    expect(r.data.importJob.errors).toEqual([
      { line: 2, column: 'email', code: 'EMAIL_TAKEN', message: 'This address cannot be added.' },
      { line: 3, column: 'external_id', code: expect.any(String), message: expect.not.stringContaining('Priscilla') },
    ]);
    const csv = await failedRows(importer.auth, r.data.importJob.failedRowsUrl);
    expect(csv).not.toContain('Priscilla');
    expect(csv).toContain('This address cannot be added.');
    // With USERS_READ as well, the token may list users: it reads the owner as the admin does.
    const both = await app.token(['IMPORT', 'USERS_READ']);
    const full = await app.as(both.auth)(ERRORS, { id: jobId });
    expect(full.data.importJob.errors.map((e: { message: string }) => e.message).join(' ')).toContain('Priscilla Private');
  });

  it('keeps the nameless text with each error that names someone, written with it, and reads that rather than a list of codes', async () => {
    const rows = await app.db.manager.find(ImportRowErrorEntity, { where: { jobId: Number(jobId) }, order: { line: 'ASC' } });
    expect(rows.map((r) => r.publicMessageJson !== null)).toEqual([true, true]);
    // Any message naming someone, whatever its code: the reader who may not list users gets the text kept beside it.
    const named = msg('users.sharedPhone', { phone: '+33 6 12 34 56 78', name: 'Priscilla Private' });
    await app.db.manager.update(ImportRowErrorEntity, { id: rows[1].id }, { messageJson: messageToJson(named), message: named.render('en') });
    const importer = await app.token(['IMPORT']);
    const r = await app.as(importer.auth)(ERRORS, { id: jobId });
    expect(r.data.importJob.errors[1].message).toBe('This value is already used by another account.');
    expect(JSON.stringify(r.data)).not.toContain('Priscilla');
  });
});
