import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

// users(filter:, sort:) (issue 9): every condition of UserFilterInput, sorts, paging and bounds.
const LIST = `query($filter: UserFilterInput, $sort: UserSortInput, $first: Int, $after: String, $tags: [String!]) {
  users(filter: $filter, sort: $sort, first: $first, after: $after, tags: $tags) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;

describe.each(testDialects())('user filters and sorts on %s', (dialect) => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  let orgId: string;
  let between: { start: string; end: string };
  const stem = `flt${Date.now().toString(36)}`;

  const names = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const r = await app.as(app.admin)(LIST, { filter: { ...filter, query: stem }, first: 100, ...extra });
    expect(r.errors, JSON.stringify(filter)).toBeUndefined();
    return r.data.users.edges.map((e: any) => e.node.name.replace(`${stem} `, '')).sort();
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    const admin = app.as(app.admin);
    orgId = (await admin('mutation { createOrganization(input: { name: "Filter Org" }) { id } }')).data.createOrganization.id;
    for (const f of [
      { key: 'seats', title: 'Seats', type: 'INTEGER' },
      { key: 'renewal', title: 'Renewal', type: 'DATE' },
      { key: 'plan', title: 'Plan', type: 'TEXT' },
    ]) {
      expect((await admin('mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { id } }', { i: f })).errors).toBeUndefined();
    }
    const make = async (key: string, input: Record<string, unknown>) => {
      const r = await admin('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: `${stem} ${key}`, email: `${key}.${stem}@filters.example.org`, ...input },
      });
      expect(r.errors).toBeUndefined();
      ids[key] = r.data.createUser.user.id;
    };
    await make('ada', {
      tags: ['vip', 'eu'],
      organizationId: orgId,
      fields: [
        { key: 'seats', value: '5' },
        { key: 'renewal', value: '2026-01-10' },
        { key: 'plan', value: 'Pro' },
      ],
    });
    await make('bob', {
      tags: ['eu'],
      verified: true,
      fields: [
        { key: 'seats', value: '50' },
        { key: 'renewal', value: '2027-06-01' },
      ],
    });
    await new Promise((r) => setTimeout(r, 1100));
    between = { start: new Date().toISOString(), end: '' };
    await make('cyd', { tags: ['us'], role: 'AGENT', organizationId: orgId, fields: [{ key: 'seats', value: '12' }] });
    await make('dee', { suspended: true });
    between.end = new Date(Date.now() + 1000).toISOString();
  });
  afterAll(() => app.stop());

  it('filters by tags (all, any, none), organization, role, verified and suspended', async () => {
    expect(await names({})).toEqual(['ada', 'bob', 'cyd', 'dee']);
    expect(await names({ tagsAll: ['vip', 'eu'] })).toEqual(['ada']);
    expect(await names({ tagsAny: ['VIP', 'us'] })).toEqual(['ada', 'cyd']);
    expect(await names({ tagsNone: ['eu'] })).toEqual(['cyd', 'dee']);
    expect(await names({ organizationId: orgId })).toEqual(['ada', 'cyd']);
    expect(await names({ withoutOrganization: true })).toEqual(['bob', 'dee']);
    expect(await names({ roles: ['AGENT'] })).toEqual(['cyd']);
    expect(await names({ roles: ['END_USER'], verified: true })).toEqual(['bob']);
    expect(await names({ suspended: true })).toEqual(['dee']);
    expect(await names({ suspended: false, tagsAny: ['eu', 'us'], tagsNone: ['vip'] })).toEqual(['bob', 'cyd']);
    // The old arguments still apply, together with the filter.
    expect(await names({ tagsAny: ['eu', 'us'] }, { tags: ['us'] })).toEqual(['cyd']);
  });

  it('filters by creation and change time', async () => {
    expect(await names({ createdAfter: between.start, createdBefore: between.end })).toEqual(['cyd', 'dee']);
    expect(await names({ createdBefore: between.start })).toEqual(['ada', 'bob']);
    await new Promise((r) => setTimeout(r, 20));
    const before = new Date().toISOString();
    await app.as(app.admin)('mutation($id: ID!) { updateUser(id: $id, input: { notes: "touched" }) { id } }', { id: ids.ada });
    expect(await names({ updatedAfter: before })).toEqual(['ada']);
    expect(await names({ updatedBefore: before })).toEqual(['bob', 'cyd', 'dee']);
  });

  it('filters by custom field values: equals, is empty, before and after', async () => {
    expect(await names({ fields: [{ key: 'plan', equals: 'pro' }] })).toEqual(['ada']);
    expect(await names({ fields: [{ key: 'plan', isEmpty: true }] })).toEqual(['bob', 'cyd', 'dee']);
    expect(await names({ fields: [{ key: 'seats', isEmpty: false }] })).toEqual(['ada', 'bob', 'cyd']);
    // Numbers compare as numbers ("12" < "5" as text, not as numbers).
    expect(await names({ fields: [{ key: 'seats', after: '6' }] })).toEqual(['bob', 'cyd']);
    expect(await names({ fields: [{ key: 'seats', after: '6', before: '20' }] })).toEqual(['cyd']);
    expect(await names({ fields: [{ key: 'renewal', before: '2027-01-01' }] })).toEqual(['ada']);
    expect(await names({ fields: [{ key: 'renewal', after: '2026-01-10' }] })).toEqual(['bob']);
  });

  it('refuses bad filters with the field at fault', async () => {
    const bad = async (filter: Record<string, unknown>, field: string) => {
      const r = await app.as(app.admin)(LIST, { filter });
      expect(r.errors?.[0].extensions?.code, JSON.stringify(filter)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.field).toBe(field);
    };
    await bad({ tagsAny: Array.from({ length: 101 }, (_, i) => `t${i}`) }, 'tagsAny');
    // An organization id that is not one is an organization without users (README: IDs), not a refusal.
    expect((await app.as(app.admin)(LIST, { filter: { organizationId: 'x' } })).data.users.totalCount).toBe(0);
    await bad({ fields: [{ key: 'nope', equals: 'x' }] }, 'nope');
    await bad({ fields: [{ key: 'plan', before: '3' }] }, 'plan');
    await bad({ fields: [{ key: 'seats', after: 'ten' }] }, 'seats');
    // A date bound in the right shape that is no day of the calendar is refused too, not compared as text.
    for (const day of ['2020-02-30', '2026-13-01', '2026-04-31', '0000-01-01']) await bad({ fields: [{ key: 'renewal', before: day }] }, 'renewal');
    await bad({ fields: [{ key: 'renewal', after: '2021-02-29' }] }, 'renewal');
    const r = await app.as(app.admin)(LIST, { filter: { fields: [{ key: 'renewal', before: '2020-02-30' }] } });
    expect(r.errors?.[0].message).toBe('2020-02-30 is not a calendar date.');
    // A leap day is a day.
    expect((await app.as(app.admin)(LIST, { filter: { fields: [{ key: 'renewal', after: '2024-02-29' }] } })).errors).toBeUndefined();
    await bad({ fields: [{ key: 'seats', after: '1', isEmpty: true }] }, 'seats');
    await bad({ fields: Array.from({ length: 21 }, () => ({ key: 'seats', isEmpty: true })) }, 'fields');
  });

  it('sorts by name, creation and change, either way, and pages without gaps', async () => {
    const order = async (sort: Record<string, unknown>) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const r: any = await app.as(app.admin)(LIST, { filter: { query: stem }, sort, first: 1, after });
        expect(r.errors).toBeUndefined();
        seen.push(...r.data.users.edges.map((e: any) => e.node.name.replace(`${stem} `, '')));
        if (!r.data.users.pageInfo.hasNextPage) break;
        after = r.data.users.pageInfo.endCursor;
      }
      return seen;
    };
    expect(await order({ field: 'NAME', direction: 'ASC' })).toEqual(['ada', 'bob', 'cyd', 'dee']);
    expect(await order({ field: 'NAME', direction: 'DESC' })).toEqual(['dee', 'cyd', 'bob', 'ada']);
    expect(await order({ field: 'CREATED_AT', direction: 'ASC' })).toEqual(['ada', 'bob', 'cyd', 'dee']);
    expect((await order({ field: 'UPDATED_AT', direction: 'DESC' }))[0]).toBe('ada');
    // A cursor of one order is refused by another.
    const first = await app.as(app.admin)(LIST, { filter: { query: stem }, sort: { field: 'NAME', direction: 'ASC' }, first: 1 });
    const wrong = await app.as(app.admin)(LIST, { filter: { query: stem }, first: 1, after: first.data.users.pageInfo.endCursor });
    expect(wrong.errors?.[0].extensions?.field).toBe('after');
  });

  it('an empty "any of" (tagsAny, roles) matches nobody, on every path that takes a filter, a bulk delete included', async () => {
    // "At least one of these" with none given holds for nobody; read as no condition, bulkDeleteUsers(filter: { roles: [] })
    // from a partner app with nothing selected deleted every account its creator may delete.
    expect(await names({ tagsAny: [] })).toEqual([]);
    expect(await names({ tagsAny: ['  ', ''] })).toEqual([]);
    expect(await names({ roles: [] })).toEqual([]);
    // Empty "all of" and "none of" hold for everyone, as before.
    expect(await names({ tagsAll: [], tagsNone: [] })).toEqual(['ada', 'bob', 'cyd', 'dee']);
    const count = async (filter: Record<string, unknown>) => (await app.as(app.admin)(LIST, { filter })).data.users.totalCount;
    expect(await count({ roles: [] })).toBe(0);
    expect(await count({ tagsAny: [] })).toBe(0);
    expect(await count({ query: 'a', roles: [] })).toBe(0);
    const bulk = await app.as(app.admin)('mutation($f: UserFilterInput!) { bulkDeleteUsers(input: { filter: $f }) { matched changed } }', {
      f: { roles: [] },
    });
    expect(bulk.data.bulkDeleteUsers).toEqual({ matched: 0, changed: 0 });
    const tagged = await app.as(app.admin)('mutation($f: UserFilterInput!) { bulkUpdateUsers(input: { filter: $f, addTags: ["x"] }) { matched } }', {
      f: { tagsAny: [' '] },
    });
    expect(tagged.data.bulkUpdateUsers.matched).toBe(0);
    const csv = await fetch(`${app.url}/exports/users.csv?tagsAny=`, { headers: { cookie: app.admin.cookie } });
    expect(csv.headers.get('x-total-count')).toBe('0');
    await csv.text();
    expect(await names({})).toEqual(['ada', 'bob', 'cyd', 'dee']);
  });

  it('refuses an inactive field in every kind of condition (is not empty too), as in a search', async () => {
    const admin = app.as(app.admin);
    const made = await admin('mutation { createUserField(input: { key: "hidden_flag", title: "Hidden", type: TEXT }) { id } }');
    const fieldId = made.data.createUserField.id;
    await admin('mutation($id: ID!) { updateUser(id: $id, input: { fields: [{ key: "hidden_flag", value: "yes" }] }) { id } }', { id: ids.bob });
    expect(await names({ fields: [{ key: 'hidden_flag', isEmpty: false }] })).toEqual(['bob']);
    await admin('mutation($id: ID!) { updateUserField(id: $id, input: { active: false }) { id } }', { id: fieldId });
    // An inactive field's values are kept but shown nowhere: no condition tells who has one.
    for (const c of [{ isEmpty: false }, { isEmpty: true }, { equals: 'yes' }]) {
      const r = await admin(LIST, { filter: { query: stem, fields: [{ key: 'hidden_flag', ...c }] } });
      expect(r.errors?.[0].extensions, JSON.stringify(c)).toEqual({ code: 'BAD_USER_INPUT', field: 'hidden_flag' });
    }
  });
});
