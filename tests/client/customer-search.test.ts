import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { highlightParts } from '../../client/src/ui/highlight';
import { callsOf, makeUser, mountApp, stubGraphQL, usersPage } from './helpers';

// Word search in the admin app (issue 9): matches highlighted, "Did you mean …?", save as list.
let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const grace = makeUser({ id: '2', name: 'Grace Hopper', email: 'grace@navy.example', organization: null, identities: [] });

describe('highlightParts', () => {
  it('marks the word starts each query word matches, ignoring case and accents', () => {
    const marked = (text: string, q: string) =>
      highlightParts(text, q)
        .filter((p) => p.match)
        .map((p) => p.text);
    expect(marked('Grace Hopper', 'hop')).toEqual(['Hop']);
    expect(marked('Grace Hopper', 'grace hop')).toEqual(['Grace', 'Hop']);
    expect(marked('Zoë Ødegaard', 'zoe ode')).toEqual(['Zoë', 'Øde']);
    expect(marked("Seán O'Brien", 'brien')).toEqual(['Brien']);
    expect(marked('Jean-Luc Picard', 'luc')).toEqual(['Luc']);
    expect(marked('王小明', '小明')).toEqual(['小明']);
    expect(marked('Grace Hopper', 'opper')).toEqual([]);
    expect(highlightParts('Grace', '')).toEqual([{ text: 'Grace', match: false }]);
  });
});

describe('customers search', () => {
  it('highlights what the search matched', async () => {
    stubGraphQL({ Users: ({ query }) => usersPage(query ? [grace] : [grace]) });
    ({ wrapper } = await mountApp('/customers?q=hopper'));
    await flushPromises();
    expect(wrapper.get('tbody mark').text()).toBe('Hopper');
  });

  it('offers "Did you mean …?" and searches the suggestion when clicked', async () => {
    const calls = stubGraphQL({
      Users: ({ query }) =>
        query === 'dupont' ? usersPage([makeUser({ id: '5', name: 'Jean Dupont' })]) : usersPage([], { suggestions: ['dupont'] }),
    });
    ({ wrapper } = await mountApp('/customers?q=Dupond'));
    await flushPromises();
    expect(wrapper.get('.did-you-mean').text().replace(/\s+/g, ' ')).toBe('Did you mean dupont?');
    await wrapper.get('.did-you-mean button').trigger('click');
    await new Promise((r) => setTimeout(r, 300));
    await flushPromises();
    expect(callsOf(calls, 'Users').at(-1)!.variables).toMatchObject({ query: 'dupont' });
    expect(wrapper.get('tbody').text()).toContain('Jean Dupont');
  });

  it('saves the search as a list and opens it', async () => {
    const calls = stubGraphQL({
      Users: () => usersPage([grace]),
      CreateCustomerList: () => ({ data: { createCustomerList: { id: '9', name: 'Hoppers', shared: false, userCount: 1 } } }),
      CustomerLists: () => ({ data: { customerLists: [{ id: '9', name: 'Hoppers', shared: false, userCount: 1 }] } }),
      CustomerList: () => ({ data: { customerList: null } }),
      UserFields: () => ({
        data: {
          userFields: [
            {
              id: '1',
              key: 'plan',
              title: 'Plan',
              type: 'TEXT',
              description: null,
              pattern: null,
              patternHint: null,
              options: [],
              lookupTarget: null,
              required: false,
              active: true,
              position: 1,
              createdAt: '2025-01-02T10:00:00.000Z',
              updatedAt: '2025-01-02T10:00:00.000Z',
            },
          ],
        },
      }),
    });
    let router;
    ({ wrapper, router } = await mountApp('/customers?q=hopper'));
    await flushPromises();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Save as list')!
      .trigger('click');
    await flushPromises();
    const dialog = wrapper.get('form[data-v-app], dialog form');
    await dialog.get('input[name="name"]').setValue('Hoppers');
    // Columns: the phone and the custom field "Plan" too, the tags not; sorted by name.
    await dialog.get('input[value="phone"]').setValue(true);
    await dialog.get('input[value="custom_fields.plan"]').setValue(true);
    await dialog.get('input[value="tags"]').setValue(false);
    await dialog.get('select[name="sort"]').setValue('NAME:ASC');
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'CreateCustomerList')[0]!.variables).toEqual({
      input: {
        name: 'Hoppers',
        filter: { query: 'hopper', roles: ['END_USER'] },
        shared: false,
        columns: ['name', 'email', 'phone', 'organization', 'created_at', 'custom_fields.plan'],
        sort: { field: 'NAME', direction: 'ASC' },
      },
    });
    expect(router.currentRoute.value.path).toBe('/lists/9');
  });
});
