import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewerFragment } from '../../client/src/graphql/generated/graphql';
import {
  ADMIN_VIEWER,
  AGENT_VIEWER,
  byLabel,
  callsOf,
  errorNextTo,
  graphQLError,
  makeUser,
  mountApp,
  signedInAs,
  stubGraphQL,
  usersPage,
  type Handler,
} from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

async function openAccountMenu(): Promise<void> {
  await wrapper.get('#account-menu-button').trigger('click');
  await flushPromises();
}

function menuItem(text: string) {
  const item = wrapper.findAll('#account-menu-list [role="menuitem"]').find((candidate) => candidate.text() === text);
  if (!item) throw new Error(`No menu item "${text}"`);
  return item;
}

describe('top bar', () => {
  it.each([
    [ADMIN_VIEWER, 'Admin'],
    [AGENT_VIEWER, 'Agent'],
  ])('shows who is signed in and their role', async (viewer: ViewerFragment, role: string) => {
    stubGraphQL({ Me: signedInAs(viewer), Users: () => usersPage([]) });
    ({ wrapper } = await mountApp('/customers'));
    expect(wrapper.get('[data-viewer-name]').text()).toBe(viewer.name);
    expect(wrapper.get('[data-viewer-role]').text()).toBe(role);
    expect(wrapper.get('#account-menu-button').attributes('aria-haspopup')).toBe('menu');
  });

  it('signs out, then shows the sign-in page', async () => {
    const calls = stubGraphQL({ Users: () => usersPage([]), SignOut: () => ({ data: { signOut: true } }) });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    await openAccountMenu();
    // The address as every address is shown (EmailText: it may wrap after the @).
    expect(wrapper.get('#account-menu-list .account-menu__identity-email.email-text').text()).toBe(ADMIN_VIEWER.email);
    expect(wrapper.findAll('#account-menu-list [role="menuitem"]').map((item) => item.text())).toEqual(['My profile', 'Change password', 'Sign out']);
    await menuItem('Sign out').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'SignOut')).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/sign-in');
    expect(wrapper.find('.shell').exists()).toBe(false);
    expect(byLabel(wrapper, 'Password').attributes('type')).toBe('password');

    // Going back does not show the app again without signing in.
    await router.push('/customers');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/sign-in');
    expect(callsOf(calls, 'Me')).toHaveLength(1);
  });

  it('links to Change password', async () => {
    stubGraphQL({ Users: () => usersPage([]) });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    await openAccountMenu();
    expect(menuItem('Change password').attributes('href')).toBe('/account/password');
    await menuItem('Change password').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/account/password');
    expect(wrapper.get('h1').text()).toBe('Change password');
  });
});

describe('change password', () => {
  function serve(answer: Handler<'ChangePassword'>) {
    return stubGraphQL({ ChangePassword: answer });
  }

  async function submit(current: string, next: string): Promise<void> {
    await byLabel(wrapper, 'Current password').setValue(current);
    await byLabel(wrapper, 'New password').setValue(next);
    await wrapper.get('main form').trigger('submit');
    await flushPromises();
  }

  it('has labelled password fields, a hint, and says when it worked', async () => {
    const calls = serve(() => ({ data: { changePassword: true } }));
    ({ wrapper } = await mountApp('/account/password'));
    expect(byLabel(wrapper, 'Current password').attributes('type')).toBe('password');
    expect(byLabel(wrapper, 'Current password').attributes('autocomplete')).toBe('current-password');
    expect(byLabel(wrapper, 'New password').attributes('autocomplete')).toBe('new-password');
    expect(wrapper.get('#new-password-hint').text()).toContain('At least 12 characters');
    expect(wrapper.get('main button[type="submit"]').text()).toBe('Change password');

    await submit('correct horse battery', 'a much longer passphrase');
    expect(callsOf(calls, 'ChangePassword').map((call) => call.variables)).toEqual([
      { currentPassword: 'correct horse battery', newPassword: 'a much longer passphrase' },
    ]);
    expect(wrapper.get('main [role="status"]').text()).toContain('Password changed.');
    expect((byLabel(wrapper, 'Current password').element as HTMLInputElement).value).toBe('');
    expect((byLabel(wrapper, 'New password').element as HTMLInputElement).value).toBe('');
  });

  it('does not send a new password under 12 characters', async () => {
    const calls = serve(() => ({ data: { changePassword: true } }));
    ({ wrapper } = await mountApp('/account/password'));
    await submit('correct horse battery', 'short');
    expect(callsOf(calls, 'ChangePassword')).toHaveLength(0);
    expect(errorNextTo(wrapper, 'New password')).toBe('Use at least 12 characters.');
  });

  it('shows a wrong current password next to that field', async () => {
    serve(() => graphQLError('The current password is not right.', { code: 'BAD_USER_INPUT', field: 'currentPassword' }));
    ({ wrapper } = await mountApp('/account/password'));
    await submit('not it', 'a much longer passphrase');
    expect(errorNextTo(wrapper, 'Current password')).toBe('This is not your current password.');
    expect(wrapper.find('main [role="status"]').exists()).toBe(false);
  });

  it("shows the server's message on the new password next to it", async () => {
    serve(() => graphQLError('A password can be at most 1024 characters.', { code: 'BAD_USER_INPUT', field: 'newPassword' }));
    ({ wrapper } = await mountApp('/account/password'));
    await submit('correct horse battery', 'x'.repeat(2000));
    expect(errorNextTo(wrapper, 'New password')).toBe('A password can be at most 1024 characters.');
  });
});

describe('an end user', () => {
  const endUser: ViewerFragment = { id: '42', name: 'Grace Hopper', email: 'grace@navy.example.org', role: 'END_USER' };
  const own = { ...endUser, phone: null, timeZone: 'America/New_York', locale: 'en-US' };

  function serve() {
    return stubGraphQL({
      Me: signedInAs(endUser),
      MyProfile: () => ({ data: { me: own } }),
      UpdateMyProfile: ({ input }) => ({ data: { updateUser: { ...own, ...(input as object) } } }),
      HelpCenter: () => ({ data: { helpCenter: { deskName: 'Acme Help', signUpOpen: true } } }),
      MyRequests: () => ({ data: { me: { id: '42', requestedTickets: { edges: [] }, ccTickets: { edges: [] } } } }),
    });
  }

  it('is sent to the help center from admin pages: its own layout, no sidebar, no "+ Add"', async () => {
    const calls = serve();
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/help/requests');
    expect(wrapper.get('h1').text()).toBe('My requests');
    expect(wrapper.find('.shell').exists()).toBe(false);
    expect(wrapper.find('#add-menu-button').exists()).toBe(false);
    expect(callsOf(calls, 'Users')).toHaveLength(0);
    expect(callsOf(calls, 'MyRequests')).toHaveLength(1);

    await router.push('/users/42');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/help/requests');
    // Their own profile stays theirs to edit.
    await router.push('/account/profile');
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('My profile');
    // Their navigation: the profile, and the way back to their requests in the help center; nothing of the desk's.
    expect(wrapper.findAll('nav[aria-label] a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['My profile', '/account/profile'],
      ['My requests', '/help/requests'],
    ]);
  });

  it('edits name, phone, time zone and language, sending only what changed', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/account/profile'));
    expect(wrapper.get('.my-profile__email-value.email-text').text()).toBe('grace@navy.example.org');
    expect(wrapper.findAll('main label').map((label) => label.text())).toEqual(['Name', 'Phone', 'Time zone', 'Language']);
    await byLabel(wrapper, 'Name').setValue('Grace B. Hopper');
    await byLabel(wrapper, 'Phone').setValue('+1 415 555 2671');
    await byLabel(wrapper, 'Language').setValue('');
    await wrapper.get('main form').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UpdateMyProfile').map((call) => call.variables)).toEqual([
      { id: '42', input: { name: 'Grace B. Hopper', phone: '+1 415 555 2671', locale: null } },
    ]);
    expect(wrapper.get('main [role="status"]').text()).toBe('Saved');
    // The top bar follows the new name.
    expect(wrapper.get('[data-viewer-name]').text()).toBe('Grace B. Hopper');
  });

  it('is sent to their full profile when they are staff', async () => {
    stubGraphQL({ User: () => ({ data: { user: makeUser({ id: ADMIN_VIEWER.id, name: ADMIN_VIEWER.name, role: 'ADMIN' }) } }) });
    let router;
    ({ wrapper, router } = await mountApp('/account/profile'));
    expect(router.currentRoute.value.path).toBe(`/users/${ADMIN_VIEWER.id}`);
  });
});
