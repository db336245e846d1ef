import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { FieldValuesService } from '../../server/fields/field-values.service.js';
import type { UserFieldInput } from '../../server/fields/user-field.types.js';

const FIELD =
  'id key title description type pattern patternHint options { id title value position } lookupTarget required active position createdAt updatedAt';
const CREATE_FIELD = `mutation CreateUserField($i: CreateUserFieldInput!) { createUserField(input: $i) { ${FIELD} } }`;
const UPDATE_FIELD = `mutation UpdateUserField($id: ID!, $i: UpdateUserFieldInput!) { updateUserField(id: $id, input: $i) { ${FIELD} } }`;
const REORDER = 'mutation Reorder($ids: [ID!]!) { reorderUserFields(ids: $ids) { id key position } }';
const DELETE_FIELD = 'mutation DeleteUserField($id: ID!) { deleteUserField(id: $id) }';
const LIST_FIELDS = `query UserFields($active: Boolean) { userFields(active: $active) { ${FIELD} } }`;
const VALUE =
  'key type value values text number boolean date options { id title value } user { id name email } organization { id name } field { id key }';
const USER_VALUES = `query UserValues($id: ID!) { user(id: $id) { id fields { ${VALUE} } } }`;
const CREATE_USER = `mutation CreateUser($i: CreateUserInput!) { createUser(input: $i) { user { id fields { ${VALUE} } } } }`;
const UPDATE_USER = `mutation UpdateUser($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id fields { ${VALUE} } } }`;

let seq = 0;
const uniqueEmail = () => `fields${++seq}.${Date.now()}@acme.io`;
const uniqueKey = (base: string) => `${base}_${++seq}`;

type Errors = { errors?: { message: string; extensions?: Record<string, any> }[]; data?: any };

describe.each(testDialects())('custom user fields on %s', (dialect) => {
  let app: TestApp;
  let svc: FieldValuesService;
  /** Whether createUser/updateUser take `fields` (the users module's wiring); until then values go through the service. */
  let wired = false;

  const expectFieldError = (r: Errors, field: string) => {
    expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  };
  const ok = <T = any>(r: Errors): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };

  const createField = async (input: Record<string, unknown>) => ok(await app.gql(CREATE_FIELD, { i: input })).createUserField;
  const field = (type: string, extra: Record<string, unknown> = {}) =>
    createField({ key: uniqueKey(type.toLowerCase()), title: `${type[0]}${type.slice(1).toLowerCase()} field`, type, ...extra });

  const newUser = async (name = 'Field Person'): Promise<string> =>
    ok(await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email: uniqueEmail() } })).createUser
      .user.id;

  /** Sets values: updateUser over HTTP when it takes `fields`, else the service the users module calls. */
  const apply = async (userId: string, fields: UserFieldInput[]): Promise<Errors> => {
    if (wired) return app.gql(UPDATE_USER, { id: userId, i: { fields } });
    try {
      const prepared = await svc.prepare(fields);
      await app.db.transaction((m) => svc.write(m, Number(userId), prepared, new Date()));
      return {};
    } catch (err) {
      if (err instanceof GraphQLError) return { errors: [{ message: err.message, extensions: err.extensions as Record<string, any> }] };
      throw err;
    }
  };
  const values = async (userId: string): Promise<any[]> => ok(await app.gql(USER_VALUES, { id: userId })).user.fields;
  const valueOf = async (userId: string, key: string) => (await values(userId)).find((v) => v.key === key);

  beforeAll(async () => {
    app = await startTestApp(dialect);
    svc = new FieldValuesService(app.db);
    const probe = await field('TEXT');
    const r = await app.gql(CREATE_USER, { i: { name: 'Probe', email: uniqueEmail(), fields: [{ key: probe.key, value: 'x' }] } });
    wired = !r.errors && r.data?.createUser?.user?.fields?.some((v: any) => v.key === probe.key && v.value === 'x');
    if (!wired) throw new Error(`createUser does not take custom field values: ${JSON.stringify(r.errors)}`);
    await app.gql(UPDATE_FIELD, { id: probe.id, i: { active: false } });
  });
  afterAll(() => app?.stop());

  describe('definitions', () => {
    it('creates a field of every type and lists them by position', async () => {
      const created = [
        await field('TEXT', { description: 'Free text\nsecond line' }),
        await field('MULTILINE'),
        await field('CHECKBOX', { required: true }),
        await field('DATE'),
        await field('INTEGER'),
        await field('DECIMAL'),
        await field('REGEXP', { pattern: '[A-Z]{2}-\\d{4}', patternHint: 'Two capitals, a dash, four digits' }),
        await field('DROPDOWN', {
          options: [
            { title: 'Gold plan', value: 'gold' },
            { title: 'Silver plan', value: 'silver' },
          ],
        }),
        await field('MULTISELECT', {
          options: [
            { title: 'Email', value: 'email' },
            { title: 'Phone', value: 'phone' },
          ],
        }),
        await field('LOOKUP', { lookupTarget: 'USER' }),
        await field('LOOKUP', { lookupTarget: 'ORGANIZATION', active: false }),
      ];
      expect(created[0]).toMatchObject({
        type: 'TEXT',
        description: 'Free text\nsecond line',
        required: false,
        active: true,
        options: [],
        pattern: null,
      });
      expect(created[2]).toMatchObject({ required: true });
      expect(created[6]).toMatchObject({ pattern: '[A-Z]{2}-\\d{4}', patternHint: 'Two capitals, a dash, four digits' });
      expect(created[7].options).toEqual([
        { id: expect.any(String), title: 'Gold plan', value: 'gold', position: 0 },
        { id: expect.any(String), title: 'Silver plan', value: 'silver', position: 1 },
      ]);
      expect(created[9]).toMatchObject({ lookupTarget: 'USER' });
      expect(created[10]).toMatchObject({ lookupTarget: 'ORGANIZATION', active: false });
      expect(new Date(created[0].createdAt).toISOString()).toBe(created[0].createdAt);

      const all = ok(await app.gql(LIST_FIELDS)).userFields;
      const positions = all.map((f: any) => f.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      const keys = all.map((f: any) => f.key);
      expect(keys.slice(-created.length)).toEqual(created.map((f) => f.key));
      const active = ok(await app.gql(LIST_FIELDS, { active: true })).userFields;
      expect(active.map((f: any) => f.key)).not.toContain(created[10].key);
      const inactive = ok(await app.gql(LIST_FIELDS, { active: false })).userFields;
      expect(inactive.map((f: any) => f.key)).toContain(created[10].key);
      // Required checkbox: switch it off so later saves from the admin app are not affected.
      ok(await app.gql(UPDATE_FIELD, { id: created[2].id, i: { required: false } }));
    });

    it.each([
      ['an empty key', ''],
      ['upper-case letters', 'Plan'],
      ['a dash', 'plan-code'],
      ['a space', 'plan code'],
      ['a leading space', ' plan'],
      ['an accent', 'catégorie'],
      ['only digits', '12345'],
      ['65 characters', 'k'.repeat(65)],
      ['the built-in name', 'name'],
      ['the built-in email', 'email'],
      ['the built-in tags', 'tags'],
      ['the built-in role', 'role'],
      ['the built-in notes', 'notes'],
      ['the built-in details', 'details'],
      ['the built-in organization_id', 'organization_id'],
      ['the built-in external_id', 'external_id'],
      ['the built-in time_zone', 'time_zone'],
      ['the built-in fields', 'fields'],
      ['the built-in id', 'id'],
    ])('refuses a key with %s', async (_label, key) => {
      const r = await app.gql(CREATE_FIELD, { i: { key, title: 'T', type: 'TEXT' } });
      expectFieldError(r, 'key');
    });

    it('accepts keys of letters, digits and underscores, up to 64 characters', async () => {
      for (const key of ['plan_2', '2fa_method', '_legacy', 'x'.repeat(64), 'a1']) {
        expect((await createField({ key, title: key, type: 'TEXT' })).key).toBe(key);
      }
    });

    it('refuses a duplicate key, and the key and type cannot change', async () => {
      const f = await field('TEXT');
      expectFieldError(await app.gql(CREATE_FIELD, { i: { key: f.key, title: 'Again', type: 'INTEGER' } }), 'key');
      // UpdateUserFieldInput has no key or type: the request is refused before it runs.
      for (const i of [{ key: 'other' }, { type: 'INTEGER' }]) {
        const r = await app.gql(UPDATE_FIELD, { id: f.id, i });
        expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(r.errors?.[0].extensions?.code);
        expect(r.errors?.[0].message).toMatch(/not defined|unknown/i);
      }
      expect(ok(await app.gql(LIST_FIELDS)).userFields.find((x: any) => x.id === f.id)).toMatchObject({ key: f.key, type: 'TEXT' });
    });

    it.each([
      ['a REGEXP without a pattern', { type: 'REGEXP' }, 'pattern'],
      ['a pattern that does not compile', { type: 'REGEXP', pattern: '(a' }, 'pattern'],
      ['a backreference (needs backtracking)', { type: 'REGEXP', pattern: '(a)\\1' }, 'pattern'],
      ['a lookahead', { type: 'REGEXP', pattern: 'a(?=b)' }, 'pattern'],
      ['a pattern of 256 characters', { type: 'REGEXP', pattern: 'a'.repeat(256) }, 'pattern'],
      ['a pattern too complex to match cheaply', { type: 'REGEXP', pattern: '[a-z]{1,1000}[a-z]{1,1000}' }, 'pattern'],
      ['a pattern on a TEXT field', { type: 'TEXT', pattern: 'a+' }, 'pattern'],
      ['a DROPDOWN without options', { type: 'DROPDOWN' }, 'options'],
      ['a MULTISELECT with an empty list', { type: 'MULTISELECT', options: [] }, 'options'],
      ['options on a TEXT field', { type: 'TEXT', options: [{ title: 'A', value: 'a' }] }, 'options'],
      [
        'two options with one value (any case)',
        {
          type: 'DROPDOWN',
          options: [
            { title: 'A', value: 'gold' },
            { title: 'B', value: 'GOLD' },
          ],
        },
        'options',
      ],
      [
        'two options with one title',
        {
          type: 'DROPDOWN',
          options: [
            { title: 'Same', value: 'a' },
            { title: 'same', value: 'b' },
          ],
        },
        'options',
      ],
      ['an option without a value', { type: 'DROPDOWN', options: [{ title: 'A', value: '  ' }] }, 'options'],
      ['an option without a title', { type: 'DROPDOWN', options: [{ title: '', value: 'a' }] }, 'options'],
      ['an option value with a comma', { type: 'MULTISELECT', options: [{ title: 'A', value: 'a,b' }] }, 'options'],
      ['an option title with a line break', { type: 'DROPDOWN', options: [{ title: 'A\nB', value: 'a' }] }, 'options'],
      ['a LOOKUP without a target', { type: 'LOOKUP' }, 'lookupTarget'],
      ['a target on a TEXT field', { type: 'TEXT', lookupTarget: 'USER' }, 'lookupTarget'],
      ['an empty title', { type: 'TEXT', title: ' ' }, 'title'],
      ['a title of 256 characters', { type: 'TEXT', title: 't'.repeat(256) }, 'title'],
      ['a title with a line break', { type: 'TEXT', title: 'a\nb' }, 'title'],
    ])('refuses %s', async (_label, input, errorField) => {
      const before = ok(await app.gql(LIST_FIELDS)).userFields.length;
      const r = await app.gql(CREATE_FIELD, { i: { key: uniqueKey('bad'), title: 'Bad', ...input } });
      expectFieldError(r, errorField);
      expect(ok(await app.gql(LIST_FIELDS)).userFields.length).toBe(before);
    });

    it('accepts a pattern of 255 characters', async () => {
      const pattern = `${'a'.repeat(250)}[0-9]`;
      expect(pattern.length).toBe(255);
      expect((await field('REGEXP', { pattern })).pattern).toBe(pattern);
    });

    it('accepts 2,000 options and refuses 2,001', async () => {
      const options = Array.from({ length: 2001 }, (_, i) => ({ title: `Option ${i}`, value: `opt_${i}` }));
      const r = await app.gql(CREATE_FIELD, { i: { key: uniqueKey('many'), title: 'Many', type: 'DROPDOWN', options } });
      expectFieldError(r, 'options');
      const f = await field('DROPDOWN', { options: options.slice(0, 2000) });
      expect(f.options).toHaveLength(2000);
      expect(f.options[1999]).toMatchObject({ value: 'opt_1999', position: 1999 });
      const u = await newUser();
      ok(await apply(u, [{ key: f.key, value: 'OPTION 1999' }]));
      expect((await valueOf(u, f.key)).value).toBe('opt_1999');
      expectFieldError(await app.gql(UPDATE_FIELD, { id: f.id, i: { options } }), 'options');
    });

    it('renames titles and reorders options keeping their ids; refuses to remove an option in use', async () => {
      const f = await field('DROPDOWN', {
        options: [
          { title: 'Gold', value: 'gold' },
          { title: 'Silver', value: 'silver' },
          { title: 'Bronze', value: 'bronze' },
        ],
      });
      const [gold, silver, bronze] = f.options;
      const u = await newUser();
      ok(await apply(u, [{ key: f.key, value: 'silver' }]));

      const renamed = ok(
        await app.gql(UPDATE_FIELD, {
          id: f.id,
          i: {
            title: 'Plan',
            options: [
              { title: 'Argent', value: 'SILVER' },
              { title: 'Or', value: 'gold' },
              { title: 'Bronze', value: 'bronze' },
              { title: 'Platine', value: 'platinum' },
            ],
          },
        }),
      ).updateUserField;
      expect(renamed.title).toBe('Plan');
      expect(renamed.options.map((o: any) => [o.id, o.title, o.value, o.position])).toEqual([
        [silver.id, 'Argent', 'SILVER', 0],
        [gold.id, 'Or', 'gold', 1],
        [bronze.id, 'Bronze', 'bronze', 2],
        [expect.any(String), 'Platine', 'platinum', 3],
      ]);
      expect(await valueOf(u, f.key)).toMatchObject({ value: 'SILVER', options: [{ id: silver.id, title: 'Argent', value: 'SILVER' }] });

      const refused = await app.gql(UPDATE_FIELD, { id: f.id, i: { options: [{ title: 'Or', value: 'gold' }] } });
      expectFieldError(refused, 'options');
      expect(refused.errors?.[0].message).toContain('SILVER');
      expect(ok(await app.gql(LIST_FIELDS)).userFields.find((x: any) => x.id === f.id).options).toHaveLength(4);

      // Removing options nobody has is fine.
      const fewer = ok(
        await app.gql(UPDATE_FIELD, {
          id: f.id,
          i: {
            options: [
              { title: 'Argent', value: 'silver' },
              { title: 'Or', value: 'gold' },
            ],
          },
        }),
      ).updateUserField;
      expect(fewer.options.map((o: any) => o.value)).toEqual(['silver', 'gold']);
      expect((await valueOf(u, f.key)).value).toBe('silver');
    });

    it('changes title, description, pattern and flags; refuses what the type does not have', async () => {
      const f = await field('REGEXP', { pattern: '\\d+' });
      const u = ok(
        await app.gql(UPDATE_FIELD, {
          id: f.id,
          i: { title: 'Code', description: 'What to enter', pattern: '[a-z]+', patternHint: 'letters', required: true, active: false },
        }),
      ).updateUserField;
      expect(u).toMatchObject({
        key: f.key,
        type: 'REGEXP',
        title: 'Code',
        description: 'What to enter',
        pattern: '[a-z]+',
        patternHint: 'letters',
        required: true,
        active: false,
      });
      expect(Date.parse(u.updatedAt)).toBeGreaterThanOrEqual(Date.parse(f.updatedAt));
      const cleared = ok(await app.gql(UPDATE_FIELD, { id: f.id, i: { description: null, patternHint: null, required: false } })).updateUserField;
      expect(cleared).toMatchObject({ description: null, patternHint: null, pattern: '[a-z]+', required: false });
      expectFieldError(await app.gql(UPDATE_FIELD, { id: f.id, i: { pattern: null } }), 'pattern');
      expectFieldError(await app.gql(UPDATE_FIELD, { id: f.id, i: { pattern: '(' } }), 'pattern');
      expectFieldError(await app.gql(UPDATE_FIELD, { id: f.id, i: { title: '' } }), 'title');
      expectFieldError(await app.gql(UPDATE_FIELD, { id: f.id, i: { options: [{ title: 'A', value: 'a' }] } }), 'options');
      const text = await field('TEXT');
      expectFieldError(await app.gql(UPDATE_FIELD, { id: text.id, i: { pattern: 'a' } }), 'pattern');
      const nf = await app.gql(UPDATE_FIELD, { id: '999999', i: { title: 'X' } });
      expect(nf.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('reorders fields: every field exactly once', async () => {
      const before = ok(await app.gql(LIST_FIELDS)).userFields.map((f: any) => f.id);
      const reversed = [...before].reverse();
      const r = ok(await app.gql(REORDER, { ids: reversed })).reorderUserFields;
      expect(r.map((f: any) => f.id)).toEqual(reversed);
      expect(ok(await app.gql(LIST_FIELDS)).userFields.map((f: any) => f.id)).toEqual(reversed);

      expectFieldError(await app.gql(REORDER, { ids: reversed.slice(1) }), 'ids');
      expectFieldError(await app.gql(REORDER, { ids: [...reversed, reversed[0]] }), 'ids');
      expectFieldError(await app.gql(REORDER, { ids: [...reversed.slice(1), reversed[1]] }), 'ids');
      expectFieldError(await app.gql(REORDER, { ids: [...reversed, '999999'] }), 'ids');
      expectFieldError(await app.gql(REORDER, { ids: [...reversed.slice(1), 'abc'] }), 'ids');
      expect(ok(await app.gql(LIST_FIELDS)).userFields.map((f: any) => f.id)).toEqual(reversed);
      ok(await app.gql(REORDER, { ids: before }));
    });

    it('User.fields follows the order of the fields', async () => {
      const a = await field('TEXT');
      const b = await field('TEXT');
      const u = await newUser();
      const keys = async () => (await values(u)).map((v) => v.key);
      expect((await keys()).indexOf(a.key)).toBeLessThan((await keys()).indexOf(b.key));
      const ids = ok(await app.gql(LIST_FIELDS))
        .userFields.map((f: any) => f.id)
        .filter((id: string) => id !== b.id);
      ok(await app.gql(REORDER, { ids: [b.id, ...ids] }));
      expect((await keys())[0]).toBe(b.key);
    });

    it('deletes a field with its values', async () => {
      const f = await field('TEXT');
      const u = await newUser();
      ok(await apply(u, [{ key: f.key, value: 'bye' }]));
      expect(ok(await app.gql(DELETE_FIELD, { id: f.id })).deleteUserField).toBe(true);
      expect(await valueOf(u, f.key)).toBeUndefined();
      const [{ n }] = await app.db.manager.query('SELECT COUNT(*) AS n FROM user_field_values WHERE field_id = ?', [Number(f.id)]);
      expect(Number(n)).toBe(0);
      expect((await app.gql(DELETE_FIELD, { id: f.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      // The key is free again.
      expect((await createField({ key: f.key, title: 'Again', type: 'INTEGER' })).type).toBe('INTEGER');
    });
  });

  describe('who may do what', () => {
    it('agents list fields but cannot change them; end users and anonymous callers cannot list them', async () => {
      const agent = await app.person('AGENT');
      const endUser = await app.person('END_USER');
      const asAgent = app.as(agent.auth);
      expect(ok(await asAgent(LIST_FIELDS)).userFields.length).toBeGreaterThan(0);
      const before = ok(await app.gql(LIST_FIELDS)).userFields.length;
      const f = ok(await app.gql(LIST_FIELDS)).userFields[0];
      expect((await asAgent(CREATE_FIELD, { i: { key: uniqueKey('agent'), title: 'A', type: 'TEXT' } })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await asAgent(UPDATE_FIELD, { id: f.id, i: { title: 'Hijack' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await asAgent(REORDER, { ids: [f.id] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await asAgent(DELETE_FIELD, { id: f.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.as(endUser.auth)(LIST_FIELDS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.as({ kind: 'anonymous' })(LIST_FIELDS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await app.as(endUser.auth)(CREATE_FIELD, { i: { key: uniqueKey('eu'), title: 'A', type: 'TEXT' } })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      const after = ok(await app.gql(LIST_FIELDS)).userFields;
      expect(after.length).toBe(before);
      expect(after[0].title).toBe(f.title);
      // End users do not see custom field values, not even their own.
      expect((await app.as(endUser.auth)('{ me { fields { key } } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(ok(await asAgent(USER_VALUES, { id: endUser.id })).user.fields.length).toBeGreaterThan(0);
    });

    it('admins manage fields in a session or with a users:write token; a users:read token only lists', async () => {
      expect((await createField({ key: uniqueKey('tok'), title: 'By token', type: 'TEXT' })).title).toBe('By token');
      const bySession = ok(
        await app.as(app.admin)(CREATE_FIELD, { i: { key: uniqueKey('ses'), title: 'By session', type: 'TEXT' } }),
      ).createUserField;
      expect(bySession.title).toBe('By session');
      const read = await app.token(['USERS_READ'], 'read only');
      expect(ok(await app.as(read.auth)(LIST_FIELDS)).userFields.length).toBeGreaterThan(0);
      expect((await app.as(read.auth)(CREATE_FIELD, { i: { key: uniqueKey('ro'), title: 'A', type: 'TEXT' } })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      const write = await app.token(['USERS_WRITE'], 'write only');
      expect((await app.as(write.auth)(LIST_FIELDS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('values', () => {
    let lookupUserId: string;
    let orgId: string | null = null;

    beforeAll(async () => {
      lookupUserId = await newUser('Referenced Person');
      const r = await app.gql('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
        i: { name: `Org ${Date.now()}` },
      });
      if (!r.errors) orgId = r.data.createOrganization.id;
      else {
        const [t] = await app.db.manager.query(
          dialect === 'mysql'
            ? "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'organizations'"
            : "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'organizations'",
        );
        if (Number(t.n) > 0) {
          const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
          const res = await app.db.manager.query('INSERT INTO organizations (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)', [
            'Acme Org',
            'acme org',
            now,
            now,
          ]);
          orgId = String(typeof res === 'object' && res && 'insertId' in res ? res.insertId : res);
        }
      }
    });

    type Good = [label: string, type: string, def: Record<string, unknown>, input: Omit<UserFieldInput, 'key'>, expected: Record<string, unknown>];
    const DROPDOWN = {
      options: [
        { title: 'Gold plan', value: 'gold' },
        { title: 'Silver plan', value: 'silver' },
      ],
    };
    const MULTI = {
      options: [
        { title: 'Email', value: 'email' },
        { title: 'Phone', value: 'phone' },
        { title: 'Chat, live', value: 'chat' },
      ],
    };
    const REGEXP = { pattern: '[A-Z]{2}-\\d{4}', patternHint: 'two capitals, a dash and four digits' };
    const good: Good[] = [
      ['trimmed one-line text', 'TEXT', {}, { value: '  Hello world  ' }, { value: 'Hello world', text: 'Hello world' }],
      ['utf8mb4 text', 'TEXT', {}, { value: 'Zoë 李 🙂' }, { value: 'Zoë 李 🙂', text: 'Zoë 李 🙂' }],
      ['text of 65,536 characters', 'TEXT', {}, { value: 'x'.repeat(65_536) }, { text: 'x'.repeat(65_536) }],
      [
        'multi-line text with CRLF and tabs',
        'MULTILINE',
        {},
        { value: 'line 1\r\nline 2\tcol' },
        { value: 'line 1\nline 2\tcol', text: 'line 1\nline 2\tcol' },
      ],
      ['multi-line text of 65,536 characters', 'MULTILINE', {}, { value: 'ab\n'.repeat(21_845) + 'z' }, { text: 'ab\n'.repeat(21_845) + 'z' }],
      ['checkbox TRUE', 'CHECKBOX', {}, { value: 'TRUE' }, { value: 'true', boolean: true }],
      ['checkbox yes', 'CHECKBOX', {}, { value: 'Yes' }, { value: 'true', boolean: true }],
      ['checkbox 0', 'CHECKBOX', {}, { value: '0' }, { value: 'false', boolean: false }],
      ['checkbox no', 'CHECKBOX', {}, { value: 'no' }, { value: 'false', boolean: false }],
      ['a leap day', 'DATE', {}, { value: '2024-02-29' }, { value: '2024-02-29', date: '2024-02-29' }],
      ['a padded date', 'DATE', {}, { value: ' 2026-11-26 ' }, { value: '2026-11-26', date: '2026-11-26' }],
      ['an integer', 'INTEGER', {}, { value: '42' }, { value: '42', number: '42' }],
      ['a signed integer with leading zeros', 'INTEGER', {}, { value: '-007' }, { value: '-7', number: '-7' }],
      ['an integer of 12 digits', 'INTEGER', {}, { value: '+123456789012' }, { value: '123456789012', number: '123456789012' }],
      ['minus zero', 'INTEGER', {}, { value: '-0' }, { value: '0', number: '0' }],
      ['a decimal with zeros to drop', 'DECIMAL', {}, { value: '012.50' }, { value: '12.5', number: '12.5' }],
      ['a decimal without a whole part', 'DECIMAL', {}, { value: '-.5' }, { value: '-0.5', number: '-0.5' }],
      [
        'a decimal of 12 + 6 digits',
        'DECIMAL',
        {},
        { value: '123456789012.123456' },
        { value: '123456789012.123456', number: '123456789012.123456' },
      ],
      ['a whole decimal', 'DECIMAL', {}, { value: '10.000' }, { value: '10', number: '10' }],
      ['a value matching the pattern', 'REGEXP', REGEXP, { value: 'AB-1234' }, { value: 'AB-1234', text: 'AB-1234' }],
      ['an option by value, any case', 'DROPDOWN', DROPDOWN, { value: 'GOLD' }, { value: 'gold', options: [{ value: 'gold', title: 'Gold plan' }] }],
      [
        'an option by title',
        'DROPDOWN',
        DROPDOWN,
        { value: 'silver PLAN' },
        { value: 'silver', options: [{ value: 'silver', title: 'Silver plan' }] },
      ],
      [
        'options as a list, in option order',
        'MULTISELECT',
        MULTI,
        { values: ['Chat, live', 'EMAIL', 'email'] },
        { value: 'email, chat', values: ['email', 'chat'] },
      ],
      ['options as a CSV cell', 'MULTISELECT', MULTI, { value: 'phone; email ,' }, { value: 'email, phone', values: ['email', 'phone'] }],
      ['one option whose title has a comma', 'MULTISELECT', MULTI, { value: 'chat, LIVE' }, { value: 'chat', values: ['chat'] }],
    ];

    it.each(good)('stores %s', async (_label, type, def, input, expected) => {
      const f = await field(type, def);
      const u = await newUser();
      ok(await apply(u, [{ key: f.key, ...input }]));
      const v = await valueOf(u, f.key);
      expect(v).toMatchObject({ key: f.key, type, field: { id: f.id, key: f.key }, ...expected });
      const hasOptions = type === 'DROPDOWN' || type === 'MULTISELECT';
      for (const m of ['text', 'number', 'boolean', 'date', 'values', 'options']) {
        if (!(m in expected) && !(m === 'options' && hasOptions)) expect(v[m], m).toBeNull();
      }
      expect(v.user).toBeNull();
      expect(v.organization).toBeNull();
    });

    it('looks up a user and an organization by id', async () => {
      const f = await field('LOOKUP', { lookupTarget: 'USER' });
      const u = await newUser();
      ok(await apply(u, [{ key: f.key, value: ` ${lookupUserId} ` }]));
      expect(await valueOf(u, f.key)).toMatchObject({
        value: lookupUserId,
        user: { id: lookupUserId, name: 'Referenced Person' },
        organization: null,
        text: null,
      });
      if (orgId === null) return;
      const o = await field('LOOKUP', { lookupTarget: 'ORGANIZATION' });
      ok(await apply(u, [{ key: o.key, value: orgId }]));
      expect(await valueOf(u, o.key)).toMatchObject({ value: orgId, organization: { id: orgId }, user: null });
      expectFieldError(await apply(u, [{ key: o.key, value: '999999' }]), o.key);
      expectFieldError(await apply(u, [{ key: o.key, value: 'acme' }]), o.key);
      expectFieldError(await apply(u, [{ key: o.key, value: '0' }]), o.key);
    });

    type Bad = [type: string, def: Record<string, unknown>, input: Omit<UserFieldInput, 'key'>];
    const badValues: Bad[] = [
      ['TEXT', {}, { value: 'two\nlines' }],
      ['TEXT', {}, { value: 'a\ttab' }],
      ['TEXT', {}, { value: 'nul\u0000' }],
      ['TEXT', {}, { value: 'x'.repeat(65_537) }],
      ['TEXT', {}, { values: ['a'] }],
      ['MULTILINE', {}, { value: 'bell\u0007' }],
      ['MULTILINE', {}, { value: 'escape \u001b[31m' }],
      ['MULTILINE', {}, { value: 'y'.repeat(65_537) }],
      ['MULTILINE', {}, { value: 'line\u2028separator' }],
      ['CHECKBOX', {}, { value: 'maybe' }],
      ['CHECKBOX', {}, { value: '2' }],
      ['CHECKBOX', {}, { value: 'truee' }],
      ['CHECKBOX', {}, { value: 'y' }],
      ['DATE', {}, { value: '2023-02-29' }],
      ['DATE', {}, { value: '2024-04-31' }],
      ['DATE', {}, { value: '2024-13-01' }],
      ['DATE', {}, { value: '26/11/2026' }],
      ['DATE', {}, { value: '2024-1-5' }],
      ['DATE', {}, { value: '0000-01-01' }],
      ['DATE', {}, { value: '2024-01-01T10:00:00Z' }],
      ['INTEGER', {}, { value: '1.5' }],
      ['INTEGER', {}, { value: '12a' }],
      ['INTEGER', {}, { value: '1 000' }],
      ['INTEGER', {}, { value: '1234567890123' }],
      ['INTEGER', {}, { value: '1e3' }],
      ['INTEGER', {}, { value: '--1' }],
      ['INTEGER', {}, { value: '0x10' }],
      ['DECIMAL', {}, { value: '1,5' }],
      ['DECIMAL', {}, { value: '1e3' }],
      ['DECIMAL', {}, { value: '1234567890123.5' }],
      ['DECIMAL', {}, { value: '1.1234567' }],
      ['DECIMAL', {}, { value: '.' }],
      ['DECIMAL', {}, { value: '1.2.3' }],
      ['DECIMAL', {}, { value: 'NaN' }],
      ['REGEXP', REGEXP, { value: 'ab-1234' }],
      ['REGEXP', REGEXP, { value: 'AB-12345' }],
      ['REGEXP', REGEXP, { value: 'xAB-1234' }],
      ['REGEXP', REGEXP, { value: 'AB-1234\n' }],
      ['DROPDOWN', DROPDOWN, { value: 'bronze' }],
      ['DROPDOWN', DROPDOWN, { value: 'gold,silver' }],
      ['DROPDOWN', DROPDOWN, { value: 'Gold plan extra' }],
      ['DROPDOWN', DROPDOWN, { values: ['gold'] }],
      ['MULTISELECT', MULTI, { values: ['email', 'fax'] }],
      ['MULTISELECT', MULTI, { value: 'email, fax' }],
      ['MULTISELECT', MULTI, { value: 'email', values: ['phone'] }],
      ['LOOKUP', { lookupTarget: 'USER' }, { value: 'abc' }],
      ['LOOKUP', { lookupTarget: 'USER' }, { value: '999999' }],
      ['LOOKUP', { lookupTarget: 'USER' }, { value: '1.5' }],
      ['LOOKUP', { lookupTarget: 'USER' }, { value: '-1' }],
    ];
    const bad = badValues.map(([type, def, input]) => [type, JSON.stringify(input).slice(0, 48), def, input] as const);
    it.each(bad)('refuses a wrong %s value %s, naming the key, and keeps the old value', async (type, _label, def, input) => {
      const f = await field(type, def);
      const u = await newUser();
      const before = await valueOf(u, f.key);
      const r = await apply(u, [{ key: f.key, ...input }]);
      expectFieldError(r, f.key);
      expect(await valueOf(u, f.key)).toEqual(before);
    });

    it('refuses a reference to a deleted user', async () => {
      const f = await field('LOOKUP', { lookupTarget: 'USER' });
      const gone = await newUser('Gone');
      const u = await newUser();
      ok(await apply(u, [{ key: f.key, value: gone }]));
      ok(await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: gone }));
      expect(await valueOf(u, f.key)).toMatchObject({ value: gone, user: null });
      expectFieldError(await apply(u, [{ key: f.key, value: gone }]), f.key);
    });

    it('a wrong value leaves every field of the save unchanged', async () => {
      const a = await field('TEXT');
      const b = await field('INTEGER');
      const u = await newUser();
      ok(await apply(u, [{ key: a.key, value: 'first' }]));
      expectFieldError(
        await apply(u, [
          { key: a.key, value: 'second' },
          { key: b.key, value: 'ten' },
        ]),
        b.key,
      );
      expect((await valueOf(u, a.key)).value).toBe('first');
    });

    it('answers a catastrophic-backtracking pattern at once (RE2: linear time)', async () => {
      const f = await field('REGEXP', { pattern: '(a+)+$' });
      const u = await newUser();
      const started = Date.now();
      expectFieldError(await apply(u, [{ key: f.key, value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }]), f.key);
      expectFieldError(await apply(u, [{ key: f.key, value: `${'a'.repeat(65_535)}!` }]), f.key);
      ok(await apply(u, [{ key: f.key, value: 'a'.repeat(65_536) }]));
      // A backtracking engine takes minutes on the first value; RE2 takes milliseconds.
      expect(Date.now() - started).toBeLessThan(5_000);
      const nested = await field('REGEXP', { pattern: '(x+x+)+y' });
      const t = Date.now();
      expectFieldError(await apply(u, [{ key: nested.key, value: 'x'.repeat(5_000) }]), nested.key);
      expect(Date.now() - t).toBeLessThan(5_000);
    });

    it('shows the admin hint with a refused value', async () => {
      const f = await field('REGEXP', REGEXP);
      const r = await apply(await newUser(), [{ key: f.key, value: 'nope' }]);
      expect(r.errors?.[0].message).toContain('two capitals, a dash and four digits');
    });

    it('refuses an unknown key, an inactive field and a key given twice', async () => {
      const u = await newUser();
      expectFieldError(await apply(u, [{ key: 'no_such_field', value: 'x' }]), 'no_such_field');
      const f = await field('TEXT');
      expectFieldError(
        await apply(u, [
          { key: f.key, value: 'a' },
          { key: f.key, value: 'b' },
        ]),
        f.key,
      );
      ok(await app.gql(UPDATE_FIELD, { id: f.id, i: { active: false } }));
      expectFieldError(await apply(u, [{ key: f.key, value: 'x' }]), f.key);
    });

    it('clears with null, an empty string or an empty list', async () => {
      const t = await field('TEXT');
      const m = await field('MULTISELECT', MULTI);
      const u = await newUser();
      for (const clear of [{ value: null }, { value: '' }, { value: '   ' }]) {
        ok(
          await apply(u, [
            { key: t.key, value: 'set' },
            { key: m.key, values: ['email'] },
          ]),
        );
        expect((await valueOf(u, t.key)).value).toBe('set');
        ok(
          await apply(u, [
            { key: t.key, ...clear },
            { key: m.key, values: [] },
          ]),
        );
        expect(await valueOf(u, t.key)).toMatchObject({ value: null, text: null });
        expect(await valueOf(u, m.key)).toMatchObject({ value: null, values: null, options: null });
      }
    });

    it('deactivating hides a field from User.fields and keeps its value; reactivating shows it again', async () => {
      const f = await field('DATE');
      const u = await newUser();
      ok(await apply(u, [{ key: f.key, value: '2025-06-01' }]));
      ok(await app.gql(UPDATE_FIELD, { id: f.id, i: { active: false } }));
      expect(await valueOf(u, f.key)).toBeUndefined();
      ok(await app.gql(UPDATE_FIELD, { id: f.id, i: { active: true } }));
      expect(await valueOf(u, f.key)).toMatchObject({ value: '2025-06-01', date: '2025-06-01' });
    });

    it('lists every active field, unset ones with null members', async () => {
      const u = await newUser();
      const all = await values(u);
      const active = ok(await app.gql(LIST_FIELDS, { active: true })).userFields;
      expect(all.map((v) => v.key)).toEqual(active.map((f: any) => f.key));
      for (const v of all)
        expect(v).toMatchObject({
          value: null,
          values: null,
          text: null,
          number: null,
          boolean: null,
          date: null,
          options: null,
          user: null,
          organization: null,
        });
    });

    it('records changed values only, as fields.<key> (service)', async () => {
      const t = await field('TEXT');
      const m = await field('MULTISELECT', MULTI);
      const u = Number(await newUser());
      const write = async (fields: UserFieldInput[]) => {
        const p = await svc.prepare(fields);
        return app.db.transaction((em) => svc.write(em, u, p, new Date()));
      };
      expect(
        await write([
          { key: t.key, value: 'one' },
          { key: m.key, value: 'phone,email' },
        ]),
      ).toEqual([
        { field: `fields.${t.key}`, oldValue: null, newValue: 'one', redacted: false },
        { field: `fields.${m.key}`, oldValue: null, newValue: 'email, phone', redacted: false },
      ]);
      expect(
        await write([
          { key: t.key, value: ' one ' },
          { key: m.key, values: ['Phone', 'EMAIL'] },
        ]),
      ).toEqual([]);
      expect(
        await write([
          { key: t.key, value: 'One' },
          { key: m.key, values: ['phone'] },
        ]),
      ).toEqual([
        { field: `fields.${t.key}`, oldValue: 'one', newValue: 'One', redacted: false },
        { field: `fields.${m.key}`, oldValue: 'email, phone', newValue: 'phone', redacted: false },
      ]);
      expect(await write([{ key: t.key, value: null }])).toEqual([{ field: `fields.${t.key}`, oldValue: 'One', newValue: null, redacted: false }]);
      expect(await write([])).toEqual([]);
    });

    it('names the active required fields left empty (service)', async () => {
      const r1 = await field('TEXT', { required: true });
      const r2 = await field('CHECKBOX', { required: true });
      const off = await field('TEXT', { required: true, active: false });
      try {
        const u = Number(await newUser());
        const none = await svc.prepare([]);
        expect(await svc.missingRequired(null, none)).toEqual([r1.key, r2.key]);
        expect(await svc.missingRequired(u, await svc.prepare([{ key: r1.key, value: 'x' }]))).toEqual([r2.key]);
        // An unchecked box is an answer.
        const both = await svc.prepare([
          { key: r1.key, value: 'x' },
          { key: r2.key, value: 'false' },
        ]);
        expect(await svc.missingRequired(u, both)).toEqual([]);
        await app.db.transaction((m) => svc.write(m, u, both, new Date()));
        expect(await svc.missingRequired(u, none)).toEqual([]);
        expect(await svc.missingRequired(u, await svc.prepare([{ key: r1.key, value: '' }]))).toEqual([r1.key]);
        expect(await svc.missingRequired(u, none)).not.toContain(off.key);
      } finally {
        for (const f of [r1, r2]) ok(await app.gql(UPDATE_FIELD, { id: f.id, i: { required: false } }));
      }
    });
  });

  describe('filter', () => {
    let text: any, dec: any, multi: any, drop: any, check: any;
    const users: Record<string, string> = {};

    beforeAll(async () => {
      text = await field('TEXT');
      dec = await field('DECIMAL');
      multi = await field('MULTISELECT', {
        options: [
          { title: 'Email', value: 'email' },
          { title: 'Phone', value: 'phone' },
        ],
      });
      drop = await field('DROPDOWN', {
        options: [
          { title: 'Gold plan', value: 'gold' },
          { title: 'Silver plan', value: 'silver' },
        ],
      });
      check = await field('CHECKBOX');
      const long = 'L'.repeat(300);
      const rows: [string, UserFieldInput[]][] = [
        [
          'ann',
          [
            { key: text.key, value: 'Hello World' },
            { key: dec.key, value: '12.5' },
            { key: multi.key, values: ['email', 'phone'] },
            { key: drop.key, value: 'gold' },
            { key: check.key, value: 'yes' },
          ],
        ],
        [
          'bob',
          [
            { key: text.key, value: 'hello world' },
            { key: multi.key, values: ['email'] },
            { key: drop.key, value: 'silver' },
            { key: check.key, value: 'no' },
          ],
        ],
        [
          'cat',
          [
            { key: text.key, value: long },
            { key: dec.key, value: '7' },
          ],
        ],
        ['dan', []],
      ];
      for (const [name, fields] of rows) {
        users[name] = await newUser(`Filter ${name}`);
        if (fields.length) ok(await apply(users[name], fields));
      }
    });

    const matching = async (filters: UserFieldInput[]): Promise<string[]> => {
      const { sql, params } = await svc.filterClause(filters, 'u.id');
      const ids = Object.values(users).map(Number);
      const rows = await app.db.manager.query(`SELECT u.id FROM users u WHERE u.id IN (${ids.map(() => '?').join(', ')}) AND ${sql} ORDER BY u.id`, [
        ...ids,
        ...params,
      ]);
      const byId = Object.fromEntries(Object.entries(users).map(([k, v]) => [v, k]));
      return rows.map((r: any) => byId[String(r.id)]);
    };

    it.each([
      ['text, ignoring letter case', (): UserFieldInput[] => [{ key: text.key, value: 'HELLO world ' }], ['ann', 'bob']],
      ['a long text', (): UserFieldInput[] => [{ key: text.key, value: 'l'.repeat(300) }], ['cat']],
      ['a decimal in another form', (): UserFieldInput[] => [{ key: dec.key, value: '012.50' }], ['ann']],
      ['every listed option of a multi-select', (): UserFieldInput[] => [{ key: multi.key, values: ['Phone', 'email'] }], ['ann']],
      ['one option of a multi-select', (): UserFieldInput[] => [{ key: multi.key, value: 'email' }], ['ann', 'bob']],
      ['a drop-down by title', (): UserFieldInput[] => [{ key: drop.key, value: 'silver PLAN' }], ['bob']],
      // An unticked box and a box never touched both read "No".
      ['an unchecked box', (): UserFieldInput[] => [{ key: check.key, value: 'false' }], ['bob', 'cat', 'dan']],
      ['a checked box', (): UserFieldInput[] => [{ key: check.key, value: 'yes' }], ['ann']],
      ['no value (null)', (): UserFieldInput[] => [{ key: dec.key, value: null }], ['bob', 'dan']],
      ['no value (empty list)', (): UserFieldInput[] => [{ key: multi.key, values: [] }], ['cat', 'dan']],
      [
        'all filters at once',
        (): UserFieldInput[] => [
          { key: text.key, value: 'hello world' },
          { key: drop.key, value: 'gold' },
        ],
        ['ann'],
      ],
    ])('finds users by %s', async (_label, filters, expected) => {
      expect(await matching(filters())).toEqual(expected);
      if (!wired) return;
      const r = ok(
        await app.gql('query($f: [UserFieldFilter!]) { users(first: 100, fields: $f) { edges { node { id } } } }', { f: filters() }),
      ).users.edges.map((e: any) => e.node.id);
      expect(
        Object.entries(users)
          .filter(([, id]) => r.includes(id))
          .map(([k]) => k)
          .sort(),
      ).toEqual(expected);
    });

    it('refuses a wrong filter value, an unknown key or an inactive field, naming the key', async () => {
      const toErrors = async (filters: UserFieldInput[]): Promise<Errors> => {
        try {
          await svc.filterClause(filters, 'u.id');
          return {};
        } catch (err) {
          return { errors: [{ message: (err as Error).message, extensions: (err as GraphQLError).extensions as Record<string, any> }] };
        }
      };
      expectFieldError(await toErrors([{ key: dec.key, value: 'twelve' }]), dec.key);
      expectFieldError(await toErrors([{ key: drop.key, value: 'bronze' }]), drop.key);
      expectFieldError(await toErrors([{ key: 'nope', value: 'x' }]), 'nope');
      const off = await field('TEXT', { active: false });
      expectFieldError(await toErrors([{ key: off.key, value: 'x' }]), off.key);
      if (wired) {
        const r = await app.gql('query($f: [UserFieldFilter!]) { users(fields: $f) { edges { node { id } } } }', {
          f: [{ key: dec.key, value: 'twelve' }],
        });
        expectFieldError(r, dec.key);
      }
    });
  });

  describe('through createUser and updateUser', () => {
    it('creates a user with typed values and changes them, recorded in the history', async () => {
      const plan = await field('DROPDOWN', {
        options: [
          { title: 'Gold plan', value: 'gold' },
          { title: 'Silver plan', value: 'silver' },
        ],
      });
      const seats = await field('INTEGER');
      const created = ok(
        await app.gql(CREATE_USER, {
          i: {
            name: 'Typed',
            email: uniqueEmail(),
            fields: [
              { key: plan.key, value: 'Gold plan' },
              { key: seats.key, value: '25' },
            ],
          },
        }),
      ).createUser.user;
      expect(created.fields.find((v: any) => v.key === plan.key)).toMatchObject({ value: 'gold', options: [{ value: 'gold' }] });
      expect(created.fields.find((v: any) => v.key === seats.key)).toMatchObject({ value: '25', number: '25' });

      const bad = await app.gql(CREATE_USER, { i: { name: 'Bad', email: uniqueEmail(), fields: [{ key: seats.key, value: 'lots' }] } });
      expectFieldError(bad, seats.key);

      const updated = ok(await app.gql(UPDATE_USER, { id: created.id, i: { fields: [{ key: seats.key, value: '30' }] } })).updateUser;
      expect(updated.fields.find((v: any) => v.key === seats.key)).toMatchObject({ value: '30', number: '30' });
      expect(updated.fields.find((v: any) => v.key === plan.key)).toMatchObject({ value: 'gold' });
      const events = ok(
        await app.gql('query($id: ID!) { user(id: $id) { events { edges { node { action changes { field oldValue newValue } } } } } }', {
          id: created.id,
        }),
      ).user.events.edges;
      expect(events[0].node.changes).toContainEqual({ field: `fields.${seats.key}`, oldValue: '25', newValue: '30' });
    });
  });

  describe('required fields', () => {
    it('are checked when the caller asks (checkRequiredFields: true, as the admin app does), and nowhere else', async () => {
      const req = await field('TEXT', { required: true });
      const agent = await app.person('AGENT');
      const CHECKED = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i, checkRequiredFields: true) { id fields { ${VALUE} } } }`;
      const asAgent = app.as(agent.auth);
      // Adding someone with a name and an email is never blocked.
      const created = await asAgent(CREATE_USER, { i: { name: 'Needs Field', email: uniqueEmail() } });
      const id = ok(created).createUser.user.id;
      // Saving the profile without it is refused, naming the key, and changes nothing.
      const refused = await asAgent(CHECKED, { id, i: { name: 'Renamed' } });
      expectFieldError(refused, req.key);
      expect(ok(await app.gql('query($id: ID!) { user(id: $id) { name } }', { id })).user.name).toBe('Needs Field');
      // Clearing it is refused too; filling it makes the save go through.
      expectFieldError(await asAgent(CHECKED, { id, i: { fields: [{ key: req.key, value: '  ' }] } }), req.key);
      ok(await asAgent(CHECKED, { id, i: { name: 'Renamed', fields: [{ key: req.key, value: 'filled' }] } }));
      // Without the argument (its default is false) nothing is checked: a session no more than a partner app (API token).
      const other = ok(await app.gql(CREATE_USER, { i: { name: 'Api Person', email: uniqueEmail() } })).createUser.user.id;
      ok(await asAgent(UPDATE_USER, { id: other, i: { name: 'Session Renamed' } }));
      ok(await app.gql(UPDATE_USER, { id: other, i: { name: 'Api Renamed' } }));
      // A token may ask for the check too: it is an argument, not a property of the client.
      expectFieldError(await app.gql(CHECKED, { id: other, i: { name: 'Checked By Api' } }), req.key);
      // A hidden header changes nothing any more.
      ok(await asAgent(UPDATE_USER, { id: other, i: { name: 'Header Ignored' } }, { 'x-accueil-client': 'admin-app' }));
      // Staff's own accounts are never held to them.
      ok(await asAgent(CHECKED, { id: agent.id, i: { name: 'Agent Renamed' } }));
      // An inactive field is not required.
      ok(await app.gql(UPDATE_FIELD, { id: req.id, i: { active: false } }));
      ok(await asAgent(CHECKED, { id: other, i: { name: 'Now Free' } }));
    });
  });

  describe('speed', () => {
    it('lists 100 users with all their values in as many queries as 10 users', async () => {
      const lookup = await field('LOOKUP', { lookupTarget: 'USER' });
      const t = await field('TEXT');
      const m = await field('MULTISELECT', {
        options: [
          { title: 'A', value: 'a' },
          { title: 'B', value: 'b' },
        ],
      });
      const target = await newUser('Looked Up');
      for (let batch = 0; batch < 10; batch++) {
        const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => newUser(`Bulk ${batch}-${i}`)));
        for (const id of ids)
          ok(
            await apply(id, [
              { key: lookup.key, value: target },
              { key: t.key, value: `t${id}` },
              { key: m.key, values: ['a', 'b'] },
            ]),
          );
      }
      const count = async (first: number) => {
        // Every statement of either driver goes through its query runner (the manager, transactions).
        const runner = app.db.ds.createQueryRunner();
        const ds = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
        await runner.release();
        const original = ds.query;
        const seen: string[] = [];
        ds.query = function (this: unknown, ...args: unknown[]) {
          // The page itself and what its fields need (sessions and tokens are the same for both calls).
          if (/user_field|organizations|FROM users/.test(String(args[0]))) seen.push(String(args[0]));
          return original.apply(this, args);
        };
        try {
          const r = ok(
            await app.gql(
              `query($n: Int) { users(first: $n) { edges { node { id fields { key value values user { id name email } organization { id } } } } } }`,
              { n: first },
            ),
          );
          expect(r.users.edges).toHaveLength(first);
          const withLookup = r.users.edges.filter((e: any) => e.node.fields.find((v: any) => v.key === lookup.key)?.user?.id === target);
          expect(withLookup.length).toBe(first);
        } finally {
          ds.query = original;
        }
        return seen.length;
      };
      const ten = await count(10);
      const hundred = await count(100);
      expect(ten).toBeGreaterThan(0); // the hook does count
      expect(hundred).toBe(ten);
      expect(hundred).toBeLessThanOrEqual(8);
    });
  });
});
