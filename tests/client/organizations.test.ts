import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationDetailsFragment, UpdateOrganizationInput, UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { SUGGEST_DEBOUNCE_MS } from '../../client/src/ui/use-combobox';
import {
  AGENT_VIEWER,
  byLabel,
  callsOf,
  errorNextTo,
  graphQLError,
  makeUser,
  mountApp,
  signedInAs,
  stubConfirm,
  stubGraphQL,
  usersPage,
  type GraphQLCall,
} from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

function makeOrganization(overrides: Partial<OrganizationDetailsFragment> = {}): OrganizationDetailsFragment {
  return {
    id: '7',
    name: 'Navy',
    domains: ['navy.example.org'],
    details: null,
    notes: null,
    tags: ['government'],
    externalId: null,
    userCount: 2,
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    ...overrides,
  };
}

function organizationsPage(organizations: OrganizationDetailsFragment[], options: { totalCount?: number; hasNextPage?: boolean } = {}) {
  return {
    data: {
      organizations: {
        totalCount: options.totalCount ?? organizations.length,
        pageInfo: {
          hasNextPage: options.hasNextPage ?? false,
          endCursor: organizations.length ? `org-${organizations[organizations.length - 1]!.id}` : null,
        },
        edges: organizations.map((node) => ({ cursor: `org-${node.id}`, node })),
      },
    },
  };
}

const navy = makeOrganization();
const army = makeOrganization({ id: '8', name: 'Army', domains: [], userCount: 0, tags: [] });
const arctic = makeOrganization({ id: '9', name: 'Arctic Survey', domains: ['arctic.example'], userCount: 1 });

function usersOf(
  organization: OrganizationDetailsFragment,
  users: UserProfileFragment[],
  options: { hasNextPage?: boolean; totalCount?: number } = {},
) {
  return { data: { organization: { id: organization.id, users: usersPage(users, options).data!.users } } };
}

function rows(): string[][] {
  return wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()));
}

function button(text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeAndWait(input: ReturnType<VueWrapper['get']>, text: string): Promise<void> {
  await input.setValue(text);
  await pause(SUGGEST_DEBOUNCE_MS + 50);
  await flushPromises();
}

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

describe('organization page', () => {
  const grace = makeUser();
  const ada = makeUser({ id: '43', name: 'Ada Lovelace', email: 'ada@navy.example.org', identities: [] });

  function serve(organization: OrganizationDetailsFragment, failWith?: ReturnType<typeof graphQLError>): GraphQLCall[] {
    let current = organization;
    return stubGraphQL({
      Organization: ({ id }) => ({ data: { organization: id === current.id ? current : null } }),
      OrganizationUsers: ({ after }) =>
        after ? usersOf(current, [ada], { totalCount: 26 }) : usersOf(current, [grace], { totalCount: 26, hasNextPage: true }),
      UpdateOrganization: ({ input }) => {
        if (failWith) return failWith;
        current = { ...current, ...(input as UpdateOrganizationInput), updatedAt: '2025-02-03T12:00:00.000Z' } as OrganizationDetailsFragment;
        return { data: { updateOrganization: current } };
      },
      TagSuggestions: () => ({ data: { tags: [] } }),
    });
  }

  it('shows its fields and its users, each linking to their profile, a page at a time', async () => {
    const calls = serve(navy);
    ({ wrapper } = await mountApp('/organizations/7'));
    expect(wrapper.get('h1').text()).toBe('Navy');
    expect(wrapper.get('.org-header__meta').text()).toContain('2 users');
    expect((byLabel(wrapper, 'Name').element as HTMLInputElement).value).toBe('Navy');
    expect(wrapper.get('#organization-domains').element.closest('.chips')!.textContent).toContain('navy.example.org');

    const users = wrapper.get('section[aria-labelledby="organization-users-title"]');
    expect(users.get('h2').text()).toBe('Users');
    expect(users.get('.org-user__name').text()).toBe('Grace Hopper');
    expect(users.get('.org-user__name').attributes('href')).toBe('/users/42');
    expect(users.get('.org-users__all').attributes('href')).toBe('/customers?org=7');
    expect(callsOf(calls, 'OrganizationUsers')[0]!.variables).toEqual({ id: '7', first: 25, after: null });

    await users
      .findAll('button')
      .find((candidate) => candidate.text() === 'Next')!
      .trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'OrganizationUsers').at(-1)!.variables).toEqual({ id: '7', first: 25, after: 'cursor-42' });
    expect(users.get('.org-user__name').text()).toBe('Ada Lovelace');
    expect(users.get('.pager__range').text()).toBe('26–26 of 26');
  });

  it('saves only what changed: name, domains as a list, a tag removed', async () => {
    const calls = serve(navy);
    ({ wrapper } = await mountApp('/organizations/7'));
    await byLabel(wrapper, 'Name').setValue('US Navy');
    await byLabel(wrapper, 'Domains').setValue('navy.mil ');
    await wrapper.get('button[aria-label="Remove government"]').trigger('click');
    await wrapper.get('form.org-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateOrganization').map((call) => call.variables)).toEqual([
      { id: '7', input: { name: 'US Navy', domains: ['navy.example.org', 'navy.mil'], tags: [] } },
    ]);
    expect(wrapper.get('form.org-form [role="status"]').text()).toBe('Saved');
    expect(wrapper.get('h1').text()).toBe('US Navy');
  });

  it('shows a name another organization has next to Name, with a link to it', async () => {
    serve(
      navy,
      graphQLError('An organization named "Army" already exists.', {
        code: 'BAD_USER_INPUT',
        field: 'name',
        existingOrganizationId: '8',
      }),
    );
    ({ wrapper } = await mountApp('/organizations/7'));
    await byLabel(wrapper, 'Name').setValue('army');
    await wrapper.get('form.org-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Name')).toContain('already exists');
    expect(wrapper.get('#organization-name-error a').attributes('href')).toBe('/organizations/8');
    expect(byLabel(wrapper, 'Name').attributes('aria-invalid')).toBe('true');
  });

  it('is read-only for agents: fields disabled, no Save, no Delete', async () => {
    stubGraphQL({
      Me: signedInAs(AGENT_VIEWER),
      Organization: () => ({ data: { organization: navy } }),
      OrganizationUsers: () => usersOf(navy, [grace]),
    });
    ({ wrapper } = await mountApp('/organizations/7'));
    for (const label of ['Name', 'Domains', 'Tags', 'External ID', 'Details', 'Notes']) {
      expect(byLabel(wrapper, label).attributes('disabled'), label).toBeDefined();
    }
    expect(wrapper.find('form.org-form button[type="submit"]').exists()).toBe(false);
    expect(wrapper.find('[data-action="delete-organization"]').exists()).toBe(false);
    expect(wrapper.get('[data-read-only]').text()).toContain('only admins change organizations');
  });

  it('asks first, deletes, and goes back to the list with a notice', async () => {
    const confirm = stubConfirm(true);
    stubGraphQL({
      Organization: () => ({ data: { organization: navy } }),
      OrganizationUsers: () => usersOf(navy, []),
      DeleteOrganization: () => ({ data: { deleteOrganization: true } }),
      Organizations: () => organizationsPage([army]),
    });
    let router;
    ({ wrapper, router } = await mountApp('/organizations/7'));
    await wrapper.get('[data-action="delete-organization"]').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledWith('Delete Navy? Its users stay, without an organization. This cannot be undone.');
    expect(router.currentRoute.value.path).toBe('/organizations');
    expect(wrapper.text()).toContain('Organization deleted.');
  });

  it('says so when the organization does not exist', async () => {
    serve(navy);
    ({ wrapper } = await mountApp('/organizations/999'));
    expect(wrapper.get('h1').text()).toBe('This organization does not exist');
  });
});

describe('organization picker on the profile', () => {
  function serveProfile(): GraphQLCall[] {
    let current = makeUser();
    const known: Record<string, OrganizationDetailsFragment> = { '7': navy, '8': army, '9': arctic };
    return stubGraphQL({
      User: () => ({ data: { user: current } }),
      OrganizationSuggestions: ({ query }) => ({
        data: {
          organizations: {
            edges: [army, arctic, navy]
              .filter((org) => !query || org.name.toLowerCase().startsWith(String(query).toLowerCase()))
              .map((node) => ({ node: { id: node.id, name: node.name, domains: node.domains } })),
          },
        },
      }),
      UpdateUser: ({ input }) => {
        const { organizationId } = input as { organizationId?: string | null };
        const organization = organizationId ? known[organizationId]! : null;
        current = { ...current, organization: organization && { id: organization.id, name: organization.name } };
        return { data: { updateUser: current } };
      },
    });
  }

  it('is a labelled combobox: type, arrow to a match, Enter picks it, Save sends organizationId', async () => {
    const calls = serveProfile();
    ({ wrapper } = await mountApp('/users/42'));
    const input = byLabel(wrapper, 'Organization');
    expect(input.attributes('role')).toBe('combobox');
    expect(input.attributes('aria-expanded')).toBe('false');

    await typeAndWait(input, 'Ar');
    expect(callsOf(calls, 'OrganizationSuggestions').at(-1)!.variables).toEqual({ query: 'Ar', first: 8 });
    expect(input.attributes('aria-expanded')).toBe('true');
    const listbox = wrapper.get(`#${input.attributes('aria-controls')}`);
    expect(listbox.attributes('role')).toBe('listbox');
    const options = listbox.findAll('[role="option"]');
    expect(options.map((option) => option.get('.listbox__name').text())).toEqual(['Army', 'Arctic Survey']);
    // The first match is highlighted; ArrowDown moves on, ArrowUp wraps back.
    expect(input.attributes('aria-activedescendant')).toBe(options[0]!.attributes('id'));
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe(options[1]!.attributes('id'));
    expect(options[1]!.attributes('aria-selected')).toBe('true');
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe(options[0]!.attributes('id'));
    await input.trigger('keydown', { key: 'ArrowUp' });
    expect(input.attributes('aria-activedescendant')).toBe(options[1]!.attributes('id'));
    await input.trigger('keydown', { key: 'Enter' });

    expect((input.element as HTMLInputElement).value).toBe('Arctic Survey');
    expect(input.attributes('aria-expanded')).toBe('false');
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((call) => call.variables)).toEqual([
      { id: '42', input: { organizationId: '9' }, checkRequiredFields: true },
    ]);
    expect(wrapper.get('.profile-header__organization').text()).toBe('Arctic Survey');
    expect(wrapper.get('.profile-header__organization').attributes('href')).toBe('/organizations/9');
  });

  it('picks with the mouse, and Escape closes the list then restores the name', async () => {
    const calls = serveProfile();
    ({ wrapper } = await mountApp('/users/42'));
    const input = byLabel(wrapper, 'Organization');
    await typeAndWait(input, 'arm');
    await input.trigger('keydown', { key: 'Escape' });
    expect(input.attributes('aria-expanded')).toBe('false');
    expect((input.element as HTMLInputElement).value).toBe('arm');
    await input.trigger('keydown', { key: 'Escape' });
    expect((input.element as HTMLInputElement).value).toBe('Navy');

    // ArrowDown on the current pick lists organizations from the start.
    await input.trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    expect(callsOf(calls, 'OrganizationSuggestions').at(-1)!.variables).toEqual({ query: null, first: 8 });
    await wrapper
      .findAll('[role="option"]')
      .find((option) => option.text().startsWith('Army'))!
      .trigger('click');
    expect((input.element as HTMLInputElement).value).toBe('Army');
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((call) => call.variables.input)).toEqual([{ organizationId: '8' }]);
  });

  it('keeps the organization picked before when a half-typed name is left behind', async () => {
    const calls = serveProfile();
    ({ wrapper } = await mountApp('/users/42'));
    const input = byLabel(wrapper, 'Organization');
    await typeAndWait(input, 'Zz');
    expect(wrapper.get('.listbox__message').text()).toBe('No organization starts with “Zz”');
    await input.trigger('blur');
    expect((input.element as HTMLInputElement).value).toBe('Navy');
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser')).toHaveLength(0);
  });
});
