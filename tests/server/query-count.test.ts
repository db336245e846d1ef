import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

/**
 * A page of users with their organization, identities, tags and every custom
 * field value costs a bounded number of SQL queries, whatever the page size:
 * the DataLoaders batch each kind of thing into one query. So does a page of
 * history with the people who made each change.
 */
const PAGE = `query($first: Int) { users(first: $first) {
  totalCount
  edges { node {
    id name email phone
    organization { id name domains tags userCount }
    identities { id type value displayValue primary verified shared sharedWith { id name } }
    tags
    fields { key type value values text number boolean date options { value title } user { id name } organization { id name } field { key title } }
  } }
} }`;

const HISTORY = `query($id: ID!, $first: Int) { user(id: $id) { id events(first: $first) {
  totalCount edges { node { action source createdAt actor { kind tokenName user { id name email } } changes { field } } }
} } }`;

const FIELD_TYPES: [string, string, Record<string, unknown>][] = [
  [
    'plan',
    'DROPDOWN',
    {
      options: [
        { title: 'Free', value: 'free' },
        { title: 'Pro', value: 'pro' },
      ],
    },
  ],
  ['seats', 'INTEGER', {}],
  ['mrr', 'DECIMAL', {}],
  ['renewal', 'DATE', {}],
  ['beta', 'CHECKBOX', {}],
  ['bio', 'MULTILINE', {}],
  ['nickname', 'TEXT', {}],
  ['sku', 'REGEXP', { pattern: '[A-Z]{3}-\\d{3}', patternHint: 'Like ABC-123' }],
  [
    'products',
    'MULTISELECT',
    {
      options: [
        { title: 'Chat', value: 'chat' },
        { title: 'Mail', value: 'mail' },
      ],
    },
  ],
  ['manager', 'LOOKUP', { lookupTarget: 'USER' }],
];

describe.each(testDialects())('SQL queries per page on %s', (dialect) => {
  let app: TestApp;
  let queries = 0;
  let historyOf = '';

  beforeAll(async () => {
    // No background work (imports, the outbox, the purge of deleted users, the fold of the search prefix counts): their
    // looks for work would count among a page's queries.
    app = await startTestApp(dialect, { IMPORT_WORKER: 'false', OUTBOX_WORKER: 'false', DELETED_USERS_PURGE_SECONDS: '0', SEARCH_FOLD_SECONDS: '0' });
    const manager = (await app.gql(`query { me { id } }`)).data?.me?.id;
    for (const [key, type, extra] of FIELD_TYPES) {
      const r = await app.gql(`mutation($input: CreateUserFieldInput!) { createUserField(input: $input) { id } }`, {
        input: { key, title: key, type, ...extra },
      });
      expect(r.errors).toBeUndefined();
    }
    const orgs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
        input: { name: `Org ${i}`, domains: [`org${i}.io`], tags: [`t${i}`] },
      });
      orgs.push(r.data.createOrganization.id);
    }
    // A history of 40 changes made by 10 different people (and the partner app that created the account).
    historyOf = (await app.gql(`mutation { createUser(input: { name: "Much Changed", email: "changed@org0.io" }) { user { id } } }`)).data.createUser
      .user.id;
    for (let p = 0; p < 10; p++) {
      const agent = await app.person('AGENT', `Changer ${p}`);
      for (let k = 0; k < 4; k++) {
        const r = await app.as(agent.auth)('mutation($id: ID!, $a: String) { updateUser(id: $id, input: { alias: $a }) { id } }', {
          id: historyOf,
          a: `alias ${p}.${k}`,
        });
        expect(r.errors).toBeUndefined();
      }
    }
    for (let i = 0; i < 120; i++) {
      const r = await app.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
        input: {
          name: `Person ${i}`,
          email: `p${i}@org${i % 5}.io`,
          phone: `+33 6 12 34 ${String(Math.floor(i / 100)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')}`,
          tags: [`tag${i % 7}`, 'all'],
          fields: [
            { key: 'plan', value: i % 2 ? 'pro' : 'free' },
            { key: 'seats', value: String(i) },
            { key: 'mrr', value: `${i}.5` },
            { key: 'renewal', value: '2027-01-31' },
            { key: 'beta', value: 'true' },
            { key: 'bio', value: 'line\nline' },
            { key: 'nickname', value: `p${i}` },
            { key: 'sku', value: 'ABC-123' },
            { key: 'products', values: ['chat', 'mail'] },
            { key: 'manager', value: manager ?? null },
          ],
        },
      });
      expect(r.errors).toBeUndefined();
    }
    // Count every statement the server sends to the database from here on: every query of
    // either driver goes through its query runner (the manager, transactions, repositories).
    const runner = app.db.ds.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      queries++;
      return original.apply(this, args);
    };
  }, 180_000);
  afterAll(() => app?.stop());

  const countFor = async (first: number) => {
    const before = queries;
    const r = await app.gql(PAGE, { first });
    expect(r.errors).toBeUndefined();
    expect(r.data.users.edges).toHaveLength(first);
    return { count: queries - before, data: r.data };
  };

  it('accepts a full page of 100 profiles written with a literal first: 100 (within the cost limit)', async () => {
    const r = await app.gql(PAGE.replace('query($first: Int) { users(first: $first)', 'query { users(first: 100)'));
    expect(r.errors).toBeUndefined();
    expect(r.data.users.edges).toHaveLength(100);
  });

  it('costs the same number of queries for 10 and for 100 users, and a small number at that', async () => {
    const small = await countFor(10);
    const large = await countFor(100);
    expect(large.count).toBe(small.count);
    // users + count + token lookup/last-used + one per kind of related thing; and the hook does count.
    expect(small.count).toBeGreaterThan(5);
    expect(large.count).toBeLessThanOrEqual(16);
    const node = large.data.users.edges[0].node;
    expect(node.organization).toMatchObject({ name: expect.stringMatching(/^Org \d$/), domains: [expect.stringMatching(/^org\d\.io$/)] });
    expect(node.identities.map((i: any) => i.type)).toEqual(['EMAIL', 'PHONE']);
    expect(node.tags).toContain('all');
    expect(node.fields.map((f: any) => f.key)).toEqual(FIELD_TYPES.map(([k]) => k));
    const byKey = Object.fromEntries(node.fields.map((f: any) => [f.key, f]));
    expect(byKey.seats.number).toBe('119');
    // Decimal values are exact strings, never floats.
    expect(byKey.mrr.number).toBe('119.5');
    expect(byKey.beta.boolean).toBe(true);
    expect(byKey.products.values).toEqual(['chat', 'mail']);
    expect(byKey.manager.user?.id ?? null).toBe((await app.gql(`query { me { id } }`)).data?.me?.id ?? null);
  });

  it('reads a page of history with the people who made each change in as many queries for 40 entries as for 4', async () => {
    const historyCount = async (first: number) => {
      const before = queries;
      const r = await app.gql(HISTORY, { id: historyOf, first });
      expect(r.errors).toBeUndefined();
      expect(r.data.user.events.edges).toHaveLength(first);
      return { count: queries - before, events: r.data.user.events };
    };
    const few = await historyCount(4);
    const many = await historyCount(40);
    expect(few.count).toBeGreaterThan(0);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(6);
    const actors = new Set(many.events.edges.map((e: any) => e.node.actor.user.name));
    expect(actors.size).toBe(10);
    expect(many.events.edges[0].node).toMatchObject({ action: 'UPDATED', source: 'ADMIN_APP', actor: { kind: 'USER', user: { name: 'Changer 9' } } });
  });
});
