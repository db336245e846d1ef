import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserProfileFragment, IdentityDetailsFragment } from '../../client/src/graphql/generated/graphql';
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
  NOTHING_ON_USER,
} from './helpers';

// The Contacts card of the profile: emails and phone numbers.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

function identity(overrides: Partial<IdentityDetailsFragment>): IdentityDetailsFragment {
  return {
    id: '1',
    type: 'EMAIL',
    value: 'grace@navy.example.org',
    displayValue: 'grace@navy.example.org',
    primary: false,
    verified: false,
    deliverability: 'DELIVERABLE',
    shared: false,
    sharedWith: [],
    createdAt: '2025-01-02T10:00:00.000Z',
    ...overrides,
  };
}

const primaryEmail = identity({ id: '1', primary: true, verified: true });
const workEmail = identity({ id: '2', value: 'grace@work.example', displayValue: 'grace@work.example' });
const reserved = identity({
  id: '3',
  value: 'grace@example.invalid',
  displayValue: 'grace@example.invalid',
  deliverability: 'UNDELIVERABLE_RESERVED',
});
const phone = identity({ id: '4', type: 'PHONE', value: '+14155552671', displayValue: '+1 415-555-2671', primary: true });

function withIdentities(identities: IdentityDetailsFragment[], overrides: Partial<UserProfileFragment> = {}): UserProfileFragment {
  return makeUser({ identities, ...overrides });
}

/** The Contacts card's items, each as its value and badges. */
function contacts(): { value: string; badges: string[] }[] {
  return wrapper.findAll('.contact').map((item) => ({
    value: item.get('.contact__text').text(),
    badges: item.findAll('.badge').map((badge) => badge.text()),
  }));
}

function contact(value: string) {
  const found = wrapper.findAll('.contact').find((item) => item.get('.contact__text').text() === value);
  if (!found) throw new Error(`No contact ${value}`);
  return found;
}

describe('contacts on the profile', () => {
  it('lists emails and phone numbers, primary first, with what is known about each', async () => {
    const shared = identity({
      id: '5',
      type: 'PHONE',
      value: '+33142685300',
      displayValue: '+33 1 42 68 53 00',
      shared: true,
      sharedWith: [{ id: '9', name: 'Ada Lovelace' }],
    });
    const noMail = identity({ id: '6', value: 'g@nomail.example.com', displayValue: 'g@nomail.example.com', deliverability: 'NO_MAIL_DOMAIN' });
    stubGraphQL({ User: () => ({ data: { user: withIdentities([workEmail, reserved, primaryEmail, shared, phone, noMail]) } }) });
    ({ wrapper } = await mountApp('/users/42'));

    const card = wrapper.get('section[aria-labelledby="contacts-title"]');
    expect(card.get('h2').text()).toBe('Contacts');
    expect(card.findAll('h3').map((h) => h.text())).toEqual(['Email addresses', 'Phone numbers']);
    expect(contacts()).toEqual([
      { value: 'grace@navy.example.org', badges: ['Primary', 'Verified'] },
      { value: 'grace@work.example', badges: ['Not verified'] },
      { value: 'grace@example.invalid', badges: ['Not verified', 'Never mailed'] },
      { value: 'g@nomail.example.com', badges: ['Not verified', 'Domain has no mail'] },
      { value: '+1 415-555-2671', badges: ['Primary', 'Not verified'] },
      { value: '+33 1 42 68 53 00', badges: ['Not verified', 'Shared number'] },
    ]);
    const sharedWith = contact('+33 1 42 68 53 00').get('[data-shared-with]');
    expect(sharedWith.text()).toBe('Also the number of Ada Lovelace');
    expect(sharedWith.get('a').attributes('href')).toBe('/users/9');
    // The primary email cannot be removed; the others can.
    expect(contact('grace@navy.example.org').find('[data-action="remove"]').exists()).toBe(false);
    expect(contact('grace@work.example').get('[data-action="remove"]').attributes('aria-label')).toBe('Remove: grace@work.example');
    expect(contact('+1 415-555-2671').find('[data-action="remove"]').exists()).toBe(true);
  });

  it('adds an email; one another user has shows "already used by NAME" with a link to them', async () => {
    const calls = stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail]) } }),
      AddUserIdentity: () =>
        graphQLError('This address is already used by another user.', {
          code: 'EMAIL_TAKEN',
          field: 'value',
          existingUserId: '9',
          existingUserName: 'Ada Lovelace',
        }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    await wrapper.get('[data-action="add-email"]').trigger('click');
    const input = byLabel(wrapper, 'New email address');
    expect(document.activeElement).toBe(input.element);
    await input.setValue('ADA@example.com');
    await wrapper.get('[data-add-contact="EMAIL"] button[type="submit"]').trigger('click');
    await flushPromises();

    expect(callsOf(calls, 'AddUserIdentity').map((call) => call.variables)).toEqual([
      { userId: '42', input: { type: 'EMAIL', value: 'ADA@example.com' } },
    ]);
    expect(errorNextTo(wrapper, 'New email address')).toBe('This address is already used by Ada Lovelace.');
    expect(wrapper.get('#add-contact-email-error a').attributes('href')).toBe('/users/9');
    expect(input.attributes('aria-invalid')).toBe('true');
  });

  it('adds an email marked verified and lists it', async () => {
    const added = identity({ id: '7', value: 'grace@new.example', displayValue: 'grace@new.example', verified: true });
    const calls = stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail]) } }),
      AddUserIdentity: () => ({
        data: { addUserIdentity: { identity: added, user: withIdentities([primaryEmail, added]), warnings: [] } },
      }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    await wrapper.get('[data-action="add-email"]').trigger('click');
    await byLabel(wrapper, 'New email address').setValue('grace@new.example');
    await byLabel(wrapper, 'Already verified').setValue(true);
    await wrapper.get('[data-add-contact="EMAIL"] button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'AddUserIdentity')[0]!.variables.input).toEqual({
      type: 'EMAIL',
      value: 'grace@new.example',
      verified: true,
    });
    expect(contacts().map((item) => item.value)).toEqual(['grace@navy.example.org', 'grace@new.example']);
    expect(wrapper.find('[data-add-contact="EMAIL"]').exists()).toBe(false);
    expect(wrapper.get('section[aria-labelledby="contacts-title"] [role="status"]').text()).toBe('grace@new.example added.');
    expect(document.activeElement).toBe(wrapper.get('[data-action="add-email"]').element);
  });

  it('closes the add form with Escape, focus back on its button', async () => {
    const calls = stubGraphQL({ User: () => ({ data: { user: withIdentities([primaryEmail]) } }) });
    ({ wrapper } = await mountApp('/users/42'));
    await wrapper.get('[data-action="add-phone"]').trigger('click');
    await byLabel(wrapper, 'New phone number').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-add-contact="PHONE"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-action="add-phone"]').element);
    expect(callsOf(calls, 'AddUserIdentity')).toHaveLength(0);
  });

  it('adds a phone another user has as a shared number, with a notice linking to them', async () => {
    const added = identity({
      id: '8',
      type: 'PHONE',
      value: '+14155552671',
      displayValue: '+1 415-555-2671',
      shared: true,
      sharedWith: [{ id: '9', name: 'Ada Lovelace' }],
    });
    const calls = stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail]) } }),
      AddUserIdentity: () => ({
        data: {
          addUserIdentity: {
            identity: added,
            user: withIdentities([primaryEmail, added], { phone: '+14155552671' }),
            warnings: [{ code: 'SHARED_PHONE', field: 'value', message: 'Shared with another user.', existingUserId: '9' }],
          },
        },
      }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.text()).toContain('No phone number.');
    await wrapper.get('[data-action="add-phone"]').trigger('click');
    const input = byLabel(wrapper, 'New phone number');
    expect(input.attributes('type')).toBe('tel');
    await input.setValue('+1 415 555 2671');
    await wrapper.get('[data-add-contact="PHONE"] button[type="submit"]').trigger('click');
    await flushPromises();

    expect(callsOf(calls, 'AddUserIdentity')[0]!.variables).toEqual({
      userId: '42',
      input: { type: 'PHONE', value: '+1 415 555 2671' },
    });
    const notice = wrapper.get('[data-warning="SHARED_PHONE"]');
    expect(notice.text()).toBe('+1 415-555-2671 is also the number of Ada Lovelace. It is kept here as a shared number: both profiles have it.');
    expect(notice.get('a').attributes('href')).toBe('/users/9');
    expect(contact('+1 415-555-2671').text()).toContain('Shared number');
    // The form's primary phone (read-only) follows the server.
    expect((byLabel(wrapper, 'Primary phone').element as HTMLInputElement).value).toBe('+14155552671');
  });

  it('shows a refused phone number next to the input', async () => {
    stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail]) } }),
      AddUserIdentity: () => graphQLError('Use the international format, e.g. +1 415 555 2671.', { code: 'BAD_USER_INPUT', field: 'value' }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    await wrapper.get('[data-action="add-phone"]').trigger('click');
    await wrapper.get('[data-add-contact="PHONE"] button[type="submit"]').trigger('click');
    expect(errorNextTo(wrapper, 'New phone number')).toBe('Enter a phone number.');
    await byLabel(wrapper, 'New phone number').setValue('555');
    await wrapper.get('[data-add-contact="PHONE"] button[type="submit"]').trigger('click');
    await flushPromises();
    expect(errorNextTo(wrapper, 'New phone number')).toBe('Use the international format, e.g. +1 415 555 2671.');
  });

  it('makes an email primary', async () => {
    const calls = stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail, workEmail]) } }),
      MakeUserIdentityPrimary: () => ({
        data: {
          makeUserIdentityPrimary: withIdentities(
            [
              { ...primaryEmail, primary: false },
              { ...workEmail, primary: true },
            ],
            { email: 'grace@work.example' },
          ),
        },
      }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(contact('grace@navy.example.org').find('[data-action="make-primary"]').exists()).toBe(false);
    await contact('grace@work.example').get('[data-action="make-primary"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'MakeUserIdentityPrimary').map((call) => call.variables)).toEqual([{ id: '2' }]);
    expect(contacts()[0]).toEqual({ value: 'grace@work.example', badges: ['Primary', 'Not verified'] });
    expect((byLabel(wrapper, 'Primary email').element as HTMLInputElement).value).toBe('grace@work.example');
    expect(contact('grace@work.example').find('[data-action="remove"]').exists()).toBe(false);
  });

  it('removes one after asking in the app’s dialog, nothing when cancelled, and shows a refusal there', async () => {
    const confirm = stubConfirm(true);
    let refuse = true;
    const calls = stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail, workEmail]) } }),
      RemoveUserIdentity: () =>
        refuse ? graphQLError('Not allowed', { code: 'FORBIDDEN' }) : { data: { removeUserIdentity: withIdentities([primaryEmail]) } },
    });
    ({ wrapper } = await mountApp('/users/42'));
    const dialog = () => openConfirm(wrapper, 'remove-contact');
    await contact('grace@work.example').get('[data-action="remove"]').trigger('click');
    await flushPromises();
    expect(dialog().get('h2').text()).toBe('Remove grace@work.example from this profile?');
    expect(dialog().get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    await cancelDialog(wrapper);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(callsOf(calls, 'RemoveUserIdentity')).toHaveLength(0);

    await contact('grace@work.example').get('[data-action="remove"]').trigger('click');
    await flushPromises();
    await dialog().trigger('submit');
    await flushPromises();
    expect(dialog().get('.notice').text()).toBe('You are not allowed to do this.');
    expect(contacts().map((item) => item.value)).toEqual(['grace@navy.example.org', 'grace@work.example']);

    refuse = false;
    await dialog().trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'RemoveUserIdentity').map((call) => call.variables)).toEqual([{ id: '2' }, { id: '2' }]);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(contacts().map((item) => item.value)).toEqual(['grace@navy.example.org']);
    expect(wrapper.get('.contacts [role="status"]').text()).toBe('grace@work.example removed.');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('marks one verified', async () => {
    const calls = stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail, workEmail]) } }),
      VerifyUserIdentity: () => ({ data: { verifyUserIdentity: { ...workEmail, verified: true } } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(contact('grace@navy.example.org').find('[data-action="verify"]').exists()).toBe(false);
    await contact('grace@work.example').get('[data-action="verify"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'VerifyUserIdentity').map((call) => call.variables)).toEqual([{ id: '2' }]);
    expect(
      contact('grace@work.example')
        .findAll('.badge')
        .map((badge) => badge.text()),
    ).toEqual(['Verified']);
  });

  it('shows an action the server refused above the list', async () => {
    stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail, workEmail]) } }),
      MakeUserIdentityPrimary: () => graphQLError('Not allowed', { code: 'FORBIDDEN' }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    await contact('grace@work.example').get('[data-action="make-primary"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('section[aria-labelledby="contacts-title"] [role="alert"]').text()).toBe('You are not allowed to do this.');
  });

  it('keeps what was typed in the form when a contact is added', async () => {
    const added = identity({ id: '7', value: 'grace@new.example', displayValue: 'grace@new.example' });
    const calls = stubGraphQL({
      User: () => ({ data: { user: withIdentities([primaryEmail]) } }),
      AddUserIdentity: () => ({
        data: { addUserIdentity: { identity: added, user: withIdentities([primaryEmail, added]), warnings: [] } },
      }),
      UpdateUser: ({ input }) => ({ data: { updateUser: withIdentities([primaryEmail, added], input as Partial<UserProfileFragment>) } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Notes').setValue('Call after 5pm');
    await wrapper.get('[data-action="add-email"]').trigger('click');
    await byLabel(wrapper, 'New email address').setValue('grace@new.example');
    await wrapper.get('[data-add-contact="EMAIL"] button[type="submit"]').trigger('click');
    await flushPromises();
    expect((byLabel(wrapper, 'Notes').element as HTMLTextAreaElement).value).toBe('Call after 5pm');
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((call) => call.variables.input)).toEqual([{ notes: 'Call after 5pm' }]);
  });

  it('offers no changes on a profile the agent may only read', async () => {
    const admin = withIdentities([primaryEmail, workEmail], { id: '50', role: 'ADMIN', viewerCan: NOTHING_ON_USER });
    stubGraphQL({ Me: signedInAs(AGENT_VIEWER), User: () => ({ data: { user: admin } }) });
    ({ wrapper } = await mountApp('/users/50'));
    expect(contacts()).toHaveLength(2);
    const card = wrapper.get('section[aria-labelledby="contacts-title"]');
    expect(card.findAll('button')).toHaveLength(0);
  });
});
