import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeletedCustomerFragment } from '../../client/src/graphql/generated/graphql';
import { ADMIN_VIEWER, AGENT_VIEWER, callsOf, mountApp, signedInAs, stubGraphQL } from './helpers';

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const grace: DeletedCustomerFragment = {
  id: '42',
  name: 'Grace Hopper',
  email: 'grace@navy.example.org',
  phone: null,
  deletedAt: '2026-11-01T10:00:00.000Z',
  eraseAfter: '2026-12-01T10:00:00.000Z',
  deletedBy: { id: '901', name: 'Sam Agent' },
};

function serve(viewer = ADMIN_VIEWER, people: DeletedCustomerFragment[] = [grace]) {
  let rows = [...people];
  return stubGraphQL({
    Me: signedInAs(viewer),
    DeletedUsers: () => ({
      data: {
        deletedUsers: {
          totalCount: rows.length,
          edges: rows.map((node) => ({ cursor: `c${node.id}`, node })),
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    }),
    RestoreUser: ({ id }) => {
      rows = rows.filter((r) => r.id !== id);
      return { data: { restoreUser: { id: String(id), name: 'Grace Hopper' } } };
    },
    EraseUser: ({ id }) => {
      rows = rows.filter((r) => r.id !== id);
      return { data: { eraseUser: true } };
    },
  });
}

describe('Deleted customers', () => {
  it('lists them with who deleted them and when they will be erased, from the sidebar', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers/deleted'));
    expect(wrapper.findAll('nav a').map((a) => a.text())).toContain('Deleted customers');
    expect(wrapper.get('h1').text()).toBe('Deleted customers');
    const row = wrapper.get('tbody tr');
    expect(row.text()).toContain('Grace Hopper');
    expect(row.get('.email-text').text()).toBe('grace@navy.example.org');
    expect(row.text()).toContain('by Sam Agent');
  });

  it('restores one, with a notice, and the list follows', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/customers/deleted'));
    await wrapper.get('[data-restore="42"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'RestoreUser').map((c) => c.variables)).toEqual([{ id: '42' }]);
    expect(wrapper.get('[data-done]').text()).toBe('Grace Hopper is back, with everything they had.');
    const link = wrapper.get('[data-done-link]');
    expect(link.text()).toBe('Open their profile');
    expect(link.attributes('href')).toBe('/users/42');
    expect(wrapper.text()).toContain('No deleted customers');
  });

  it('links to the restored profile, in French too', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/customers/deleted', 'fr'));
    await wrapper.get('[data-restore="42"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-done-link]').text()).toBe('Ouvrir son profil');
    await wrapper.get('[data-done-link]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/users/42');
  });

  it('deletes permanently only after the dialog says what is erased (admins)', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/customers/deleted'));
    await wrapper.get('[data-erase="42"]').trigger('click');
    await flushPromises();
    const dialog = wrapper.get('form[data-confirm="erase-user"]');
    expect(dialog.get('h2').text()).toBe('Delete Grace Hopper permanently?');
    expect(dialog.text()).toContain('Their name, addresses, phones, notes');
    expect(dialog.get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    expect(callsOf(calls, 'EraseUser')).toHaveLength(0);
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'EraseUser').map((c) => c.variables)).toEqual([{ id: '42' }]);
    expect(wrapper.get('[data-done]').text()).toBe('Grace Hopper was deleted permanently.');
    expect(wrapper.find('[data-done-link]').exists()).toBe(false);
  });

  it('offers agents Restore but not Delete permanently', async () => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp('/customers/deleted'));
    expect(wrapper.find('[data-restore="42"]').exists()).toBe(true);
    expect(wrapper.find('[data-erase="42"]').exists()).toBe(false);
  });

  it('shows the server’s refusal', async () => {
    stubGraphQL({
      Me: signedInAs(ADMIN_VIEWER),
      DeletedUsers: () => ({
        data: { deletedUsers: { totalCount: 1, edges: [{ cursor: 'c', node: grace }], pageInfo: { hasNextPage: false, endCursor: null } } },
      }),
      RestoreUser: () => ({ errors: [{ message: 'Only agents and admins can restore deleted customers.', extensions: { code: 'FORBIDDEN' } }] }),
    });
    ({ wrapper } = await mountApp('/customers/deleted'));
    await wrapper.get('[data-restore="42"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"].notice--danger').text()).toContain('You are not allowed to do this.');
    expect(wrapper.find('[data-restore="42"]').exists()).toBe(true);
  });
});
