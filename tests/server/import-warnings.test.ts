import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer } from '../helpers/dns-server.js';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { importFile, waitForJob } from '../helpers/imports.js';
import { ImportRowWarningEntity } from '../../server/imports/import-job.entity.js';

/**
 * A CSV import reports the warnings createUser gives for the same values, row by row, in a preview as in the run: an
 * address never mailed (a reserved name; a domain without a mail server, by the DNS check against a DNS server on
 * loopback), one the block list holds or refuses, a number another account has. A warned row is written all the same.
 */
const ZONE = {
  'canary.test-dns.io': { mx: ['mx.canary.test-dns.io'] },
  'mail.acme.io': { mx: ['mx.acme.io'] },
  'held.acme.io': { mx: ['mx.held.acme.io'] },
  // Anything else (gone.acme.io, nomx.acme.io): no such domain.
};
const HOLDER_PHONE = '+33 1 42 68 53 11';
const JOB = `query($id: ID!) {
  importJob(id: $id) { status created updated unchanged failed warningCount warningsUrl errors { line } warnings { line column code message } }
}`;

/** Created in CREATE mode (a number someone has would match them in the update modes). */
const ROWS = [
  ['Reserved', 'res@example.invalid', ''],
  ['No Mail', 'nomail@gone.acme.io', ''],
  ['Held', 'held@held.acme.io', ''],
  ['Refused', 'refused@nomx.acme.io', HOLDER_PHONE],
  ['Clean', 'clean@mail.acme.io', ''],
];
const FILE = ['Name,Email,Phone', ...ROWS.map((r) => r.join(',')), 'Failing,failing@example.invalid,12'].join('\r\n');

describe.each(testDialects())('the warnings of a CSV import, on %s', (dialect) => {
  let app: TestApp;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let holderId = '';
  let jobId = '';
  beforeAll(async () => {
    dns = await startDnsServer(ZONE);
    app = await startTestApp(dialect, {
      EMAIL_DOMAIN_CHECK: 'dns',
      DNS_SERVERS: dns.address,
      EMAIL_DOMAIN_CHECK_CANARY: 'canary.test-dns.io',
      IMPORT_CHUNK_ROWS: '400',
    });
    const set = await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', {
      i: { blockList: ['suspend:held.acme.io', 'reject:nomx.acme.io'] },
    });
    expect(set.errors).toBeUndefined();
    const holder = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name: 'Desk Holder', email: 'desk.holder@mail.acme.io', phone: HOLDER_PHONE },
    });
    holderId = holder.data.createUser.user.id;
  });
  afterAll(async () => {
    await app?.stop();
    await dns?.stop();
  });

  const read = async (id: string, auth: Auth = app.admin, headers: Record<string, string> = {}) => {
    const r = await app.as(auth)(JOB, { id }, headers);
    expect(r.errors).toBeUndefined();
    return r.data.importJob;
  };
  const download = async (url: string, auth: Auth = app.admin) => {
    const headers: Record<string, string> =
      auth.kind === 'cookie' ? { cookie: auth.cookie } : { authorization: `Bearer ${(auth as { token: string }).token}` };
    const res = await fetch(`${app.url}${url}`, { headers });
    expect(res.status).toBe(200);
    return (await res.text()).replace(/^\uFEFF/, '');
  };

  /** What createUser answers for a row's values (another local part: the row's address is taken by then). */
  const createUserWarnings = async ([name, email, phone]: string[]) => {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { warnings { code field message } } }', {
      i: { name, email: `cmp.${email}`, ...(phone ? { phone } : {}) },
    });
    expect(r.errors).toBeUndefined();
    const local = email.split('@')[0];
    return r.data.createUser.warnings.map((w: any) => ({ ...w, message: w.message.replaceAll(`cmp.${local}`, local) }));
  };

  it('a preview and its run list every warning of the written rows, by row and column, as createUser words them', async () => {
    const preview = await importFile(app, FILE, { mode: 'CREATE', dryRun: 'true' });
    jobId = preview.id;
    const previewed = await read(jobId);
    expect(previewed).toMatchObject({
      status: 'PREVIEWED',
      created: 5,
      failed: 1,
      warningCount: 6,
      warningsUrl: `/imports/users/${jobId}/warnings.csv`,
    });
    expect(previewed.warnings.map((w: any) => [w.line, w.column, w.code])).toEqual([
      [2, 'Email', 'UNDELIVERABLE_RESERVED'],
      [3, 'Email', 'NO_MAIL_DOMAIN'],
      [4, 'Email', 'BLOCKED_ADDRESS'],
      [5, 'Email', 'NO_MAIL_DOMAIN'],
      [5, 'Phone', 'SHARED_PHONE'],
      [5, 'Email', 'BLOCKED_ADDRESS'],
    ]);
    // The failing row (a bad phone) is reported as an error only, even with a reserved address.
    expect(previewed.errors).toEqual([{ line: 7 }]);
    const COLUMN: Record<string, string> = { email: 'Email', phone: 'Phone' };
    const expected = [];
    for (const [i, row] of ROWS.entries()) {
      for (const w of await createUserWarnings(row)) expected.push({ line: i + 2, column: COLUMN[w.field], code: w.code, message: w.message });
    }
    expect(previewed.warnings).toEqual(expected);
    expect(previewed.warnings[2].message).toMatch(/^held@held\.acme\.io .*made.*held for review/);
    expect(previewed.warnings[4].message).toContain('Desk Holder');
    expect((await app.gql('{ users(query: "held@held.acme.io") { totalCount } }')).data.users.totalCount).toBe(0);

    // The run: the same warnings (the preview's are replaced, not added to), and the warned rows are written.
    expect((await app.as(app.admin)('mutation($id: ID!) { runImportJob(id: $id) { id } }', { id: jobId })).errors).toBeUndefined();
    await waitForJob(app, jobId, ['DONE']);
    const done = await read(jobId);
    expect(done).toMatchObject({ status: 'DONE', created: 5, failed: 1, warningCount: 6 });
    expect(done.warnings).toEqual(expected);
    for (const [, email] of ROWS)
      expect((await app.gql('query($e: String!) { userByEmail(email: $e) { id } }', { e: email })).data.userByEmail).not.toBeNull();
  });

  it('the warnings download: row, column, code and message, in the reader’s language', async () => {
    const job = await read(jobId);
    const csv = (await download(job.warningsUrl)).split('\r\n');
    expect(csv[0]).toBe('row,column,code,message');
    expect(csv.slice(1, -1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(job.warnings.map((w: any) => `${w.line},${w.column},${w.code}`));
    expect(csv.at(-1)).toBe('');
    expect(csv[5]).toContain('Desk Holder');
    // In French, through the API and the download alike.
    const french = await read(jobId, app.admin, { 'accept-language': 'fr' });
    expect(french.warnings[2].message).toMatch(/liste de blocage/);
    const res = await fetch(`${app.url}${job.warningsUrl}`, {
      headers: { cookie: (app.admin as { cookie: string }).cookie, 'accept-language': 'fr' },
    });
    expect(await res.text()).toContain('liste de blocage');
  });

  it('who holds a shared number is named only to those who may list users', async () => {
    const importer = await app.token(['IMPORT']);
    const job = await read(jobId, importer.auth);
    const shared = job.warnings.find((w: any) => w.code === 'SHARED_PHONE');
    expect(shared.message).toBe('Another account has this number too: it is kept on this profile as a shared number.');
    const csv = await download(job.warningsUrl, importer.auth);
    expect(csv).not.toContain('Desk Holder');
    expect(csv).toContain('Another account has this number too');
    const both = await app.token(['IMPORT', 'USERS_READ']);
    expect((await read(jobId, both.auth)).warnings.find((w: any) => w.code === 'SHARED_PHONE').message).toContain('Desk Holder');
  });

  it('an update to a blocked address or a held number is warned about; an unchanged row is not', async () => {
    const made = await app.gql('mutation($i: [UpsertUserInput!]!) { upsertUsers(inputs: $i) { status } }', {
      i: [
        { name: 'Later One', email: 'later@mail.acme.io', externalId: 'crm-later' },
        { name: 'Same One', email: 'same@example.invalid', externalId: 'crm-same' },
      ],
    });
    expect(made.data.upsertUsers.map((o: any) => o.status)).toEqual(['CREATED', 'CREATED']);
    const file = ['External_ID,Email,Phone', `crm-later,later.new@held.acme.io,${HOLDER_PHONE}`, 'crm-same,same@example.invalid,'].join('\r\n');
    const job = await read((await importFile(app, file, { mode: 'CREATE_OR_UPDATE' })).id);
    expect(job).toMatchObject({ status: 'DONE', updated: 1, unchanged: 1, warningCount: 2 });
    expect(job.warnings).toEqual([
      { line: 2, column: 'Phone', code: 'SHARED_PHONE', message: expect.stringContaining('Desk Holder') },
      // The account was there: the block list's words for an account not made by this row.
      { line: 2, column: 'Email', code: 'BLOCKED_ADDRESS', message: expect.stringMatching(/^later\.new@held\.acme\.io .*held for review/) },
    ]);
    expect(job.warnings[1].message).not.toMatch(/made/);
  });

  it('keeps the first 1,000 warnings of an import and counts them all', async () => {
    const rows = Array.from({ length: 1003 }, (_, i) => `Placeholder ${i},placeholder.${i}@example.invalid`);
    const preview = await importFile(app, ['name,email', ...rows].join('\n'), { mode: 'CREATE', dryRun: 'true' });
    const job = await read(preview.id);
    expect(job).toMatchObject({ status: 'PREVIEWED', created: 1003, warningCount: 1003 });
    expect(job.warnings).toHaveLength(100);
    const kept = await app.db.manager.find(ImportRowWarningEntity, { where: { jobId: Number(preview.id) }, order: { id: 'ASC' } });
    // Three chunks of 400 rows: the third keeps 200 of its 203.
    expect(kept.map((w) => w.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    const csv = (await download(job.warningsUrl)).split('\r\n');
    expect(csv).toHaveLength(1 + 1000 + 1);
    expect(csv[1000]).toMatch(/^1001,email,UNDELIVERABLE_RESERVED,.*placeholder\.999@example\.invalid/);
  });

  it('erasing the row’s own person scrubs their number as the warning shows it (international format, not as stored)', async () => {
    const phoneWarning = (job: { warnings: { line: number; code: string; message: string }[] }) =>
      job.warnings.find((w) => w.line === 5 && w.code === 'SHARED_PHONE');
    expect(phoneWarning(await read(jobId))?.message).toContain(HOLDER_PHONE);
    const own = await app.gql('query($e: String!) { userByEmail(email: $e) { id } }', { e: 'refused@nomx.acme.io' });
    const id = own.data.userByEmail.id;
    expect((await app.as(app.admin)('mutation($id: ID!) { deleteUser(id: $id) }', { id })).errors).toBeUndefined();
    expect((await app.as(app.admin)('mutation($id: ID!) { eraseUser(id: $id) }', { id })).errors).toBeUndefined();
    const job = await read(jobId);
    expect(phoneWarning(job)?.message).not.toContain(HOLDER_PHONE);
    expect(JSON.stringify(job.warnings)).not.toContain('refused@nomx.acme.io');
    expect(await download(job.warningsUrl)).not.toContain(HOLDER_PHONE);
  });

  it('erasing a person scrubs them from the warnings too', async () => {
    expect((await app.as(app.admin)('mutation($id: ID!) { deleteUser(id: $id) }', { id: holderId })).errors).toBeUndefined();
    expect((await app.as(app.admin)('mutation($id: ID!) { eraseUser(id: $id) }', { id: holderId })).errors).toBeUndefined();
    const job = await read(jobId);
    expect(JSON.stringify(job.warnings)).not.toContain('Desk Holder');
    expect(await download(job.warningsUrl)).not.toContain('Desk Holder');
    expect(job.warnings.map((w: any) => w.code)).toContain('SHARED_PHONE');
  });
});
