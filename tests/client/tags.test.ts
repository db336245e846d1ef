import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { normalizeDomain } from '../../client/src/organizations/domain-rules';
import { normalizeTag, normalizeTagTyping } from '../../client/src/tags/tag-rules';
import { SUGGEST_DEBOUNCE_MS } from '../../client/src/ui/use-combobox';
import { byLabel, callsOf, CUSTOMERS_ONLY, makeUser, mountApp, stubGraphQL, usersPage, type GraphQLCall } from './helpers';

// Tags: their rules, the autocomplete on the profile, and the tag and organization filters of the customer list.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('tags', () => {
  it('are normalized as the server does', () => {
    expect(normalizeTag('  Big   Spender ')).toBe('big_spender');
    expect(normalizeTagTyping(' Big ')).toBe('big ');
    expect(normalizeTagTyping('Big S')).toBe('big_s');
    expect(normalizeDomain(' @Acme.COM ')).toBe('acme.com');
    expect(normalizeDomain('https://www.acme.com/contact')).toBe('www.acme.com');
    expect(normalizeDomain('jane@Acme.io.')).toBe('acme.io');
  });

  function serveTags(user: UserProfileFragment = makeUser()): GraphQLCall[] {
    let current = user;
    return stubGraphQL({
      User: () => ({ data: { user: current } }),
      TagSuggestions: ({ query }) => ({
        data: {
          tags: [
            { name: 'billing', count: 1200 },
            { name: 'big_spender', count: 3 },
            { name: 'vip', count: 40 },
          ].filter((tag) => !query || tag.name.startsWith(String(query))),
        },
      }),
      UpdateUser: ({ input }) => {
        current = { ...current, ...(input as Partial<UserProfileFragment>) };
        return { data: { updateUser: current } };
      },
    });
  }

  function chips(): string[] {
    const box = wrapper.get('#profile-tags').element.closest('.chips')!;
    return Array.from(box.querySelectorAll('.chip__text'), (chip) => chip.textContent!.trim());
  }

  it('autocomplete from existing tags with the keyboard, and Save sends them', async () => {
    const calls = serveTags();
    ({ wrapper } = await mountApp('/users/42'));
    const input = byLabel(wrapper, 'Tags');
    expect(input.attributes('role')).toBe('combobox');
    expect(input.attributes('maxlength')).toBe('80');

    await input.setValue('Bi');
    // Lower case as it is typed.
    expect((input.element as HTMLInputElement).value).toBe('bi');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    expect(callsOf(calls, 'TagSuggestions').at(-1)!.variables).toEqual({ query: 'bi', first: 8 });
    expect(input.attributes('aria-expanded')).toBe('true');
    const listbox = wrapper.get(`#${input.attributes('aria-controls')}`);
    expect(listbox.attributes('role')).toBe('listbox');
    const options = listbox.findAll('[role="option"]');
    expect(options.map((option) => option.text())).toEqual(['billing1,200', 'big_spender3']);
    // Nothing is highlighted until an arrow key: Enter would add what is typed.
    expect(input.attributes('aria-activedescendant')).toBeUndefined();
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe(options[0]!.attributes('id'));
    await input.trigger('keydown', { key: 'ArrowUp' });
    expect(input.attributes('aria-activedescendant')).toBe(options[1]!.attributes('id'));
    await input.trigger('keydown', { key: 'Enter' });
    expect(chips()).toEqual(['vip', 'big_spender']);
    expect((input.element as HTMLInputElement).value).toBe('');
    expect(input.attributes('aria-expanded')).toBe('false');

    // A new tag: typed, normalized, added with Enter.
    await input.setValue('Key Account');
    expect((input.element as HTMLInputElement).value).toBe('key_account');
    await input.trigger('keydown', { key: 'Escape' });
    await input.trigger('keydown', { key: 'Enter' });
    expect(chips()).toEqual(['vip', 'big_spender', 'key_account']);

    // Backspace in the empty box removes the last; a chip's button removes it.
    await input.trigger('keydown', { key: 'Backspace' });
    await wrapper.get('button[aria-label="Remove vip"]').trigger('click');
    expect(chips()).toEqual(['big_spender']);

    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((call) => call.variables.input)).toEqual([{ tags: ['big_spender'] }]);
  });

  it('picks a suggestion with the mouse; tags already there are not offered', async () => {
    const calls = serveTags();
    ({ wrapper } = await mountApp('/users/42'));
    const input = byLabel(wrapper, 'Tags');
    await input.trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    expect(callsOf(calls, 'TagSuggestions').at(-1)!.variables).toEqual({ query: null, first: 8 });
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((option) => option.get('.listbox__name').text())).toEqual(['billing', 'big_spender']);
    await options[0]!.trigger('click');
    expect(chips()).toEqual(['vip', 'billing']);
  });

  it('filter the customer list with users(tags:), and the organization with organizationId', async () => {
    const calls = stubGraphQL({
      Users: () => usersPage([makeUser()]),
      TagSuggestions: () => ({ data: { tags: [{ name: 'vip', count: 40 }] } }),
      OrganizationSuggestions: () => ({
        data: { organizations: { edges: [{ node: { id: '7', name: 'Navy', domains: [] } }] } },
      }),
    });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    // The search box stays, beside the filters.
    expect(wrapper.find('input[type="search"]').exists()).toBe(true);

    const tagFilter = byLabel(wrapper, 'Filter by tags');
    await tagFilter.setValue('VIP');
    await tagFilter.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(callsOf(calls, 'Users').at(-1)!.variables).toEqual({ first: 25, after: null, query: null, tags: ['vip'], filter: CUSTOMERS_ONLY });
    expect(router.currentRoute.value.query).toEqual({ tag: ['vip'] });

    const organizationFilter = byLabel(wrapper, 'Filter by organization');
    await organizationFilter.setValue('Na');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    await organizationFilter.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(callsOf(calls, 'Users').at(-1)!.variables).toEqual({
      first: 25,
      after: null,
      query: null,
      tags: ['vip'],
      organizationId: '7',
      filter: CUSTOMERS_ONLY,
    });
    expect(router.currentRoute.value.query).toEqual({ tag: ['vip'], org: '7' });

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Clear filters')!
      .trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'Users').at(-1)!.variables).toEqual({ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY });
  });

  it('restores the filters from the address, naming the organization', async () => {
    const calls = stubGraphQL({
      Users: () => usersPage([]),
      OrganizationName: () => ({ data: { organization: { id: '7', name: 'Navy' } } }),
    });
    ({ wrapper } = await mountApp('/customers?tag=vip&tag=billing&org=7'));
    expect(callsOf(calls, 'Users')[0]!.variables).toEqual({
      first: 25,
      after: null,
      query: null,
      tags: ['vip', 'billing'],
      organizationId: '7',
      filter: CUSTOMERS_ONLY,
    });
    expect((byLabel(wrapper, 'Filter by organization').element as HTMLInputElement).value).toBe('Navy');
    expect(wrapper.text()).toContain('No customers match these filters');
  });
});
