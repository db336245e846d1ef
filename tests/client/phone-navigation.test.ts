import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_VIEWER, mountApp, signedInAs, stubGraphQL, usersPage } from './helpers';

// The navigation row on a phone (AppSidebar): the daily pages stay icons, the others and the customer lists
// are in a "More pages" menu at the row's end (CSS hides the sidebar's own links for them under 760px), so
// no entry is past the screen's edge. The menu's links exist only while it is open.

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

function serve() {
  return stubGraphQL({
    Me: signedInAs(ADMIN_VIEWER),
    Users: () => usersPage([]),
    CustomerLists: () => ({ data: { customerLists: [{ id: '7', name: 'VIPs', shared: true, userCount: 2 }] } }),
  });
}

const more = () => wrapper.get('#nav-more-button');
const menuItems = () => wrapper.findAll('#nav-more-list [role="menuitem"]');

describe('Navigation on a phone', () => {
  it('keeps Tickets, Customers, Organizations and Team in the row, and the rest in a named More pages menu', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers'));
    await flushPromises();
    const rowLinks = wrapper.findAll('.sidebar__nav > a:not(.sidebar__link--more)').map((link) => link.text());
    expect(rowLinks).toEqual(['Tickets', 'Customers', 'Organizations', 'Team']);
    expect(more().attributes('aria-label')).toBe('More pages');
    expect(more().attributes('aria-expanded')).toBe('false');
    expect(more().classes()).not.toContain('sidebar__more-button--active');
    expect(menuItems()).toHaveLength(0);

    await more().trigger('click');
    await flushPromises();
    expect(more().attributes('aria-expanded')).toBe('true');
    expect(menuItems().map((item) => item.text())).toEqual([
      'Deleted customers',
      'API tokens',
      'User fields',
      'Imports',
      'Outbox',
      'Webhooks',
      'Registration',
      'VIPs',
    ]);
    expect(menuItems().at(-1)!.attributes('href')).toBe('/lists/7');
    expect(wrapper.find('#nav-more-list [role="separator"]').exists()).toBe(true);
    // The lists are a group named by a heading, as in the wide sidebar.
    const group = wrapper.get('#nav-more-list [role="group"][aria-labelledby]');
    expect(wrapper.get(`#${group.attributes('aria-labelledby')}`).text()).toBe('Customer lists');
    expect(group.findAll('[role="menuitem"]').map((item) => item.text())).toEqual(['VIPs']);

    await menuItems()[1]!.trigger('click');
    await flushPromises();
    expect(more().attributes('aria-expanded')).toBe('false');
  });

  it('shows the More pages button as the current place when the page is one of its entries', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    await flushPromises();
    expect(more().classes()).toContain('sidebar__more-button--active');
    await more().trigger('click');
    await flushPromises();
    expect(wrapper.get('#nav-more-list [aria-current="page"]').text()).toBe('API tokens');
  });

  it('names the menu in French', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers', 'fr'));
    await flushPromises();
    expect(more().attributes('aria-label')).toBe('Autres pages');
  });
});
