import { beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import type { TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import type { FieldValuesService } from '../../server/fields/field-values.service.js';
import type { UserFieldInput } from '../../server/fields/user-field.types.js';
import { type Errors, useUserFieldsApp } from './user-fields-setup.js';

// Custom user fields: filtering users by their values.

describe.each(testDialects())('custom user fields on %s', (dialect) => {
  const setup = useUserFieldsApp(dialect);
  const { expectFieldError, ok, field, newUser, apply } = setup;
  let app: TestApp;
  let svc: FieldValuesService;
  let wired = false;
  beforeAll(() => {
    ({ app, svc, wired } = setup);
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
});
