import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { jitStats } from '../../server/graphql/jit-executor.js';

/**
 * Hot queries run compiled by graphql-jit (the first run of a shape goes through graphql-js, later
 * ones compiled): the answers must be the same, data and errors alike, whoever asks.
 */

const PAGE = `query Page($q: String, $n: Int = 100) { users(query: $q, first: $n) { totalCount edges { cursor node {
  id name email phone alias notes details externalId role suspended verified createdVia createdAt updatedAt timeZone locale
  organization { id name domains tags userCount } identities { id type value displayValue primary verified shared deliverability sharedWith { id name } }
  tags fields { key value values number boolean date options { value title } user { id name } organization { id name } }
  viewerCan { update delete }
} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

const CASES: { name: string; query: string; variables?: Record<string, unknown>; as: 'admin' | 'agent' | 'endUser' | 'writeOnly' | 'readOnly' }[] = [
  { name: 'the full page, as an admin', query: PAGE, as: 'admin' },
  { name: 'the full page, as a token that may read', query: PAGE, variables: { q: 'jit' }, as: 'readOnly' },
  { name: 'the full page, as a token that may only write (every private field refused)', query: PAGE, variables: { n: 3 }, as: 'writeOnly' },
  { name: 'the full page, as an end user (refused)', query: PAGE, as: 'endUser' },
  {
    name: 'an agent reading one profile with its history',
    query:
      'query($id: ID!) { user(id: $id) { name notes fields { key value } events(first: 5) { edges { node { action source changes { field oldValue newValue } } } } } }',
    as: 'agent',
  },
  { name: 'a user that does not exist', query: '{ user(id: "999999") { id name } }', as: 'admin' },
  {
    name: 'fragments, aliases, @include and @skip',
    query: `query($with: Boolean!) { a: users(first: 2) { edges { node { ...P } } } b: users(first: 1) @skip(if: $with) { totalCount } me { id email @include(if: $with) } }
      fragment P on User { id n: name tags @include(if: $with) organization { name } }`,
    variables: { with: true },
    as: 'admin',
  },
  {
    name: 'organizations and field definitions',
    query:
      '{ organizations(first: 5) { edges { node { id name domains userCount } } } userFields { key type options { value } } viewerCan { createUsers createStaff listUsers } }',
    as: 'admin',
  },
  { name: 'variables of the wrong type (graphql-js answers)', query: PAGE, variables: { n: 'many' }, as: 'admin' },
];

describe.each(testDialects())('graphql-jit answers what graphql-js answers, on %s', (dialect) => {
  let app: TestApp;
  const auth: Record<string, Auth> = {};
  let someone = '';

  beforeAll(async () => {
    app = await startTestApp(dialect);
    const ok = async (query: string, variables?: Record<string, unknown>) => {
      const r = await app.gql(query, variables);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    const org = (await ok('mutation { createOrganization(input: { name: "Jit Works", domains: ["jit.acme.io"], tags: ["vendor"] }) { id } }'))
      .createOrganization.id;
    const plan = await ok(
      'mutation { createUserField(input: { key: "plan", title: "Plan", type: DROPDOWN, options: [{ title: "Pro", value: "pro" }] }) { id } }',
    );
    await ok('mutation { createUserField(input: { key: "seats", title: "Seats", type: INTEGER }) { id } }');
    await ok('mutation { createUserField(input: { key: "manager", title: "Manager", type: LOOKUP, lookupTarget: USER }) { id } }');
    expect(plan).toBeTruthy();
    for (let i = 0; i < 6; i++) {
      const made = await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: {
          name: `Jit Person ${i}`,
          email: `jit.${i}@jit.acme.io`,
          phone: `+3361234567${i}`,
          tags: ['vip', `t${i}`],
          notes: 'Line one\nline two',
          fields: [{ key: 'plan', value: 'pro' }, { key: 'seats', value: String(i * 10) }, ...(someone ? [{ key: 'manager', value: someone }] : [])],
        },
      });
      someone = made.createUser.user.id;
    }
    expect(org).toBeTruthy();
    auth.admin = app.admin;
    auth.agent = (await app.person('AGENT')).auth;
    auth.endUser = (await app.person('END_USER')).auth;
    auth.readOnly = (await app.token(['USERS_READ'], 'reader')).auth;
    auth.writeOnly = (await app.token(['USERS_WRITE'], 'writer')).auth;
  }, 60_000);
  afterAll(() => app?.stop());

  it.each(CASES)('$name', async ({ query, variables, as }) => {
    const vars = { id: someone, ...variables };
    const first = await app.as(auth[as])(query, vars); // graphql-js (a shape's first run)
    expect(first.errors?.find((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBeUndefined();
    const before = jitStats.compiledRuns;
    await app.as(auth[as])(query, vars);
    const third = await app.as(auth[as])(query, vars);
    expect(JSON.stringify(third)).toBe(JSON.stringify(first));
    if (!('n' in (variables ?? {}) && variables!.n === 'many')) expect(jitStats.compiledRuns).toBeGreaterThan(before);
    else expect(first.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
