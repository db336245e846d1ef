import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationRefFragment, UpdateUserInput, UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { byLabel, callsOf, errorNextTo, graphQLError, makeUser, mountApp, stubGraphQL, type GraphQLCall } from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

/** A server that keeps one user and applies updates to it, or answers with `failWith`. */
function serve(user: UserProfileFragment, failWith?: ReturnType<typeof graphQLError>): GraphQLCall[] {
  let current = user;
  return stubGraphQL({
    User: ({ id }) => ({ data: { user: id === current.id ? current : null } }),
    UpdateUser: ({ input }) => {
      if (failWith) return failWith;
      const { organizationId, ...changes } = input as UpdateUserInput;
      const organizations: Record<string, OrganizationRefFragment> = { '7': { id: '7', name: 'Navy' }, '8': { id: '8', name: 'Army' } };
      current = {
        ...current,
        ...(changes as Partial<UserProfileFragment>),
        organization: organizationId === undefined ? current.organization : organizationId ? organizations[organizationId]! : null,
        tags: changes.tags ?? current.tags,
        updatedAt: '2025-02-03T12:00:00.000Z',
      };
      return { data: { updateUser: current } };
    },
  });
}

/** The chips of the chips input labelled by `id`. */
function chips(id: string): string[] {
  const box = wrapper.get(`#${id}`).element.closest('.chips')!;
  return Array.from(box.querySelectorAll('.chip__text'), (chip) => chip.textContent!.trim());
}

async function save(): Promise<void> {
  await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
  await flushPromises();
}

function updates(calls: GraphQLCall[]) {
  // Staff save a profile from the version they read.
  return callsOf(calls, 'UpdateUser').map(({ variables: { expectedVersion, ...variables } }) => {
    expect(expectedVersion).toBe(1);
    return variables;
  });
}

describe('user profile', () => {
  it('shows every field, labelled, filled from the server', async () => {
    serve(makeUser({ phone: '+14155552671', externalId: 'crm-9', notes: 'Prefers mornings' }));
    ({ wrapper } = await mountApp('/users/42'));

    const value = (label: string) => (byLabel(wrapper, label).element as HTMLInputElement).value;
    expect(value('Name')).toBe('Grace Hopper');
    // The primary email and phone, read-only: they change in Contacts.
    expect(value('Primary email')).toBe('grace@navy.example.org');
    expect(value('Primary phone')).toBe('+14155552671');
    expect(byLabel(wrapper, 'Primary email').attributes('readonly')).toBeDefined();
    expect(byLabel(wrapper, 'Primary phone').attributes('readonly')).toBeDefined();
    expect(value('Organization')).toBe('Navy');
    expect(byLabel(wrapper, 'Organization').attributes('role')).toBe('combobox');
    expect(wrapper.get('[data-organization-link]').attributes('href')).toBe('/organizations/7');
    expect(value('Tags')).toBe('');
    expect(chips('profile-tags')).toEqual(['vip']);
    expect(value('Time zone')).toMatch(/^UTC-0[45]:00 New York$/);
    expect(byLabel(wrapper, 'Time zone').attributes('data-time-zone')).toBe('America/New_York');
    expect(value('Language')).toBe('en-US');
    expect(value('External ID')).toBe('crm-9');
    expect(value('Alias')).toBe('');
    expect(value('Details')).toBe('');
    expect(value('Notes')).toBe('Prefers mornings');
    expect(value('Role')).toBe('END_USER');
    expect((byLabel(wrapper, 'Verified').element as HTMLInputElement).checked).toBe(false);
    expect((byLabel(wrapper, 'Suspended').element as HTMLInputElement).checked).toBe(false);

    expect(
      byLabel(wrapper, 'Role')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['End user', 'Agent', 'Admin']);
    expect(wrapper.text()).toContain('Created via');
    expect(wrapper.text()).toContain('Admin app');
  });

  it('offers a searchable list of time zones and common languages, not free text', async () => {
    serve(makeUser({ timeZone: 'US/Pacific-New', locale: 'gsw-CH' }));
    ({ wrapper } = await mountApp('/users/42'));

    const timeZone = byLabel(wrapper, 'Time zone');
    expect(timeZone.attributes('role')).toBe('combobox');
    // A stored zone the list lacks is still shown as it is.
    expect((timeZone.element as HTMLInputElement).value).toBe('US/Pacific-New');
    await timeZone.setValue('tokyo');
    await flushPromises();
    expect(wrapper.findAll('[role="option"]').map((option) => option.get('.listbox__name').text())).toEqual(['UTC+09:00 Tokyo']);

    const language = byLabel(wrapper, 'Language');
    expect(language.element.tagName).toBe('SELECT');
    const french = language.findAll('option').find((option) => option.attributes('value') === 'fr-CA');
    expect(french?.text()).toBe('Canadian French — fr-CA');
    expect((language.element as HTMLSelectElement).value).toBe('gsw-CH');
  });

  it('sends only the changed fields, null for a cleared one, and shows Saved', async () => {
    const calls = serve(makeUser());
    ({ wrapper } = await mountApp('/users/42'));

    await wrapper.get('button[aria-label="Clear organization"]').trigger('click');
    await byLabel(wrapper, 'Tags').setValue('vip, Billing ,, vip');
    const zone = byLabel(wrapper, 'Time zone');
    await zone.setValue('paris');
    await flushPromises();
    await zone.trigger('keydown', { key: 'Enter' });
    await byLabel(wrapper, 'Suspended').setValue(true);
    await save();

    expect(updates(calls)).toEqual([
      {
        id: '42',
        input: {
          organizationId: null,
          timeZone: 'Europe/Paris',
          tags: ['vip', 'billing'],
          suspended: true,
        },
      },
    ]);
    expect(wrapper.get('.profile-form [role="status"]').text()).toBe('Saved');
    // The form now shows what the server kept.
    expect((byLabel(wrapper, 'Organization').element as HTMLInputElement).value).toBe('');
    expect(chips('profile-tags')).toEqual(['vip', 'billing']);
  });

  it('sends nothing when nothing changed', async () => {
    const calls = serve(makeUser());
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Tags').setValue('vip,');
    // The same tags: nothing to save, so no Save button; submitting the form (Enter) sends nothing.
    expect(wrapper.find('form.profile-form button[type="submit"]').exists()).toBe(false);
    await wrapper.get('form.profile-form').trigger('submit');
    await flushPromises();
    expect(updates(calls)).toEqual([]);
    expect(wrapper.get('.profile-form [role="status"]').text()).toBe('No changes to save.');
  });

  it('clears the language and time zone with null', async () => {
    const calls = serve(makeUser());
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Language').setValue('');
    await byLabel(wrapper, 'Time zone').setValue('');
    await byLabel(wrapper, 'Time zone').trigger('blur');
    await byLabel(wrapper, 'Role').setValue('AGENT');
    await save();
    // A new role of agent is saved once confirmed.
    expect(updates(calls)).toEqual([]);
    await wrapper.get('form[data-confirm="confirm-role-change"]').trigger('submit');
    await flushPromises();
    expect(updates(calls)).toEqual([{ id: '42', input: { timeZone: null, locale: null, role: 'AGENT' } }]);
  });

  it('does not send an empty name', async () => {
    const calls = serve(makeUser());
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Name').setValue('  ');
    await save();
    expect(updates(calls)).toEqual([]);
    expect(errorNextTo(wrapper, 'Name')).toBe('Enter a name.');
  });

  it.each([
    ['alias', 'Alias', 'An alias is at most 255 characters.'],
    ['timeZone', 'Time zone', 'Unknown time zone.'],
    ['locale', 'Language', 'Unknown language tag.'],
    ['externalId', 'External ID', 'Another user has this external ID.'],
    ['tags', 'Tags', 'A tag is at most 64 characters.'],
  ])('shows a BAD_USER_INPUT on %s next to %s', async (field, label, message) => {
    serve(makeUser(), graphQLError(message, { code: 'BAD_USER_INPUT', field }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Alias').setValue('Gee');
    await save();
    expect(errorNextTo(wrapper, label)).toBe(message);
    expect(byLabel(wrapper, label).attributes('aria-invalid')).toBe('true');
    expect(errorNextTo(wrapper, 'Name')).toBe('');
    expect(wrapper.get('.profile-form [role="status"]').text()).not.toBe('Saved');
  });

  it('changes the primary email and phone in one place: the form shows them read-only, with a way to Contacts', async () => {
    const calls = serve(makeUser({ phone: null }));
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.find('#profile-email').exists()).toBe(false);
    expect(wrapper.find('#profile-phone').exists()).toBe(false);
    const phone = byLabel(wrapper, 'Primary phone');
    expect((phone.element as HTMLInputElement).value).toBe('');
    expect(phone.attributes('placeholder')).toBe('None');
    const links = wrapper.findAll('[data-change-in-contacts]');
    expect(links.map((link) => link.text())).toEqual(['Change in Contacts', 'Change in Contacts']);
    // Each link describes its field, and moves focus to the Contacts card.
    expect(byLabel(wrapper, 'Primary email').attributes('aria-describedby')).toBe('profile-primary-email-hint');
    await links[1]!.trigger('click');
    expect(document.activeElement).toBe(wrapper.get('#contacts-card').element);
    expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('contacts-title');
    // A save from the form never carries an email or a phone.
    await byLabel(wrapper, 'Alias').setValue('Amazing Grace');
    await save();
    expect(updates(calls)).toEqual([{ id: '42', input: { alias: 'Amazing Grace' } }]);
  });

  it('reads the primary contacts in French', async () => {
    serve(makeUser());
    ({ wrapper } = await mountApp('/users/42', 'fr'));
    expect((byLabel(wrapper, 'E-mail principal').element as HTMLInputElement).value).toBe('grace@navy.example.org');
    expect(wrapper.get('[data-change-in-contacts]').text()).toBe('Modifier dans Contacts');
  });

  it('marks a reserved-domain address as never mailed', async () => {
    const user = makeUser({ email: 'grace@example.invalid' });
    user.identities[0] = { ...user.identities[0]!, displayValue: 'grace@example.invalid', deliverability: 'UNDELIVERABLE_RESERVED' };
    serve(user);
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.get('[data-deliverability="UNDELIVERABLE_RESERVED"]').text()).toBe('Never mailed');
    expect(wrapper.get('[data-deliverability="UNDELIVERABLE_RESERVED"]').classes()).toContain('badge--warning');
  });

  it('says so when the user does not exist', async () => {
    serve(makeUser());
    ({ wrapper } = await mountApp('/users/999'));
    expect(wrapper.get('h1').text()).toBe('This customer does not exist');
    // Staff who may restore are shown where a customer deleted in the last 30 days is.
    expect(wrapper.text()).toContain('can be restored from Deleted customers');
    expect(wrapper.get('[data-not-found-link]').attributes('href')).toBe('/customers/deleted');
  });
});
