import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeUser, mountApp, stubGraphQL, usersPage } from './helpers';

// What keeps the Customers page usable on a phone: the filters fold behind a button that tells how many are in
// use (ListFilters; CSS shows the button and hides the closed panel under 760px), and the selection's bar is a
// row of the card of its own (CursorList's `selection` slot), which sticks under the top bar once something is
// selected (`bulk-actions--active`) and is left out on a phone while nothing is (`bulk-actions--none`).

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const ada = makeUser({ id: '1', name: 'Ada Lovelace', email: 'ada@acme.example', organization: null, identities: [] });
const grace = makeUser({ id: '2', name: 'Grace Hopper', email: 'grace@acme.example', organization: null, identities: [] });

function serve() {
  return stubGraphQL({
    Users: () => usersPage([ada, grace], { totalCount: 2 }),
    CustomerLists: () => ({ data: { customerLists: [] } }),
  });
}

const toggle = () => wrapper.get('button[aria-controls="customer-filters"]');

describe('Customers page on a phone', () => {
  it('folds the filters behind a Filters button that opens and closes them', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers'));
    await flushPromises();
    const panel = wrapper.get('#customer-filters');
    expect(panel.attributes('role')).toBe('group');
    expect(panel.attributes('aria-label')).toBe('Filters');
    expect(panel.find('#customer-role-filter').exists()).toBe(true);
    expect(panel.find('#customer-sort').exists()).toBe(true);
    expect(toggle().text()).toBe('Filters');
    expect(toggle().attributes('aria-expanded')).toBe('false');
    expect(wrapper.get('.list-filters').classes()).not.toContain('list-filters--open');

    await toggle().trigger('click');
    expect(toggle().attributes('aria-expanded')).toBe('true');
    expect(wrapper.get('.list-filters').classes()).toContain('list-filters--open');

    await toggle().trigger('click');
    expect(toggle().attributes('aria-expanded')).toBe('false');
    expect(wrapper.get('.list-filters').classes()).not.toContain('list-filters--open');
  });

  it('tells on the button how many filters are in use (a role other than end users counts, the sort does not)', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers?role=ALL&tag=vip&tag=gold&sort=name'));
    await flushPromises();
    expect(toggle().classes()).toContain('list-filters__toggle--active');
    expect(toggle().get('.list-filters__count [aria-hidden="true"]').text()).toBe('2');
    expect(toggle().get('.list-filters__count .visually-hidden').text()).toBe('2 in use');
  });

  it('keeps the selection bar out of the toolbar, and marks it to stick once a row is selected', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers'));
    await flushPromises();
    const bar = () => wrapper.get('.bulk-actions');
    // A row of the card, so that sticking lasts as long as the rows do.
    expect(bar().element.parentElement!.classList.contains('cursor-list')).toBe(true);
    expect(wrapper.find('.cursor-list__toolbar .bulk-actions').exists()).toBe(false);
    expect(bar().classes()).toContain('bulk-actions--none');
    expect(bar().find('.bulk-actions__acts').exists()).toBe(false);

    await wrapper.findAll('tbody input[type="checkbox"]')[0]!.setValue(true);
    expect(bar().classes()).toContain('bulk-actions--active');
    expect(bar().classes()).not.toContain('bulk-actions--none');
    // Every action is a button on a wide screen; a phone keeps the first and a More menu (CSS hides the others).
    const acts = bar().get('.bulk-actions__acts');
    expect(acts.findAll('button:not([aria-haspopup])').map((b) => b.text())).toEqual([
      'Add tags',
      'Remove tags',
      'Set organization',
      'Clear organization',
      'Delete',
    ]);
    expect(acts.findAll('.overflow-actions__extra').map((b) => b.text())).toEqual([
      'Remove tags',
      'Set organization',
      'Clear organization',
      'Delete',
    ]);
    expect(acts.get('#bulk-acts-button').text()).toBe('More');

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Clear selection')!
      .trigger('click');
    expect(bar().classes()).toContain('bulk-actions--none');
  });

  it('reaches every selection choice and action through the bar menus, without scrolling sideways', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers'));
    await flushPromises();
    await wrapper.findAll('tbody input[type="checkbox"]')[0]!.setValue(true);
    const bar = () => wrapper.get('.bulk-actions');
    expect(bar().get('.bulk-actions__count').text()).toBe('1 selected');

    const choose = wrapper.get('#bulk-choose-button');
    expect(choose.text()).toBe('Select');
    expect(wrapper.findAll('#bulk-choose-list [role="menuitem"]')).toHaveLength(0);
    await choose.trigger('click');
    await flushPromises();
    expect(choose.attributes('aria-expanded')).toBe('true');
    const choices = () => wrapper.findAll('#bulk-choose-list [role="menuitem"]');
    expect(choices().map((item) => item.text())).toEqual(['Select this page', 'Select all 2 matching', 'Clear selection']);
    await choices()[1]!.trigger('click');
    await flushPromises();
    expect(choose.attributes('aria-expanded')).toBe('false');
    expect(bar().get('.bulk-actions__count').text()).toBe('2 selected');

    await wrapper.get('#bulk-acts-button').trigger('click');
    await flushPromises();
    const acts = wrapper.findAll('#bulk-acts-list [role="menuitem"]');
    expect(acts.map((item) => item.text())).toEqual(['Remove tags', 'Set organization', 'Clear organization', 'Delete']);
    expect(acts[3]!.classes()).toContain('popup-menu__item--danger');
    await acts[3]!.trigger('click');
    await flushPromises();
    expect(wrapper.findAll('#bulk-acts-list [role="menuitem"]')).toHaveLength(0);
    expect(wrapper.get('dialog[open]').text()).toContain('Delete');
  });

  it('keeps Add customer a button and puts the header’s other actions in a More menu, which acts the same', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers'));
    await flushPromises();
    const header = () => wrapper.get('.page-header__actions');
    // Wide: every action is a button (CSS hides those marked extra under 760px, and shows the menu's button).
    expect(
      header()
        .findAll('.overflow-actions__extra')
        .map((b) => b.text()),
    ).toEqual(['Export CSV', 'Save as list']);
    expect(header().get('.page-header__actions > button.button--primary').text()).toBe('Add customer');
    const more = wrapper.get('#page-actions-button');
    expect(more.text()).toBe('More');
    await more.trigger('click');
    await flushPromises();
    const items = () => wrapper.findAll('#page-actions-list [role="menuitem"]');
    expect(items().map((item) => item.text())).toEqual(['Export CSV', 'Save as list']);
    await items()[1]!.trigger('click');
    await flushPromises();
    expect(items()).toHaveLength(0);
    expect(wrapper.get('dialog[open]').text()).toContain('List name');
  });

  it('folds the filters in French too', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers?tag=vip', 'fr'));
    await flushPromises();
    expect(toggle().text()).toMatch(/^Filtres/);
    expect(toggle().get('.list-filters__count [aria-hidden="true"]').text()).toBe('1');
    expect(toggle().get('.list-filters__count .visually-hidden').text()).toBe('1 actif');
  });
});
