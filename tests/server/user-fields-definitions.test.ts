import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_FIELD, UPDATE_FIELD, REORDER, DELETE_FIELD, LIST_FIELDS, USER_VALUES, uniqueKey, useUserFieldsApp } from './user-fields-setup.js';

// Custom user fields: their definitions (keys, types, options, patterns, order, deletion) and who may manage them.

describe.each(testDialects())('custom user fields on %s', (dialect) => {
  const setup = useUserFieldsApp(dialect);
  const { expectFieldError, ok, createField, field, newUser, apply, values, valueOf } = setup;
  let app: TestApp;
  beforeAll(() => {
    ({ app } = setup);
  });

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
});
