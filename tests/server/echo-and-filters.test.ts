import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ok, refused } from '../helpers/answers.js';
import { testDialects } from '../helpers/databases.js';

/** Input echoed in errors is shortened; users(fields:) bounds its filters and answers the allowed ones cheaply (both databases). */
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';
const CREATE_ORG = 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }';
const CREATE_FIELD = 'mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { id key } }';

let seq = 0;
const email = () => `echo.${++seq}.${Date.now()}@acme.io`;

describe.each(testDialects())('echoed input and long filter lists, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  const createUser = (i: Record<string, unknown>) => app.gql(CREATE_USER, { i: { email: email(), ...i } });

  it('shortens an unknown custom field key in the error (message and field)', async () => {
    const key = 'k'.repeat(10_000);
    for (const r of [
      await createUser({ name: 'N', fields: [{ key, value: 'x' }] }),
      await app.gql('query($f: [UserFieldFilter!]) { users(fields: $f) { totalCount } }', { f: [{ key, value: 'x' }] }),
    ]) {
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message.length).toBeLessThan(200);
      expect(String(r.errors![0].extensions!.field).length).toBeLessThanOrEqual(64);
      expect(JSON.stringify(r).length).toBeLessThan(1_000);
    }
  });

  it('shortens values that GraphQL itself quotes in its errors (variables, enum values, field names)', async () => {
    const long = 'X'.repeat(5_000);
    const create = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';
    for (const r of [
      await app.gql(create, { i: { name: 'a', email: email(), role: long } }),
      await app.gql(create, { i: { name: { nested: long }, email: email() } }),
      await app.gql(create, { i: { name: 'a', email: email(), [long]: 1 } }),
      await app.gql(`{ ${long} }`),
      await app.gql(`mutation { createUser(input: { name: "a", email: "x@acme.io", role: ${long} }) { user { id } } }`),
    ]) {
      expect(r.errors?.length).toBeGreaterThan(0);
      for (const e of r.errors!) expect(e.message.length, e.message.slice(0, 200)).toBeLessThan(400);
      expect(JSON.stringify(r).length).toBeLessThan(1_000);
    }
  });

  it('shortens other echoed values: an option, a domain, a time zone', async () => {
    const long = 'z'.repeat(5_000);
    const drop = ok(
      await app.gql(CREATE_FIELD, { i: { key: `d_${++seq}`, title: 'Plan', type: 'DROPDOWN', options: [{ title: 'Pro', value: 'pro' }] } }),
    ).createUserField;
    for (const r of [
      await createUser({ name: 'N', fields: [{ key: drop.key, value: long }] }),
      await app.gql(CREATE_ORG, { i: { name: `D ${++seq}`, domains: [`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.x`] } }),
      await createUser({ name: 'N', timeZone: 'x'.repeat(64) }),
    ]) {
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message.length, r.errors![0].message).toBeLessThan(200);
    }
  });

  describe('users(fields:) with long lists', () => {
    let multi: any;
    let member: string;
    const options = Array.from({ length: 1_000 }, (_, i) => ({ title: `Option ${i}`, value: `o${i}` }));
    const query = 'query($f: [UserFieldFilter!]) { users(fields: $f) { totalCount edges { node { id } } } }';
    beforeAll(async () => {
      multi = ok(await app.gql(CREATE_FIELD, { i: { key: `many_${++seq}`, title: 'Many', type: 'MULTISELECT', options } })).createUserField;
      member = ok(await createUser({ name: 'Chooser', fields: [{ key: multi.key, values: options.slice(0, 100).map((o) => o.value) }] })).createUser
        .user.id;
    });

    it('refuses more than 100 values in one filter, and more than 20 filters, clearly', async () => {
      const values = options.map((o) => o.value);
      expect(refused(await app.gql(query, { f: [{ key: multi.key, values }] }), multi.key)).toMatch(/100 values/);
      expect(refused(await app.gql(query, { f: [{ key: multi.key, value: values.join(',') }] }), multi.key)).toMatch(/100 values/);
      const filters = Array.from({ length: 21 }, () => ({ key: multi.key, values: ['o1'] }));
      expect(refused(await app.gql(query, { f: filters }), 'fields')).toMatch(/20/);
    });

    it('answers the largest allowed filter (20 × 100 values) quickly and right', async () => {
      const values = options.slice(0, 100).map((o) => o.value);
      const started = performance.now();
      const r = ok(await app.gql(query, { f: Array.from({ length: 20 }, () => ({ key: multi.key, values })) }));
      expect(r.users.edges.map((e: any) => e.node.id)).toEqual([member]);
      expect(performance.now() - started).toBeLessThan(5_000);
      const missing = ok(await app.gql(query, { f: [{ key: multi.key, values: [...values.slice(1), 'o100'] }] }));
      expect(missing.users.totalCount).toBe(0);
    });
  });
});
