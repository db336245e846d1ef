import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationDetailsFragment } from '../../client/src/graphql/generated/graphql';
import { SUGGEST_DEBOUNCE_MS } from '../../client/src/ui/use-combobox';
import { AGENT_VIEWER, byLabel, callsOf, makeUser, mountApp, signedInAs, stubGraphQL, type GraphQLCall, type Handlers } from './helpers';
import { navy, army, arctic, pause } from './organizations-setup';

// The organization picker on the profile.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

async function typeAndWait(input: ReturnType<VueWrapper['get']>, text: string): Promise<void> {
  await input.setValue(text);
  await pause(SUGGEST_DEBOUNCE_MS + 50);
  await flushPromises();
}

describe('organization picker on the profile', () => {
  function serveProfile(extra: Handlers = {}): GraphQLCall[] {
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
      ...extra,
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
    expect(callsOf(calls, 'UpdateUser').map((call) => call.variables)).toEqual([{ id: '42', input: { organizationId: '9' }, expectedVersion: 1 }]);
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
    // Nothing changed: the form offers no Save, and submitting it (Enter in a field) sends nothing.
    expect(wrapper.find('form.profile-form button[type="submit"]').exists()).toBe(false);
    await wrapper.get('form.profile-form').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser')).toHaveLength(0);
  });

  it('offers admins to create the organization typed, and says so when the name is left behind', async () => {
    const calls = serveProfile({
      CreateOrganization: ({ input }) => ({ data: { createOrganization: { ...navy, id: '12', name: String(input.name), domains: [] } } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    const input = byLabel(wrapper, 'Organization');
    await typeAndWait(input, 'Zz Corp');
    const create = wrapper.get('[data-action="create-organization"]');
    expect(create.text()).toBe('Create organization “Zz Corp”');
    await input.trigger('blur');
    expect((input.element as HTMLInputElement).value).toBe('Navy');
    expect(wrapper.get('.picker__after').text()).toContain('No organization is named “Zz Corp”: the organization was not changed. Create it?');
    await wrapper.get('[data-action="create-organization"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'CreateOrganization')[0]!.variables).toEqual({ input: { name: 'Zz Corp' } });
    expect((input.element as HTMLInputElement).value).toBe('Zz Corp');
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser')[0]!.variables.input).toMatchObject({ organizationId: '12' });
  });

  it('tells agents, who cannot create one, that the name typed is not an organization', async () => {
    serveProfile({ Me: signedInAs(AGENT_VIEWER) });
    ({ wrapper } = await mountApp('/users/42'));
    const input = byLabel(wrapper, 'Organization');
    await typeAndWait(input, 'Zz Corp');
    expect(wrapper.find('[data-action="create-organization"]').exists()).toBe(false);
    await input.trigger('blur');
    expect(wrapper.get('.picker__after').text()).toBe('No organization is named “Zz Corp”: the organization was not changed.');
  });
});
