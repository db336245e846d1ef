import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserAbilitiesFragment, UserProfileFragment, ViewerFragment } from '../../client/src/graphql/generated/graphql';
import {
  ADMIN_ON_END_USER,
  ADMIN_VIEWER,
  AGENT_VIEWER,
  byLabel,
  callsOf,
  makeUser,
  mountApp,
  NOTHING_ON_USER,
  signedInAs,
  stubConfirm,
  stubGraphQL,
  usersPage,
} from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const customer = makeUser({ id: '42', role: 'END_USER' });
const otherAdmin = makeUser({ id: '7', name: 'Robin Root', email: 'robin@acme.example', role: 'ADMIN' });
const otherAgent = makeUser({ id: '8', name: 'Pat Agent', email: 'pat@acme.example', role: 'AGENT' });

function profileOf(viewer: ViewerFragment): UserProfileFragment {
  return makeUser({ id: viewer.id, name: viewer.name, email: viewer.email, role: viewer.role });
}

const EDIT = { update: true, readPrivateFields: true, changeIdentities: true, changeFields: true };
const abilities = (given: Partial<UserAbilitiesFragment>): UserAbilitiesFragment => ({ ...NOTHING_ON_USER, ...given });

/**
 * What the server's User.viewerCan answers for this viewer and account (the
 * rules themselves are tested on the server): the app must follow it.
 */
function seenBy(viewer: ViewerFragment, user: UserProfileFragment): UserAbilitiesFragment {
  const self = user.id === viewer.id;
  if (viewer.role === 'ADMIN') {
    if (self) return abilities({ ...EDIT, changeVerified: true, verifyIdentities: true, makeUnverifiedEmailPrimary: true });
    return { ...ADMIN_ON_END_USER, setPassword: user.role !== 'END_USER' };
  }
  if (self) return abilities({ ...EDIT, makeUnverifiedEmailPrimary: true });
  return user.role === 'END_USER' ? { ...ADMIN_ON_END_USER, changeRole: false, unlock: false } : NOTHING_ON_USER;
}

function serve(viewer: ViewerFragment, everyone: UserProfileFragment[] = [customer, otherAdmin, otherAgent, profileOf(viewer)]) {
  const users = everyone.map((user) => ({ ...user, viewerCan: seenBy(viewer, user) }));
  return stubGraphQL({
    Me: signedInAs(viewer),
    Users: () => usersPage(users),
    User: ({ id }) => ({ data: { user: users.find((user) => user.id === id) ?? null } }),
    UpdateUser: ({ id, input }) => ({
      data: { updateUser: { ...users.find((user) => user.id === id)!, ...(input as Partial<UserProfileFragment>) } },
    }),
    DeleteUser: () => ({ data: { deleteUser: true } }),
  });
}

function navLinks(): string[] {
  return wrapper.findAll('nav a').map((link) => link.text());
}

function saveButton() {
  return wrapper.find('form.profile-form button[type="submit"]');
}

/** An editable profile's save bar (its Save button shows with the first change). */
function saveBar() {
  return wrapper.find('form.profile-form .save-bar');
}

function deleteButton() {
  return wrapper.find('[data-action="delete-user"]');
}

describe('as an agent', () => {
  it('has no API tokens entry in the sidebar', async () => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp('/customers'));
    expect(navLinks()).toEqual(['Tickets', 'Customers', 'Deleted customers', 'Organizations', 'Team']);
    expect(wrapper.find('#add-menu-button').exists()).toBe(true);
  });

  it('sees no Role select on an end user, edits the rest, and may delete them', async () => {
    const calls = serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.find('#profile-role').exists()).toBe(false);
    expect(wrapper.findAll('label').map((label) => label.text())).not.toContain('Role');
    expect(byLabel(wrapper, 'Name').attributes('disabled')).toBeUndefined();
    expect(byLabel(wrapper, 'Suspended').attributes('disabled')).toBeUndefined();
    expect(saveBar().exists()).toBe(true);
    expect(deleteButton().exists()).toBe(true);
    expect(wrapper.find('[data-read-only]').exists()).toBe(false);

    await byLabel(wrapper, 'Alias').setValue('Amazing Grace');
    await saveButton().trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((call) => call.variables.input)).toEqual([{ alias: 'Amazing Grace' }]);
  });

  it.each([
    ['an admin', otherAdmin],
    ['another agent', otherAgent],
  ])('sees the profile of %s read-only: fields disabled, no Save, no Delete', async (_who, user) => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp(`/users/${user.id}`));
    expect(wrapper.get('h1').text()).toBe(user.name);
    for (const label of [
      'Name',
      'Organization',
      'Tags',
      'Time zone',
      'Language',
      'External ID',
      'Alias',
      'Details',
      'Notes',
      'Verified',
      'Suspended',
    ]) {
      expect(byLabel(wrapper, label).attributes('disabled'), label).toBeDefined();
    }
    // The primary email and phone are read-only for everyone (they change in Contacts).
    for (const label of ['Primary email', 'Primary phone']) expect(byLabel(wrapper, label).attributes('readonly'), label).toBeDefined();
    expect(wrapper.find('#profile-role').exists()).toBe(false);
    expect(saveBar().exists()).toBe(false);
    expect(deleteButton().exists()).toBe(false);
    expect(wrapper.get('[data-read-only]').text()).toContain('You can see this profile but not change it');
  });

  it('edits their own profile, but not their suspension or verification, and cannot delete themself', async () => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp(`/users/${AGENT_VIEWER.id}`));
    expect(byLabel(wrapper, 'Name').attributes('disabled')).toBeUndefined();
    expect(byLabel(wrapper, 'Suspended').attributes('disabled')).toBeDefined();
    expect(byLabel(wrapper, 'Verified').attributes('disabled')).toBeDefined();
    expect(wrapper.find('#profile-role').exists()).toBe(false);
    expect(saveBar().exists()).toBe(true);
    expect(deleteButton().exists()).toBe(false);
  });

  it('is told there is no access on the API tokens page, and nothing is asked of the server', async () => {
    const calls = serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    expect(wrapper.get('h1').text()).toBe("You don't have access");
    expect(callsOf(calls, 'ApiTokens')).toHaveLength(0);
    expect(wrapper.get('main').find('form').exists()).toBe(false);
  });

  it('offers no role in the add-customer dialog', async () => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp('/customers'));
    await wrapper.get('#add-menu-button').trigger('click');
    expect(wrapper.findAll('#add-menu-list [role="menuitem"]').map((item) => item.text())).toEqual(['User', 'Ticket']);
    await wrapper.get('#add-menu-list [role="menuitem"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('dialog').find('select').exists()).toBe(false);
    expect(wrapper.get('dialog').text()).not.toContain('Role');
  });
});

describe('as an admin', () => {
  it('has Customers, Organizations, API tokens and UserProfileFragment fields in the sidebar', async () => {
    serve(ADMIN_VIEWER);
    ({ wrapper } = await mountApp('/customers'));
    expect(navLinks()).toEqual([
      'Tickets',
      'Customers',
      'Deleted customers',
      'Organizations',
      'Team',
      'API tokens',
      'User fields',
      'Imports',
      'Outbox',
      'Webhooks',
      'Registration',
    ]);
    expect(wrapper.get('[data-nav="api-tokens"]').attributes('href')).toBe('/settings/api-tokens');
  });

  it('edits everything on another admin, role included, and may delete them', async () => {
    serve(ADMIN_VIEWER);
    ({ wrapper } = await mountApp(`/users/${otherAdmin.id}`));
    const role = byLabel(wrapper, 'Role');
    expect(role.attributes('disabled')).toBeUndefined();
    expect((role.element as HTMLSelectElement).value).toBe('ADMIN');
    expect(byLabel(wrapper, 'Suspended').attributes('disabled')).toBeUndefined();
    expect(saveBar().exists()).toBe(true);
    expect(deleteButton().exists()).toBe(true);
  });

  it('cannot change their own role, suspend or delete themself', async () => {
    serve(ADMIN_VIEWER);
    ({ wrapper } = await mountApp(`/users/${ADMIN_VIEWER.id}`));
    expect(byLabel(wrapper, 'Role').attributes('disabled')).toBeDefined();
    expect(wrapper.get('#profile-role-hint').text()).toBe('You cannot change your own role; another admin can.');
    expect(byLabel(wrapper, 'Suspended').attributes('disabled')).toBeDefined();
    expect(byLabel(wrapper, 'Verified').attributes('disabled')).toBeUndefined();
    expect(byLabel(wrapper, 'Name').attributes('disabled')).toBeUndefined();
    expect(deleteButton().exists()).toBe(false);
  });
});

describe('deleting a user', () => {
  const dialog = () => wrapper.get('form[data-confirm="delete-user"]');

  it('asks in the app’s own dialog what will happen, deletes, and goes back to Customers with a notice', async () => {
    const confirm = stubConfirm(true);
    const calls = serve(ADMIN_VIEWER);
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    expect(deleteButton().text()).toBe('Delete');
    expect(deleteButton().classes()).toContain('button--danger');
    await deleteButton().trigger('click');
    await flushPromises();
    expect(confirm).not.toHaveBeenCalled();
    expect(dialog().get('h2').text()).toBe('Delete Grace Hopper?');
    expect(dialog().text()).toContain('They move to Deleted customers for 30 days.');
    expect(dialog().text()).toContain('They cannot sign in');
    expect(dialog().text()).toContain('Their addresses stay reserved for them');
    expect(dialog().get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    expect(callsOf(calls, 'DeleteUser')).toHaveLength(0);
    await dialog().trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'DeleteUser').map((call) => call.variables)).toEqual([{ id: '42' }]);
    expect(router.currentRoute.value.path).toBe('/customers');
    expect(wrapper.get('[role="status"].notice').text()).toContain('Customer deleted.');
    expect(wrapper.get('[role="status"].notice a').attributes('href')).toBe('/customers/deleted');
  });

  it('says a teammate’s deletion is final', async () => {
    serve(ADMIN_VIEWER);
    ({ wrapper } = await mountApp('/users/8'));
    await deleteButton().trigger('click');
    await flushPromises();
    expect(dialog().text()).toContain('Their email addresses become free');
    expect(dialog().text()).toContain('This cannot be undone.');
  });

  it('does nothing when the dialog is cancelled', async () => {
    const calls = serve(ADMIN_VIEWER);
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    await deleteButton().trigger('click');
    await flushPromises();
    const cancel = dialog()
      .findAll('button')
      .find((b) => b.text() === 'Cancel')!;
    await cancel.trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'DeleteUser')).toHaveLength(0);
    expect(router.currentRoute.value.path).toBe('/users/42');
  });
});

describe('setting a password', () => {
  it('is offered to admins on agents and admins, not on end users or themselves', async () => {
    stubGraphQL({
      Me: signedInAs(ADMIN_VIEWER),
      User: ({ id }) => {
        const user = [customer, otherAdmin, otherAgent, profileOf(ADMIN_VIEWER)].find((u) => u.id === id);
        return { data: { user: user ? { ...user, viewerCan: seenBy(ADMIN_VIEWER, user) } : null } };
      },
      SetUserPassword: () => ({ data: { setUserPassword: true } }),
    });
    let router;
    ({ wrapper, router } = await mountApp(`/users/${otherAgent.id}`));
    expect(wrapper.find('#set-password-title').exists()).toBe(true);
    await byLabel(wrapper, 'New password').setValue('short');
    await wrapper.get('.set-password').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#set-password-input-error').text()).toBe('Use at least 12 characters.');
    await byLabel(wrapper, 'New password').setValue('agent password 123');
    await wrapper.get('.set-password').trigger('submit');
    await flushPromises();
    expect(wrapper.get('.set-password [role="status"]').text()).toBe('Password set. Pat Agent can sign in with it now.');

    for (const id of [customer.id, ADMIN_VIEWER.id]) {
      await router.push(`/users/${id}`);
      await flushPromises();
      expect(wrapper.find('#set-password-title').exists(), id).toBe(false);
    }
  });

  it('is not offered to agents', async () => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp(`/users/${otherAgent.id}`));
    expect(wrapper.find('#set-password-title').exists()).toBe(false);
  });
});

describe('lifting sign-in locks', () => {
  it('is offered where the server allows it; unlocking calls unlockUser and shows the new history line', async () => {
    const calls = stubGraphQL({
      Me: signedInAs(ADMIN_VIEWER),
      User: ({ id }) => {
        const user = [customer, otherAgent].find((u) => u.id === id)!;
        return { data: { user: { ...user, viewerCan: seenBy(ADMIN_VIEWER, user) } } };
      },
      UnlockUser: () => ({ data: { unlockUser: true } }),
    });
    ({ wrapper } = await mountApp(`/users/${otherAgent.id}`));
    expect(wrapper.get('#unlock-title').text()).toBe('Sign-in locks');
    const historyReads = callsOf(calls, 'UserEvents').length;
    await wrapper.get('.unlock').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UnlockUser').map((call) => call.variables)).toEqual([{ id: otherAgent.id }]);
    expect(callsOf(calls, 'UserEvents').length).toBeGreaterThan(historyReads);
    expect(wrapper.get('.unlock [role="status"]').text()).toBe('Sign-in unlocked. Pat Agent can try again now.');
  });

  it('is not offered when the server says no (an agent on an end user)', async () => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp(`/users/${customer.id}`));
    expect(wrapper.get('h1').text()).toBe(customer.name);
    expect(wrapper.find('#unlock-title').exists()).toBe(false);
  });
});
