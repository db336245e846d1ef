import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

// Customer lists (issue 9): saved filters, mine or shared; admins manage shared ones.
const LIST_FIELDS =
  'id name shared owner { id } filter { query tagsAll roles fields { key equals } createdAfter } columns sort { field direction } userCount viewerCanManage';
const CREATE = `mutation($i: CreateCustomerListInput!) { createCustomerList(input: $i) { ${LIST_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateCustomerListInput!) { updateCustomerList(id: $id, input: $i) { ${LIST_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteCustomerList(id: $id) }';
const LISTS = `{ customerLists { id name shared userCount } }`;
const ONE = `query($id: ID!) { customerList(id: $id) { ${LIST_FIELDS} } }`;

describe.each(testDialects())('customer lists on %s', (dialect) => {
  let app: TestApp;
  let agent: Auth;
  let agent2: Auth;
  let endUser: Auth;
  const stem = `cl${Date.now().toString(36)}`;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    agent = (await app.person('AGENT')).auth;
    agent2 = (await app.person('AGENT')).auth;
    endUser = (await app.person('END_USER')).auth;
    await app.as(app.admin)('mutation { createUserField(input: { key: "plan", title: "Plan", type: TEXT }) { id } }');
    for (let i = 0; i < 3; i++) {
      await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: {
          name: `${stem} Member ${i}`,
          email: `m${i}.${stem}@lists.example.org`,
          tags: i < 2 ? ['vip'] : [],
          fields: [{ key: 'plan', value: i ? 'free' : 'pro' }],
        },
      });
    }
  });
  afterAll(() => app.stop());

  it('saves a private list with its filter, columns and sort, and counts its users', async () => {
    const r = await app.as(agent)(CREATE, {
      i: {
        name: ' VIPs ',
        filter: { query: stem, tagsAll: ['VIP'] },
        columns: ['name', 'EMAIL', 'custom_fields.plan'],
        sort: { field: 'NAME', direction: 'ASC' },
      },
    });
    expect(r.errors).toBeUndefined();
    const list = r.data.createCustomerList;
    expect(list).toMatchObject({
      name: 'VIPs',
      shared: false,
      columns: ['name', 'email', 'custom_fields.plan'],
      sort: { field: 'NAME', direction: 'ASC' },
      userCount: 2,
    });
    expect(list.filter).toMatchObject({ query: stem, tagsAll: ['VIP'] });
    // Mine: I see and manage it; another agent and an admin do not see it at all.
    expect((await app.as(agent)(LISTS)).data.customerLists.map((l: any) => l.id)).toContain(list.id);
    expect((await app.as(agent2)(LISTS)).data.customerLists.map((l: any) => l.id)).not.toContain(list.id);
    expect((await app.as(agent2)(ONE, { id: list.id })).data.customerList).toBeNull();
    expect((await app.as(app.admin)(ONE, { id: list.id })).data.customerList).toBeNull();
    expect((await app.as(agent2)(UPDATE, { id: list.id, i: { name: 'x' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.as(agent2)(DELETE, { id: list.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const changed = await app.as(agent)(UPDATE, {
      id: list.id,
      i: { filter: { query: stem, fields: [{ key: 'plan', equals: 'PRO' }] }, sort: null },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateCustomerList).toMatchObject({
      name: 'VIPs',
      sort: null,
      userCount: 1,
      filter: { fields: [{ key: 'plan', equals: 'PRO' }] },
    });
    expect((await app.as(agent)(DELETE, { id: list.id })).data.deleteCustomerList).toBe(true);
    expect((await app.as(agent)(ONE, { id: list.id })).data.customerList).toBeNull();
  });

  it('shares lists through admins only', async () => {
    expect((await app.as(agent)(CREATE, { i: { name: 'Team', filter: {}, shared: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const r = await app.as(app.admin)(CREATE, {
      i: { name: 'Team VIPs', filter: { tagsAll: ['vip'], createdAfter: '2020-01-01T00:00:00.000Z' }, shared: true },
    });
    expect(r.errors).toBeUndefined();
    const shared = r.data.createCustomerList;
    expect(shared.filter.createdAfter).toBe('2020-01-01T00:00:00.000Z');
    expect(shared.columns).toEqual(['name', 'email', 'organization', 'tags', 'created_at']);
    const seen = await app.as(agent)(ONE, { id: shared.id });
    expect(seen.data.customerList).toMatchObject({ name: 'Team VIPs', shared: true, userCount: 2, viewerCanManage: false });
    expect((await app.as(agent)(UPDATE, { id: shared.id, i: { name: 'Mine now' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(agent)(DELETE, { id: shared.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An agent's own list cannot be shared by them.
    const own = (await app.as(agent)(CREATE, { i: { name: 'Own', filter: {} } })).data.createCustomerList;
    expect((await app.as(agent)(UPDATE, { id: own.id, i: { shared: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(app.admin)(UPDATE, { id: shared.id, i: { name: 'Team VIPs 2' } })).data.updateCustomerList.name).toBe('Team VIPs 2');
  });

  it('refuses end users, tokens without the scope, and bad input', async () => {
    expect((await app.as(endUser)(LISTS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as({ kind: 'anonymous' })(LISTS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await app.token(['USERS_READ']);
    expect((await app.as(reader.auth)(LISTS)).errors).toBeUndefined();
    expect((await app.as(reader.auth)(CREATE, { i: { name: 'x', filter: {} } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const writer = await app.token(['USERS_WRITE']);
    // A token with USERS_WRITE alone saves a list (its creator's), and reads back only its id.
    const made = await app.as(writer.auth)('mutation { createCustomerList(input: { name: "By token", filter: {} }) { id } }');
    expect(made.errors).toBeUndefined();
    expect((await app.as(writer.auth)(CREATE, { i: { name: 'x', filter: {} } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(app.admin)(ONE, { id: made.data.createCustomerList.id })).data.customerList.name).toBe('By token');
    const field = async (i: Record<string, unknown>) => (await app.as(agent)(CREATE, { i })).errors?.[0].extensions?.field;
    expect(await field({ name: '   ', filter: {} })).toBe('name');
    expect(await field({ name: 'x', filter: {}, columns: ['password_hash'] })).toBe('columns');
    expect(await field({ name: 'x', filter: {}, columns: ['custom_fields.nope'] })).toBe('columns');
    expect(await field({ name: 'x', filter: {}, columns: [] })).toBe('columns');
    expect(await field({ name: 'x', filter: { fields: [{ key: 'nope', equals: 'x' }] } })).toBe('nope');
    expect(await field({ name: 'x', filter: { query: 'q'.repeat(400) } })).toBe('query');
  });

  it('a list whose filter names a field made inactive or deleted since counts null, and the others still read', async () => {
    const admin = app.as(app.admin);
    const made = await admin('mutation { createUserField(input: { key: "region", title: "Region", type: TEXT }) { id } }');
    const fieldId = made.data.createUserField.id;
    const stale = (
      await app.as(app.admin)(CREATE, { i: { name: 'By region', filter: { fields: [{ key: 'region', isEmpty: false }] }, shared: true } })
    ).data.createCustomerList;
    expect(stale.userCount).toBe(0);
    // Every staff member's sidebar reads the shared lists with their counts: one stale filter must not fail them all.
    const sidebar = async () => {
      const r = await app.as(agent2)(LISTS);
      expect(r.errors).toBeUndefined();
      return r.data.customerLists as { id: string; userCount: number | null }[];
    };
    for (const change of [
      `mutation { updateUserField(id: "${fieldId}", input: { active: false }) { id } }`,
      `mutation { deleteUserField(id: "${fieldId}") }`,
    ]) {
      expect((await admin(change)).errors).toBeUndefined();
      const lists = await sidebar();
      expect(lists.find((l) => l.id === stale.id)?.userCount).toBeNull();
      expect(lists.filter((l) => l.id !== stale.id).every((l) => typeof l.userCount === 'number')).toBe(true);
      expect((await app.as(agent2)(ONE, { id: stale.id })).data.customerList).toMatchObject({ name: 'By region', userCount: null });
    }
    // Its users cannot be listed, exported or acted on by that filter any more: the field is named, nothing widens.
    const users = await app.as(app.admin)('query($f: UserFilterInput) { users(filter: $f) { totalCount } }', {
      f: { fields: [{ key: 'region', isEmpty: false }] },
    });
    expect(users.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'region' });
    expect((await admin(DELETE, { id: stale.id })).data.deleteCustomerList).toBe(true);
  });
});
