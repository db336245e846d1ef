import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { callsOf, CUSTOMERS_ONLY, makeUser, mountApp, stubGraphQL, usersPage } from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const ada = makeUser({
  id: '1',
  name: 'Ada Lovelace',
  email: 'ada@xn--lyce-dpa.fr',
  organization: { id: '3', name: 'Analytical' },
  identities: [{ ...makeUser().identities[0]!, value: 'ada@xn--lyce-dpa.fr', displayValue: 'ada@lycée.fr' }],
});
const grace = makeUser({ id: '2', name: 'Grace Hopper', email: 'grace@navy.example', organization: null, identities: [] });

function rows() {
  return wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => (cell.find('a').exists() ? cell.get('a') : cell).text()));
}

describe('customers page', () => {
  it('is the home page and lists customers with name, email (as people read it), organization and created date', async () => {
    stubGraphQL({ Users: () => usersPage([ada, grace], { totalCount: 2 }) });
    let router;
    ({ wrapper, router } = await mountApp('/'));
    expect(router.currentRoute.value.path).toBe('/customers');
    expect(wrapper.get('h1').text()).toBe('Customers');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Select', 'Name', 'Email', 'Organization', 'Created']);
    expect(rows()).toEqual([
      ['', 'Ada Lovelace', 'ada@lycée.fr', 'Analytical', 'Jan 2, 2025'],
      ['', 'Grace Hopper', 'grace@navy.example', '—', 'Jan 2, 2025'],
    ]);
    expect(wrapper.get('tbody a').attributes('href')).toBe('/users/1');
    expect(wrapper.get('.pager__range').text()).toBe('1–2 of 2');
    expect(wrapper.text()).toContain('2 customers');
  });

  it('pages forward with the end cursor and back again', async () => {
    const first: UserProfileFragment[] = Array.from({ length: 25 }, (_, i) => makeUser({ id: String(i + 1), name: `User ${i + 1}` }));
    const second: UserProfileFragment[] = [makeUser({ id: '26', name: 'User 26' })];
    const calls = stubGraphQL({
      Users: ({ after }) => (after ? usersPage(second, { totalCount: 26 }) : usersPage(first, { totalCount: 26, hasNextPage: true })),
    });
    ({ wrapper } = await mountApp('/customers'));
    const button = (text: string) => wrapper.findAll('.pager button').find((b) => b.text() === text)!;
    expect(wrapper.get('.pager__range').text()).toBe('1–25 of 26');
    expect(button('Previous').attributes('disabled')).toBeDefined();

    await button('Next').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'Users').at(-1)!.variables).toEqual({ first: 25, after: 'cursor-25', query: null, filter: CUSTOMERS_ONLY });
    expect(wrapper.get('.pager__range').text()).toBe('26–26 of 26');
    expect(button('Next').attributes('disabled')).toBeDefined();

    await button('Previous').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'Users').at(-1)!.variables).toEqual({ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY });
    expect(wrapper.get('.pager__range').text()).toBe('1–25 of 26');
  });

  it('searches with users(query:) once typing pauses', async () => {
    const calls = stubGraphQL({
      Users: ({ query }) => usersPage(query ? [ada] : [ada, grace]),
    });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    const search = wrapper.get('input[type="search"]');
    expect(wrapper.get(`label[for="${search.attributes('id')}"]`).text()).toBe('Search customers');

    await search.setValue('a');
    await search.setValue('ad');
    await search.setValue('ada ');
    expect(callsOf(calls, 'Users')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flushPromises();

    const searches = callsOf(calls, 'Users').slice(1);
    expect(searches.map((call) => call.variables)).toEqual([{ first: 25, after: null, query: 'ada', filter: CUSTOMERS_ONLY }]);
    expect(rows()).toHaveLength(1);
    expect(router.currentRoute.value.query).toEqual({ q: 'ada' });
  });

  it('says when nothing matches, and when there are no customers', async () => {
    stubGraphQL({ Users: () => usersPage([]) });
    ({ wrapper } = await mountApp('/customers?q=zzz'));
    expect(wrapper.text()).toContain('No customers match “zzz”');
    wrapper.unmount();
    ({ wrapper } = await mountApp('/customers'));
    expect(wrapper.text()).toContain('No customers yet');
  });

  it('shows a retry when the list cannot be loaded', async () => {
    // Signed in, then the list request fails to reach the server.
    stubGraphQL({
      Users: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    ({ wrapper } = await mountApp('/customers'));
    expect(wrapper.get('[role="alert"]').text()).toContain('Customers could not be loaded.');
    stubGraphQL({ Users: () => usersPage([ada]) });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click');
    await flushPromises();
    expect(rows()).toHaveLength(1);
  });
});
