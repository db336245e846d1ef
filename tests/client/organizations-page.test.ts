import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationDetailsFragment, UpdateOrganizationInput } from '../../client/src/graphql/generated/graphql';
import {
  AGENT_VIEWER,
  byLabel,
  cancelDialog,
  callsOf,
  errorNextTo,
  graphQLError,
  makeUser,
  mountApp,
  openConfirm,
  signedInAs,
  stubConfirm,
  stubGraphQL,
  type GraphQLCall,
} from './helpers';
import { organizationsPage, navy, army, usersOf } from './organizations-setup';

// An organization's page: its fields and users, saving, deleting.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
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

  it('asks in the app’s own dialog, shows a refusal there, deletes, and goes back to the list with a notice', async () => {
    const confirm = stubConfirm(true);
    let refuse = true;
    const calls = stubGraphQL({
      Organization: () => ({ data: { organization: navy } }),
      OrganizationUsers: () => usersOf(navy, []),
      DeleteOrganization: () =>
        refuse
          ? { errors: [{ message: 'Only admins manage organizations.', extensions: { code: 'FORBIDDEN' } }] }
          : { data: { deleteOrganization: true } },
      Organizations: () => organizationsPage([army]),
    });
    let router;
    ({ wrapper, router } = await mountApp('/organizations/7'));
    await wrapper.get('[data-action="delete-organization"]').trigger('click');
    await flushPromises();
    const dialog = openConfirm(wrapper, 'delete-organization');
    expect(dialog.get('h2').text()).toBe('Delete Navy?');
    expect(dialog.text()).toContain('Its users stay, without an organization. This cannot be undone.');
    expect(dialog.get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    expect(callsOf(calls, 'DeleteOrganization')).toHaveLength(0);
    // In a browser the pressed button loses the focus while it is disabled: it gets it back after the refusal.
    (document.activeElement as HTMLElement | null)?.blur();
    await dialog.trigger('submit');
    await flushPromises();
    expect(dialog.get('.notice').text()).toBe('You are not allowed to do this.');
    expect(document.activeElement).toBe(dialog.get('button[type="submit"]').element);
    expect(router.currentRoute.value.path).toBe('/organizations/7');
    // Only the dialog says when it is deleting: the header's Delete stays as it was.
    expect(wrapper.get('[data-action="delete-organization"]').text()).toBe('Delete');
    expect(wrapper.get('[data-action="delete-organization"]').attributes('disabled')).toBeUndefined();
    refuse = false;
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'DeleteOrganization').map((c) => c.variables)).toEqual([{ id: '7' }, { id: '7' }]);
    expect(confirm).not.toHaveBeenCalled();
    expect(router.currentRoute.value.path).toBe('/organizations');
    expect(wrapper.text()).toContain('Organization deleted.');
  });

  it('keeps the organization when the dialog is cancelled (French)', async () => {
    const calls = stubGraphQL({
      Organization: () => ({ data: { organization: navy } }),
      OrganizationUsers: () => usersOf(navy, []),
    });
    ({ wrapper } = await mountApp('/organizations/7', 'fr'));
    await wrapper.get('[data-action="delete-organization"]').trigger('click');
    await flushPromises();
    const dialog = openConfirm(wrapper, 'delete-organization');
    expect(dialog.get('h2').text()).toBe('Supprimer Navy\u202f?');
    await cancelDialog(wrapper, 'Annuler');
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(callsOf(calls, 'DeleteOrganization')).toHaveLength(0);
  });

  it('says so when the organization does not exist', async () => {
    serve(navy);
    ({ wrapper } = await mountApp('/organizations/999'));
    expect(wrapper.get('h1').text()).toBe('This organization does not exist');
  });
});
