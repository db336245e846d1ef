import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER } from '../helpers/operations.js';

/** Every list pages the same way: sizes, cursors and Relay page info. */
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const LISTS: Record<string, { query: string; at: (data: any) => any }> = {
  users: {
    query: `query($first: Int, $after: String) { users(query: "Pager", first: $first, after: $after) { edges { cursor node { id } } ${PAGE_INFO} } }`,
    at: (d) => d.users,
  },
  organizations: {
    query: `query($first: Int, $after: String) { organizations(query: "Pager", first: $first, after: $after) { edges { cursor node { id } } ${PAGE_INFO} } }`,
    at: (d) => d.organizations,
  },
  "an organization's users": {
    query: `query($org: ID!, $first: Int, $after: String) { organization(id: $org) { users(first: $first, after: $after) { edges { cursor node { id } } ${PAGE_INFO} } } }`,
    at: (d) => d.organization.users,
  },
  events: {
    query: `query($user: ID!, $first: Int, $after: String) { user(id: $user) { events(first: $first, after: $after) { edges { cursor node { id } } ${PAGE_INFO} } } }`,
    at: (d) => d.user.events,
  },
};
const ITEMS = 105;

describe.each(testDialects())('paging on %s', (dialect) => {
  let app: TestApp;
  const vars: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp(dialect);
    const org = await app.gql(`mutation { createOrganization(input: { name: "Pager Org 000" }) { id } }`);
    vars.org = org.data.createOrganization.id;
    for (let i = 1; i < ITEMS; i++) {
      const r = await app.gql(`mutation($n: String!) { createOrganization(input: { name: $n }) { id } }`, {
        n: `Pager Org ${String(i).padStart(3, '0')}`,
      });
      expect(r.errors).toBeUndefined();
    }
    for (let i = 0; i < ITEMS; i++) {
      const r = await app.gql(CREATE_USER, { input: { name: `Pager ${i}`, email: `pager.${i}@paging.acme.io`, organizationId: vars.org } });
      expect(r.errors).toBeUndefined();
      if (i === 0) vars.user = r.data.createUser.user.id;
    }
    for (let i = 0; i < ITEMS - 1; i++) {
      const r = await app.gql(`mutation($id: ID!, $n: String!) { updateUser(id: $id, input: { alias: $n }) { id } }`, {
        id: vars.user,
        n: `alias ${i}`,
      });
      expect(r.errors).toBeUndefined();
    }
  }, 120_000);
  afterAll(() => app?.stop());

  describe.each(Object.keys(LISTS))('%s', (name) => {
    const list = LISTS[name];
    const page = async (v: Record<string, unknown>) => app.gql(list.query, { ...vars, ...v });

    it('answers the default size, caps first at 100, and refuses a negative first', async () => {
      const byDefault = list.at((await page({})).data);
      expect(byDefault.edges).toHaveLength(name === 'events' ? 20 : 25);
      const capped = list.at((await page({ first: 1000 })).data);
      expect(capped.edges).toHaveLength(100);
      expect(capped.pageInfo.hasNextPage).toBe(true);
      const negative = await page({ first: -1 });
      expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const none = list.at((await page({ first: 0 })).data);
      // An empty page that still says whether items follow (they do).
      expect(none).toMatchObject({ edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null } });
    });

    it('walks every item once with opaque cursors and Relay page info', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 10; n++) {
        const r = list.at((await page({ first: 40, after })).data);
        expect(r.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(r.pageInfo.startCursor).toBe(r.edges[0].cursor);
        expect(r.pageInfo.endCursor).toBe(r.edges.at(-1).cursor);
        seen.push(...r.edges.map((e: any) => e.node.id));
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(ITEMS);
    });

    it("refuses a cursor that is not one of this list's", async () => {
      const other = name === 'organizations' ? LISTS.users : LISTS.organizations;
      const foreign = other.at((await app.gql(other.query, { ...vars, first: 1 })).data).pageInfo.endCursor;
      for (const after of [foreign, 'not a cursor', Buffer.from('users:1x').toString('base64url')]) {
        const r = await page({ first: 1, after });
        expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    });
  });
});
