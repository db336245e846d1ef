import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationDetailsFragment } from '../../client/src/graphql/generated/graphql';
import { AGENT_VIEWER, byLabel, callsOf, errorNextTo, graphQLError, mountApp, signedInAs, stubGraphQL, usersPage } from './helpers';
import { makeOrganization, organizationsPage, navy, army, usersOf, findButton, pause } from './organizations-setup';

// The organization list: searching, paging, adding.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

function rows(): string[][] {
  return wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()));
}

const button = (text: string) => findButton(wrapper, text);

describe('organization list', () => {
  it('has a sidebar entry and lists name, domains, users and created date', async () => {
    stubGraphQL({ Organizations: () => organizationsPage([army, navy]), Users: () => usersPage([]) });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    const link = wrapper.get('[data-nav="organizations"]');
    expect(link.text()).toBe('Organizations');
    await link.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/organizations');

    expect(wrapper.get('h1').text()).toBe('Organizations');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Name', 'Domains', 'Users', 'Created']);
    expect(rows()).toEqual([
      ['Army', '—', '0', 'Jan 2, 2025'],
      ['Navy', 'navy.example.org', '2', 'Jan 2, 2025'],
    ]);
    expect(wrapper.get('tbody a').attributes('href')).toBe('/organizations/8');
    expect(wrapper.text()).toContain('2 organizations');
    expect(wrapper.get('[data-nav="organizations"]').classes()).toContain('sidebar__link--active');
  });

  it('searches with organizations(query:) once typing pauses, and pages by cursor', async () => {
    const many = Array.from({ length: 25 }, (_, i) => makeOrganization({ id: String(100 + i), name: `Org ${i}` }));
    const calls = stubGraphQL({
      Organizations: ({ query, after }) => {
        if (query) return organizationsPage([navy]);
        return after ? organizationsPage([army], { totalCount: 26 }) : organizationsPage(many, { totalCount: 26, hasNextPage: true });
      },
    });
    let router;
    ({ wrapper, router } = await mountApp('/organizations'));
    expect(wrapper.get('.pager__range').text()).toBe('1–25 of 26');
    await button('Next').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'Organizations').at(-1)!.variables).toEqual({ first: 25, after: 'org-124', query: null });
    expect(rows()).toHaveLength(1);

    const search = wrapper.get('input[type="search"]');
    expect(wrapper.get(`label[for="${search.attributes('id')}"]`).text()).toBe('Search organizations');
    await search.setValue('Na');
    await pause(300);
    await flushPromises();
    expect(callsOf(calls, 'Organizations').at(-1)!.variables).toEqual({ first: 25, after: null, query: 'Na' });
    expect(rows().map((row) => row[0])).toEqual(['Navy']);
    expect(router.currentRoute.value.query).toEqual({ q: 'Na' });
  });

  it('lets an admin add one: name and domains, then opens its page', async () => {
    let created: OrganizationDetailsFragment | null = null;
    const calls = stubGraphQL({
      Organizations: () => organizationsPage([navy]),
      CreateOrganization: ({ input }) => {
        const { name, domains } = input as { name: string; domains: string[] };
        created = makeOrganization({ id: '12', name, domains, tags: [], userCount: 0 });
        return { data: { createOrganization: created } };
      },
      Organization: ({ id }) => ({ data: { organization: id === '12' ? created : null } }),
      OrganizationUsers: () => usersOf(created!, []),
    });
    let router;
    ({ wrapper, router } = await mountApp('/organizations'));
    await button('Add organization').trigger('click');
    await flushPromises();
    const dialog = wrapper.get('dialog[aria-labelledby="add-organization-title"]');
    expect(dialog.attributes('open')).toBeDefined();
    expect(dialog.get('h2').text()).toBe('Add organization');
    expect(document.activeElement?.id).toBe('add-organization-name');

    await byLabel(wrapper, 'Name').setValue('Acme');
    // A separator ends a domain; "@" and upper case are tidied away.
    await byLabel(wrapper, 'Domains').setValue('@Acme.com, acme.io ');
    expect(dialog.findAll('.chip__text').map((chip) => chip.text())).toEqual(['acme.com', 'acme.io']);
    await dialog.get('button[type="submit"]').trigger('click');
    await flushPromises();

    expect(callsOf(calls, 'CreateOrganization').map((call) => call.variables)).toEqual([
      { input: { name: 'Acme', domains: ['acme.com', 'acme.io'] } },
    ]);
    expect(router.currentRoute.value.path).toBe('/organizations/12');
    expect(wrapper.get('h1').text()).toBe('Acme');
    expect(wrapper.text()).toContain('Organization added.');
  });

  it('links to the organization that already has the name', async () => {
    stubGraphQL({
      Organizations: () => organizationsPage([navy]),
      CreateOrganization: () =>
        graphQLError('An organization named "Navy" already exists.', {
          code: 'BAD_USER_INPUT',
          field: 'name',
          existingOrganizationId: '7',
        }),
    });
    ({ wrapper } = await mountApp('/organizations'));
    await button('Add organization').trigger('click');
    await byLabel(wrapper, 'Name').setValue('NAVY');
    await wrapper.get('dialog[aria-labelledby="add-organization-title"] button[type="submit"]').trigger('click');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Name')).toBe('An organization named "Navy" already exists. Open that organization');
    expect(wrapper.get('#add-organization-name-error a').attributes('href')).toBe('/organizations/7');
    expect(document.activeElement?.id).toBe('add-organization-name');
  });

  it('opens the add dialog from the top bar "+ Add" menu, for admins only', async () => {
    stubGraphQL({ Users: () => usersPage([]), Organizations: () => organizationsPage([navy]) });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    await flushPromises();
    await wrapper.get('#add-menu-button').trigger('click');
    const item = wrapper.findAll('[role="menuitem"]').find((candidate) => candidate.text() === 'Organization');
    expect(item).toBeDefined();
    await item!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/organizations');
    expect(router.currentRoute.value.query.add).toBeUndefined();
    expect(wrapper.get('dialog[aria-labelledby="add-organization-title"]').attributes('open')).toBeDefined();
    wrapper.unmount();

    stubGraphQL({ Me: signedInAs(AGENT_VIEWER), Users: () => usersPage([]) });
    ({ wrapper } = await mountApp('/customers'));
    await flushPromises();
    await wrapper.get('#add-menu-button').trigger('click');
    expect(wrapper.findAll('#add-menu-list [role="menuitem"]').map((candidate) => candidate.text())).toEqual(['User', 'Ticket']);
  });

  it('offers agents no Add organization', async () => {
    stubGraphQL({ Me: signedInAs(AGENT_VIEWER), Organizations: () => organizationsPage([navy]) });
    ({ wrapper } = await mountApp('/organizations'));
    expect(rows()).toHaveLength(1);
    expect(wrapper.findAll('button').some((candidate) => candidate.text() === 'Add organization')).toBe(false);
  });

  it('reads in French', async () => {
    stubGraphQL({ Organizations: () => organizationsPage([navy]) });
    ({ wrapper } = await mountApp('/organizations', 'fr'));
    expect(wrapper.get('h1').text()).toBe('Organisations');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Nom', 'Domaines', 'Utilisateurs', 'Créée le']);
  });
});
