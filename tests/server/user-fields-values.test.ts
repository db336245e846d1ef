import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import type { FieldValuesService } from '../../server/fields/field-values.service.js';
import { emptiedRequired } from '../../server/fields/required-fields.js';
import type { UserFieldInput } from '../../server/fields/user-field.types.js';
import { UPDATE_FIELD, LIST_FIELDS, useUserFieldsApp } from './user-fields-setup.js';

// Custom user fields: the values of every type, as read and written for a user.

describe.each(testDialects())('custom user fields on %s', (dialect) => {
  const setup = useUserFieldsApp(dialect);
  const { expectFieldError, ok, field, newUser, apply, values, valueOf } = setup;
  let app: TestApp;
  let svc: FieldValuesService;
  beforeAll(() => {
    ({ app, svc } = setup);
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

    it('refuses a value of control characters only instead of clearing the field with it (trim is not the rule)', async () => {
      const [u, BAD] = [await newUser(), [{ value: '\u000b' }, { value: '\u000c' }, { value: ' \u2028 ' }]];
      const cases = { TEXT: 'kept', MULTILINE: 'kept', INTEGER: '12', DATE: '2024-02-29', CHECKBOX: 'true', MULTISELECT: 'email' };
      for (const [type, good] of Object.entries(cases)) {
        const f = await field(type, type === 'MULTISELECT' ? MULTI : {});
        ok(await apply(u, [{ key: f.key, value: good }]));
        for (const bad of type === 'MULTISELECT' ? [...BAD, { values: ['\u000b'] }] : BAD) {
          expectFieldError(await apply(u, [{ key: f.key, ...bad }]), f.key);
          expect((await valueOf(u, f.key)).value, `${type} ${JSON.stringify(bad)}`).toBe(good);
        }
        ok(await apply(u, [{ key: f.key, value: ' \t\n ' }])); // plain spaces, tabs and line breaks still clear
        expect((await valueOf(u, f.key)).value).toBeNull();
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

    it('names the active required fields a save empties, not those it leaves alone (service)', async () => {
      const r1 = await field('TEXT', { required: true });
      const r2 = await field('CHECKBOX', { required: true });
      try {
        const keys = async (values: Parameters<typeof svc.prepare>[0]) => emptiedRequired(await svc.prepare(values)).map((p) => p.field);
        expect(await keys([])).toEqual([]);
        expect(await keys([{ key: r1.key, value: 'x' }])).toEqual([]);
        // An unchecked box is an answer; spaces are no value.
        expect(
          await keys([
            { key: r1.key, value: '  ' },
            { key: r2.key, value: 'false' },
          ]),
        ).toEqual([r1.key]);
        expect(
          await keys([
            { key: r1.key, value: null },
            { key: r2.key, value: null },
          ]),
        ).toEqual([r1.key, r2.key]);
      } finally {
        for (const f of [r1, r2]) ok(await app.gql(UPDATE_FIELD, { id: f.id, i: { required: false } }));
      }
    });
  });
});
