// Lists keep their search, filters, sort and page in the address
// (ui/list/use-url-state + useCursorList's `url`): a link shows that list,
// typing replaces the address, paging pushes, Back returns to the same page,
// and what the page cannot use falls back to the default.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Router } from 'vue-router';
import type { UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { callsOf, CUSTOMERS_ONLY, graphQLError, makeUser, mountApp, stubGraphQL, usersPage, type GraphQLCall } from './helpers';

let wrapper: VueWrapper;
let router: Router;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const people: UserProfileFragment[] = Array.from({ length: 26 }, (_, i) => makeUser({ id: String(i + 1), name: `User ${i + 1}` }));

/** Two pages of customers; a cursor the list never gave is refused as the server does. */
function serve(): GraphQLCall[] {
  return stubGraphQL({
    Users: ({ after }) => {
      if (after && after !== 'cursor-25')
        return graphQLError('This cursor is not one that users paging returned.', { code: 'BAD_USER_INPUT', field: 'after' });
      return after ? usersPage(people.slice(25), { totalCount: 26 }) : usersPage(people.slice(0, 25), { totalCount: 26, hasNextPage: true });
    },
    UserFields: () => ({ data: { userFields: [] } }),
    OrganizationName: ({ id }) => ({ data: { organization: { id, name: 'Navy' } } }),
    User: ({ id }) => ({ data: { user: people.find((user) => user.id === id) ?? null } }),
  });
}

const SAVED_LIST = {
  id: '7',
  name: 'VIPs',
  shared: false,
  userCount: 30,
  columns: ['name'],
  viewerCanManage: true,
  sort: null,
  filter: {
    query: null,
    tagsAll: ['vip'],
    tagsAny: null,
    tagsNone: null,
    organizationId: null,
    withoutOrganization: null,
    roles: null,
    verified: null,
    suspended: null,
    createdAfter: null,
    createdBefore: null,
    updatedAfter: null,
    updatedBefore: null,
    fields: null,
  },
};

const lastUsers = (calls: GraphQLCall[]) => callsOf(calls, 'Users').at(-1)!.variables;
const range = () => wrapper.get('.pager__range').text();
const pagerButton = (text: string) => wrapper.findAll('.pager button').find((b) => b.text() === text)!;

async function back(): Promise<void> {
  router.back();
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await flushPromises();
}

describe('lists in the address', () => {
  it('a link shows its search, filters, sort and page', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers?q=user&role=AGENT&tag=vip&org=7&sort=name&after=cursor-25&page=2'));
    expect(lastUsers(calls)).toEqual({
      first: 25,
      after: 'cursor-25',
      query: 'user',
      tags: ['vip'],
      organizationId: '7',
      filter: { roles: ['AGENT'] },
      sort: { field: 'NAME', direction: 'ASC' },
    });
    expect((wrapper.get('#customer-search').element as HTMLInputElement).value).toBe('user');
    expect((wrapper.get('#customer-sort').element as HTMLSelectElement).value).toBe('name');
    expect(range()).toBe('26–26 of 26');
    // Opened on page 2 from a link: Previous goes to the first page.
    await pagerButton('Previous').trigger('click');
    await flushPromises();
    expect(lastUsers(calls).after).toBeNull();
    expect(range()).toBe('1–25 of 26');
    expect(router.currentRoute.value.query).toEqual({ q: 'user', role: 'AGENT', tag: ['vip'], org: '7', sort: 'name' });
  });

  it('typing and filters replace the address; paging pushes; Back returns to the page before', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers'));
    const replace = vi.spyOn(router, 'replace');
    const push = vi.spyOn(router, 'push');

    const search = wrapper.get('#customer-search');
    await search.setValue('u');
    await search.setValue('us');
    await search.setValue('user');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'user' });
    expect(push).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(1);

    await wrapper.get('#customer-sort').setValue('-updated');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'user', sort: '-updated' });
    expect(lastUsers(calls).sort).toEqual({ field: 'UPDATED_AT', direction: 'DESC' });
    expect(push).not.toHaveBeenCalled();

    await pagerButton('Next').trigger('click');
    await flushPromises();
    expect(push).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.query).toEqual({ q: 'user', sort: '-updated', after: 'cursor-25', page: '2' });
    expect(range()).toBe('26–26 of 26');

    await back();
    expect(router.currentRoute.value.query).toEqual({ q: 'user', sort: '-updated' });
    expect(lastUsers(calls)).toMatchObject({ after: null, query: 'user' });
    expect(range()).toBe('1–25 of 26');
    expect((wrapper.get('#customer-search').element as HTMLInputElement).value).toBe('user');

    // A new search starts again from the first page, in place of the address (no entry per keystroke).
    await pagerButton('Next').trigger('click');
    await flushPromises();
    await search.setValue('user 2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'user 2', sort: '-updated' });
    expect(lastUsers(calls)).toMatchObject({ after: null, query: 'user 2' });
  });

  it('Back from a profile shows the same page, search and rows, and Previous still works', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers'));
    await wrapper.get('#customer-search').setValue('user');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flushPromises();
    await pagerButton('Next').trigger('click');
    await flushPromises();

    await wrapper.get('tbody a[href="/users/26"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/users/26');

    await back();
    expect(router.currentRoute.value.fullPath).toBe('/customers?q=user&after=cursor-25&page=2');
    expect(lastUsers(calls)).toMatchObject({ after: 'cursor-25', query: 'user' });
    expect(wrapper.findAll('tbody tr').map((row) => row.get('a').text())).toEqual(['User 26']);
    expect(range()).toBe('26–26 of 26');
    expect((wrapper.get('#customer-search').element as HTMLInputElement).value).toBe('user');

    await pagerButton('Previous').trigger('click');
    await flushPromises();
    expect(range()).toBe('1–25 of 26');
    expect(router.currentRoute.value.query).toEqual({ q: 'user' });
  });

  it('what the page cannot use falls back to the default, without an error', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers?sort=shoe-size&role=ROBOT&after=bogus&page=many&tag='));
    await flushPromises();
    // The unknown sort is not sent; the refused cursor gives the first page, and the address says so.
    expect(callsOf(calls, 'Users').map((call) => call.variables.after)).toEqual(['bogus', null]);
    expect(lastUsers(calls)).toEqual({ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY });
    expect(range()).toBe('1–25 of 26');
    expect(wrapper.text()).not.toContain('could not be loaded');
    expect(router.currentRoute.value.query).not.toHaveProperty('after');
    expect(router.currentRoute.value.query).not.toHaveProperty('page');
    expect((wrapper.get('#customer-sort').element as HTMLSelectElement).value).toBe('');
  });

  it("a customer list opened from the address shows that page once the list's filter is known", async () => {
    stubGraphQL({
      CustomerLists: () => ({ data: { customerLists: [] } }),
      CustomerList: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { data: { customerList: SAVED_LIST } };
      },
      ListUsers: ({ after }) => ({
        data: {
          users: {
            totalCount: 30,
            pageInfo: { hasNextPage: false, endCursor: 'c30' },
            edges: [
              {
                cursor: 'c30',
                node: {
                  ...people[25]!,
                  phone: null,
                  tags: [],
                  externalId: null,
                  alias: null,
                  timeZone: null,
                  locale: null,
                  verified: true,
                  updatedAt: '2025-01-03T10:00:00.000Z',
                  fields: [],
                  name: `After ${String(after)}`,
                },
              },
            ],
          },
        },
      }),
    });
    ({ wrapper, router } = await mountApp('/lists/7?after=c25&page=2'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    await flushPromises();
    expect(wrapper.get('tbody').text()).toContain('After c25');
    expect(range()).toBe('26–26 of 30');
    expect(router.currentRoute.value.query).toEqual({ after: 'c25', page: '2' });
  });

  it('imports are paged, the page kept in the address', async () => {
    const job = (n: number) => ({
      id: String(n),
      status: 'DONE' as const,
      mode: 'CREATE_OR_UPDATE' as const,
      fileName: `file-${n}.csv`,
      rowsTotal: 1,
      rowsRead: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      failed: 0,
      warningCount: 0,
      rowsPerSecond: 10,
      secondsLeft: 0,
      fileError: null,
      failedRowsUrl: null,
      warningsUrl: null,
      createdAt: '2025-01-02T10:00:00.000Z',
      finishedAt: '2025-01-02T10:00:01.000Z',
    });
    const calls = stubGraphQL({
      ImportJobs: ({ after }) => {
        const ids = after ? [26] : Array.from({ length: 25 }, (_, i) => i + 1);
        return {
          data: {
            importJobs: {
              totalCount: 26,
              edges: ids.map((n) => ({ cursor: `job-${n}`, node: job(n) })),
              pageInfo: { hasNextPage: !after, endCursor: `job-${ids[ids.length - 1]}` },
            },
          },
        };
      },
    });
    ({ wrapper, router } = await mountApp('/settings/imports'));
    expect(range()).toBe('1–25 of 26');
    await pagerButton('Next').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ after: 'job-25', page: '2' });
    expect(callsOf(calls, 'ImportJobs').at(-1)!.variables).toEqual({ first: 25, after: 'job-25' });
    expect(wrapper.get('tbody').text()).toContain('file-26.csv');
    await back();
    expect(range()).toBe('1–25 of 26');
  });

  it('tickets keep their status and page; an unknown status means all of them', async () => {
    const calls = stubGraphQL({
      Tickets: () => ({
        data: { tickets: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] } },
      }),
    });
    ({ wrapper, router } = await mountApp('/tickets?status=OPEN&q=printer'));
    expect(callsOf(calls, 'Tickets').at(-1)!.variables).toMatchObject({ status: 'OPEN', query: 'printer' });
    wrapper.unmount();

    ({ wrapper, router } = await mountApp('/tickets?status=BURNING'));
    expect(callsOf(calls, 'Tickets').at(-1)!.variables).toMatchObject({ status: null });
    expect(wrapper.text()).not.toContain('could not be loaded');
  });
});
