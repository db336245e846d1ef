import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { readConfig, ConfigError } from '../../server/config.js';
import { buildAppSchema } from '../../server/graphql/schema.js';
import { CostCounter } from '../../server/graphql/cost-limit.js';
import { UserFieldType, type UserField } from '../../server/fields/user-field.types.js';

/**
 * The cost limit counts the most values an answer can hold: page sizes
 * literal, as variables, as variable defaults and as the schema's argument
 * defaults; unpaged lists by the bounds the schema declares; custom fields by
 * the definitions that exist. One answer is also capped in bytes.
 */

const root = resolve(import.meta.dirname, '../..');
const options = (n: number, prefix = 'o') => Array.from({ length: n }, (_, i) => ({ title: `${prefix} ${i}`, value: `${prefix}${i}` }));

/** The cost found, read from the refusal of an app whose limit is 4 (signing in and making a token cost that much). */
async function costOf(app: TestApp, query: string, variables?: Record<string, unknown>): Promise<number> {
  const r = await app.as(app.admin)(query, variables);
  const refusal = r.errors?.find((e) => /cost limit/.test(e.message));
  if (!refusal) throw new Error(`not refused: ${JSON.stringify(r)}`);
  return refusal.extensions!.cost;
}

describe('counting', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { GRAPHQL_MAX_COST: '4' });
  });
  afterAll(() => app?.stop());

  it('counts a literal page size, a variable, a variable default and the schema default of a left-out argument', async () => {
    expect(await costOf(app, '{ tags(first: 5) { name } }')).toBe(10);
    expect(await costOf(app, 'query($n: Int) { tags(first: $n) { name } }', { n: 7 })).toBe(14);
    expect(await costOf(app, 'query($n: Int = 9) { tags(first: $n) { name } }')).toBe(18);
    // `first` left out: tags answers 20 by default, users 25 (and each edge holds a node).
    expect(await costOf(app, '{ tags { name count } }')).toBe(60);
    expect(await costOf(app, '{ users { edges { node { id } } } }')).toBe(1 + 25 * 3);
    // Page sizes above the cap count as the cap.
    expect(await costOf(app, '{ tags(first: 100000) { name } }')).toBe(200);
  });

  it('counts aliases each, and unpaged lists by their declared bounds', async () => {
    expect(await costOf(app, '{ a: tags(first: 5) { name } b: tags(first: 5) { name } }')).toBe(20);
    // One user: tags up to 200, addresses up to the declared 20.
    expect(await costOf(app, 'query($id: ID!) { user(id: $id) { tags } }', { id: '1' })).toBe(1 + 200);
    expect(await costOf(app, 'query($id: ID!) { user(id: $id) { identities { value } } }', { id: '1' })).toBe(1 + 20 * 2);
  });

  it('counts custom fields by the definitions that exist: one value each, options as many as the field has', async () => {
    const admin = app.as(app.admin);
    // No fields yet: a user's values cost nothing.
    expect((await admin('query($id: ID!) { user(id: $id) { fields { key } } }', { id: '1' })).errors).toBeUndefined();
    await admin(
      'mutation($o: [UserFieldOptionInput!]) { createUserField(input: { key: "many", title: "Many", type: MULTISELECT, options: $o }) { id } }',
      { o: options(300) },
    );
    await admin('mutation { createUserField(input: { key: "plain", title: "Plain", type: TEXT }) { id } }');
    await admin(
      'mutation($o: [UserFieldOptionInput!]) { createUserField(input: { key: "one", title: "One", type: DROPDOWN, options: $o }) { id } }',
      { o: options(40) },
    );
    // 3 values; a multi-select can hold all 300 options, a drop-down 1, a text none.
    expect(await costOf(app, 'query($id: ID!) { user(id: $id) { fields { key options { value } } } }', { id: '1' })).toBe(
      1 + 3 * 2 + 300 * 2 + 1 * 2,
    );
    // Each definition lists all its options.
    expect(await costOf(app, '{ userFields { options { value } } }')).toBe(3 + (300 + 0 + 40) * 2);
    // No inactive field: nothing to count, so even this limit of 4 lets it through.
    expect(await admin('{ userFields(active: false) { options { value } } }')).toEqual({ data: { userFields: [] } });
  });
});

describe.each(testDialects())('limits that cannot be walked around, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    const admin = app.as(app.admin);
    const r = await admin(
      'mutation($o: [UserFieldOptionInput!]) { createUserField(input: { key: "products", title: "Products", type: MULTISELECT, options: $o }) { id } }',
      {
        o: options(2000, 'product'),
      },
    );
    expect(r.errors).toBeUndefined();
  }, 120_000);
  afterAll(() => app?.stop());

  const refusedForCost = (r: { errors?: { message: string; extensions?: Record<string, any> }[] }) => {
    expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r.errors)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toMatch(/cost limit/);
  };
  const NESTED = (first: string) =>
    `organizations${first} { edges { node { users${first} { edges { node { events${first} { edges { node { id changes { field oldValue newValue } } } } } } } } } }`;

  it('refuses a page of pages whatever the way its sizes are given, and answers small ones', async () => {
    const gql = app.as(app.admin);
    refusedForCost(await gql(`{ ${NESTED('(first: 100)')} }`));
    refusedForCost(await gql(`query($n: Int) { ${NESTED('(first: $n)')} }`, { n: 100 }));
    refusedForCost(await gql(`query($n: Int = 100) { ${NESTED('(first: $n)')} }`));
    // Left out, each page holds its schema default (25, 25, 20): millions of values.
    refusedForCost(await gql(`{ ${NESTED('')} }`));
    expect((await gql(`query($n: Int = 2) { ${NESTED('(first: $n)')} }`)).errors).toBeUndefined();
    expect((await gql(`query($n: Int) { ${NESTED('(first: $n)')} }`, { n: 2 })).errors).toBeUndefined();
  });

  it('refuses a page of 100 users with a 2,000-option multi-select, and aliases of smaller ones that add up', async () => {
    const gql = app.as(app.admin);
    refusedForCost(await gql('{ users(first: 100) { edges { node { id fields { options { value title } } } } } }'));
    refusedForCost(await gql('{ users(first: 100) { edges { node { id fields { field { options { value title } } } } } } }'));
    const one = '{ edges { node { id fields { values } } } }';
    expect((await gql(`{ users(first: 10) ${one} }`)).errors).toBeUndefined();
    refusedForCost(await gql(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: users(first: 10) ${one}`).join(' ')} }`));
  });

  it('lets every operation the admin app sends through, at its largest page sizes', async () => {
    const schema = await buildAppSchema();
    const config = readConfig({});
    // Ten fields of each kind an admin would define, one of them with 2,000 options.
    const definitions = [
      ...Object.values(UserFieldType).map((type, i) => ({
        id: i + 1,
        key: `f${i}`,
        type,
        active: true,
        options: options(type === UserFieldType.MULTISELECT ? 2000 : type === UserFieldType.DROPDOWN ? 4 : 0),
      })),
    ] as unknown as UserField[];
    const documents = await adminAppDocuments();
    expect(documents.length).toBeGreaterThan(30);
    for (const { name, document } of documents) {
      for (const op of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')) {
        const variables = Object.fromEntries(
          (op.variableDefinitions ?? []).filter((v) => v.variable.name.value === 'first').map((v) => [v.variable.name.value, 100]),
        );
        const cost = new CostCounter(schema, document, variables, definitions).operation(op);
        expect(cost, `${name} costs ${cost}`).toBeLessThanOrEqual(config.maxQueryCost);
      }
    }
  });
});

/** Every GraphQL operation of the admin app, as graphql-codegen generated them from the documents beside each feature. */
async function adminAppDocuments(): Promise<{ name: string; document: DocumentNode }[]> {
  const generated = (await import(resolve(root, 'client/src/graphql/generated/graphql.ts'))) as Record<string, unknown>;
  return Object.entries(generated)
    .filter((entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && (entry[1] as DocumentNode | null)?.kind === 'Document')
    .map(([name, document]) => ({ name, document }));
}

describe('one answer in bytes', () => {
  it('is validated at start', () => {
    expect(readConfig({}).maxResponseBytes).toBe(4 * 1024 * 1024);
    expect(readConfig({ GRAPHQL_MAX_RESPONSE_BYTES: '100000' }).maxResponseBytes).toBe(100_000);
    expect(() => readConfig({ GRAPHQL_MAX_RESPONSE_BYTES: 'lots' })).toThrow(ConfigError);
    expect(() => readConfig({ GRAPHQL_MAX_RESPONSE_BYTES: '10' })).toThrow(ConfigError);
  });

  it('past GRAPHQL_MAX_RESPONSE_BYTES, the answer is a clear error, not the body', async () => {
    const app = await startTestApp('sqlite', { GRAPHQL_MAX_RESPONSE_BYTES: '20000' });
    try {
      const admin = app.as(app.admin);
      await admin(
        'mutation($o: [UserFieldOptionInput!]) { createUserField(input: { key: "big", title: "Big", type: DROPDOWN, options: $o }) { id } }',
        { o: options(1000, 'long option title') },
      );
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: app.admin.cookie },
        body: JSON.stringify({ query: '{ userFields { options { id title value position } } }' }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maxBytes: 20000 });
      expect(body.errors[0].extensions.bytes).toBeGreaterThan(20000);
      // Small answers are untouched.
      expect((await admin('{ userFields { key } }')).data.userFields).toEqual([{ key: 'big' }]);
    } finally {
      await app.stop();
    }
  });
});
