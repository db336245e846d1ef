import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamMemberFragment, TeamQuery, UpdateUserInput, UserProfileFragment, ViewerFragment } from '../../client/src/graphql/generated/graphql';
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
  type Answer,
  type Handlers,
} from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const member = (overrides: Partial<TeamMemberFragment>): TeamMemberFragment => ({
  id: '1',
  name: 'Sam Agent',
  email: 'sam@acme.example',
  role: 'AGENT',
  suspended: false,
  lastSignInAt: '2025-03-04T09:30:00.000Z',
  invitedAt: null,
  ...overrides,
});
const SAM = member({});
const NEW = member({
  id: '2',
  name: 'Nina New',
  email: 'nina@acme.example',
  role: 'ADMIN',
  lastSignInAt: null,
  invitedAt: '2025-03-05T10:00:00.000Z',
});

function teamPage(members: TeamMemberFragment[]): Answer<TeamQuery> {
  return {
    data: {
      users: {
        totalCount: members.length,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: members.map((node) => ({ cursor: `c-${node.id}`, node })),
      },
    },
  };
}

function serve(viewer: ViewerFragment = ADMIN_VIEWER, more: Handlers = {}) {
  let members = [SAM, NEW];
  return stubGraphQL({
    Me: signedInAs(viewer),
    Team: () => teamPage(members),
    ResendInvitation: ({ userId }) => ({ data: { resendInvitation: members.find((m) => m.id === userId)! } }),
    RevokeInvitation: ({ userId }) => {
      members = members.filter((m) => m.id !== userId);
      return { data: { revokeInvitation: true } };
    },
    ...more,
  });
}

const rows = () => wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));

describe('the Team page', () => {
  it('lists agents and admins with their role and last sign-in; pending invitations say Invited', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/team'));
    expect(wrapper.get('h1').text()).toBe('Team');
    expect(wrapper.get('[data-nav="team"]').attributes('aria-current')).toBe('page');
    expect(callsOf(calls, 'Team')[0]!.variables).toEqual({ first: 25, after: null, query: null });
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Name', 'Role', 'Last sign-in', 'Actions']);
    const [sam, nina] = rows();
    expect(sam![0]).toContain('Sam Agent');
    expect(sam![1]).toBe('Agent');
    expect(sam![2]).toBe('Mar 4, 2025, 9:30 AM');
    expect(nina![0]).toContain('Invited');
    expect(nina!.slice(1, 3)).toEqual(['Admin', 'Never']);
    // Only a pending invitation has actions.
    expect(wrapper.find('[data-resend="1"]').exists()).toBe(false);
    expect(wrapper.find('[data-resend="2"]').exists()).toBe(true);
  });

  it('resends an invitation, and revokes one after naming what happens', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/team'));
    await wrapper.get('[data-resend="2"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'ResendInvitation').map((c) => c.variables)).toEqual([{ userId: '2' }]);
    expect(wrapper.get('[data-done]').text()).toContain('A new invitation is on its way to nina@acme.example');

    await wrapper.get('[data-revoke="2"]').trigger('click');
    await flushPromises();
    const dialog = wrapper.get('form[data-confirm="revoke-invitation"]');
    expect(dialog.get('h2').text()).toBe('Revoke the invitation of Nina New?');
    expect(dialog.text()).toContain('Their pending account is deleted and the link in their mail stops working.');
    expect(dialog.get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    expect(callsOf(calls, 'RevokeInvitation')).toHaveLength(0);
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'RevokeInvitation').map((c) => c.variables)).toEqual([{ userId: '2' }]);
    expect(wrapper.get('[data-done]').text()).toBe('The invitation of Nina New was revoked.');
    expect(rows()).toHaveLength(1);
  });

  it('shows agents the team without Invite, Resend or Revoke', async () => {
    serve(AGENT_VIEWER);
    ({ wrapper } = await mountApp('/team'));
    expect(rows()).toHaveLength(2);
    expect(wrapper.find('[data-invite]').exists()).toBe(false);
    expect(wrapper.find('[data-resend="2"]').exists()).toBe(false);
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Name', 'Role', 'Last sign-in']);
  });

  it('reads in French', async () => {
    serve();
    ({ wrapper } = await mountApp('/team', 'fr'));
    expect(wrapper.get('h1').text()).toBe('Équipe');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Nom', 'Rôle', 'Dernière connexion', 'Actions']);
    expect(rows()[1]![2]).toBe('Jamais');
    expect(wrapper.get('[data-invite]').text()).toBe('Inviter un coéquipier');
  });
});

describe('the invite dialog', () => {
  const open = async () => {
    await wrapper.get('[data-invite]').trigger('click');
    await flushPromises();
    return wrapper.get('form[data-invite-form]');
  };

  it('asks for a name and an email, then invites with the role chosen', async () => {
    const calls = serve(ADMIN_VIEWER, {
      InviteTeamMember: ({ input }) => ({
        data: { inviteTeamMember: member({ id: '3', name: input.name, email: input.email, role: input.role, invitedAt: '2025-03-06T00:00:00Z' }) },
      }),
    });
    ({ wrapper } = await mountApp('/team'));
    const form = await open();
    expect(form.get('h2').text()).toBe('Invite a teammate');
    await form.trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Name')).toBe('Enter their name.');
    expect(errorNextTo(wrapper, 'Email')).toBe('Enter their email address.');
    expect(callsOf(calls, 'InviteTeamMember')).toHaveLength(0);
    await byLabel(wrapper, 'Name').setValue('Olga Ops');
    await byLabel(wrapper, 'Email').setValue('olga@acme.example');
    await byLabel(wrapper, 'Role').setValue('ADMIN');
    await form.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'InviteTeamMember').map((c) => c.variables)).toEqual([
      { input: { name: 'Olga Ops', email: 'olga@acme.example', role: 'ADMIN' } },
    ]);
    expect(wrapper.get('[data-done]').text()).toContain('Invitation sent to olga@acme.example');
    expect(callsOf(calls, 'Team').length).toBeGreaterThanOrEqual(2);
  });

  it("shows the server's refusals next to the field; a customer's address offers their profile", async () => {
    let answer: Answer = graphQLError('someone@example.invalid is a reserved address that never receives mail.', {
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
    serve(ADMIN_VIEWER, { InviteTeamMember: () => answer as never });
    ({ wrapper } = await mountApp('/team'));
    const form = await open();
    await byLabel(wrapper, 'Name').setValue('Place Holder');
    await byLabel(wrapper, 'Email').setValue('someone@example.invalid');
    await form.trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Email')).toContain('reserved address');
    expect(wrapper.find('[data-customer-taken]').exists()).toBe(false);

    answer = graphQLError('This email address is already used by Grace Hopper.', {
      code: 'EMAIL_TAKEN',
      field: 'email',
      existingUserId: '42',
      existingUserName: 'Grace Hopper',
      existingUserRole: 'END_USER',
    });
    await byLabel(wrapper, 'Email').setValue('grace@navy.mil');
    await form.trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Email')).toContain('Grace Hopper');
    const offer = wrapper.get('[data-customer-taken]');
    expect(offer.text()).toContain('change their role on their profile');
    expect(offer.get('a').attributes('href')).toBe('/users/42');
  });
});

describe('changing a role to agent or admin', () => {
  function serveProfile(user: UserProfileFragment) {
    let current = user;
    return stubGraphQL({
      User: () => ({ data: { user: current } }),
      UpdateUser: ({ input }) => {
        current = { ...current, ...(input as UpdateUserInput as Partial<UserProfileFragment>) };
        return { data: { updateUser: current } };
      },
    });
  }
  const save = async () => {
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
  };

  it('asks first, naming what will happen; Cancel saves nothing', async () => {
    const calls = serveProfile(makeUser());
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Role').setValue('ADMIN');
    await save();
    const dialog = wrapper.get('form[data-confirm="confirm-role-change"]');
    expect(dialog.get('h2').text()).toBe('Make Grace Hopper an admin?');
    expect(dialog.text()).toContain('they also manage the team, roles, settings');
    expect(dialog.text()).toContain('They leave the Customers list and appear on the Team page.');
    // Not a destructive action: the primary button, not the danger one.
    expect(dialog.get('button[type="submit"]').classes()).toEqual(['button', 'button--primary']);
    expect(callsOf(calls, 'UpdateUser')).toHaveLength(0);
    await dialog
      .findAll('button')
      .find((b) => b.text() === 'Cancel')!
      .trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser')).toHaveLength(0);

    await save();
    await wrapper.get('form[data-confirm="confirm-role-change"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((c) => c.variables.input)).toEqual([{ role: 'ADMIN' }]);
  });

  it('an admin made an agent: the dialog says what they lose', async () => {
    const calls = serveProfile(makeUser({ role: 'ADMIN' }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Role').setValue('AGENT');
    await save();
    const dialog = wrapper.get('form[data-confirm="confirm-role-change"]');
    expect(dialog.get('h2').text()).toBe('Make Grace Hopper an agent?');
    expect(dialog.text()).toContain('They no longer manage the team');
    expect(dialog.text()).not.toContain('They leave the Customers list');
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((c) => c.variables.input)).toEqual([{ role: 'AGENT' }]);
  });

  it('saves other changes, and a role back to end user, without asking', async () => {
    const calls = serveProfile(makeUser({ role: 'AGENT' }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Role').setValue('END_USER');
    await save();
    expect(wrapper.find('dialog[open] form[data-confirm="confirm-role-change"]').exists()).toBe(false);
    expect(callsOf(calls, 'UpdateUser').map((c) => c.variables.input)).toEqual([{ role: 'END_USER' }]);
  });
});

describe('the role filter of the Customers page', () => {
  it('lists end users by default; agents, admins or everyone when asked, kept in the address', async () => {
    const calls = stubGraphQL({ Users: () => usersPage([makeUser()]) });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    const lastFilter = () => callsOf(calls, 'Users').at(-1)!.variables.filter;
    expect(lastFilter()).toEqual({ roles: ['END_USER'] });
    const select = byLabel(wrapper, 'Role');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['End users', 'Agents', 'Admins', 'Everyone']);
    await select.setValue('AGENT');
    await flushPromises();
    expect(lastFilter()).toEqual({ roles: ['AGENT'] });
    await select.setValue('ALL');
    await flushPromises();
    expect(lastFilter()).toBeUndefined();
    expect(router.currentRoute.value.query.role).toBe('ALL');
    wrapper.unmount();
    ({ wrapper } = await mountApp('/customers?role=ADMIN'));
    expect(lastFilter()).toEqual({ roles: ['ADMIN'] });
    expect((byLabel(wrapper, 'Role').element as HTMLSelectElement).value).toBe('ADMIN');
  });
});

describe('a forgotten password', () => {
  it('is asked for from the sign-in page; the answer never says whether the address has an account', async () => {
    const calls = stubGraphQL({ Me: signedInAs(null), RequestPasswordReset: () => ({ data: { requestPasswordReset: true } }) });
    let router;
    ({ wrapper, router } = await mountApp('/sign-in'));
    await wrapper.get('[data-forgot-password]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/forgot-password');
    expect(wrapper.get('h1').text()).toBe('Forgot your password?');
    const form = wrapper.get('form');
    await form.trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Email')).toBe('Enter your email address.');
    await byLabel(wrapper, 'Email').setValue('  sam@acme.example ');
    await form.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'RequestPasswordReset').map((c) => c.variables)).toEqual([{ email: 'sam@acme.example' }]);
    expect(wrapper.get('[data-sent]').text()).toContain('If this address can sign in');
  });

  it('says when to try again after too many requests', async () => {
    stubGraphQL({
      Me: signedInAs(null),
      RequestPasswordReset: () => graphQLError('Too many requests.', { code: 'RATE_LIMITED', retryAfterSeconds: 300 }) as never,
    });
    ({ wrapper } = await mountApp('/forgot-password', 'fr'));
    expect(wrapper.get('h1').text()).toBe('Mot de passe oublié\u202f?');
    await byLabel(wrapper, 'E-mail').setValue('sam@acme.example');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-sent]').exists()).toBe(false);
    expect(wrapper.text()).toContain('5');
  });
});

describe("the admin app's link pages", () => {
  function serveLink(state: 'VALID' | 'EXPIRED' | 'USED' | 'INVALID', purpose: 'INVITE' | 'RESET' | null, more: Handlers = {}) {
    let session: ViewerFragment | null = null;
    return stubGraphQL({
      Me: (v) => signedInAs(session)(v),
      AccountLink: () => ({ data: { accountLink: { state, purpose } } }),
      UseAccountLink: ({ password }) => {
        if (password.length < 12)
          return graphQLError('A password needs at least 12 characters.', { code: 'BAD_USER_INPUT', field: 'password' }) as never;
        session = { id: '7', name: 'Nina New', email: 'nina@acme.example', role: 'ADMIN' };
        return { data: { useAccountLink: session } };
      },
      RenewAccountLink: () => ({ data: { renewAccountLink: true } }),
      Users: () => usersPage([makeUser()]),
      ...more,
    });
  }

  it('an invitation: the person chooses a password (refused ones say why) and lands signed in', async () => {
    const calls = serveLink('VALID', 'INVITE');
    let router;
    ({ wrapper, router } = await mountApp('/invitation/7.INVITE.99.sig'));
    expect(wrapper.get('h1').text()).toBe('Join the team');
    expect(wrapper.find('.shell').exists()).toBe(false);
    await byLabel(wrapper, 'Password').setValue('short');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Password')).toBe('A password needs at least 12 characters.');
    await byLabel(wrapper, 'Password').setValue('a long enough passphrase 42');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'UseAccountLink').at(-1)!.variables).toEqual({ token: '7.INVITE.99.sig', password: 'a long enough passphrase 42' });
    expect(router.currentRoute.value.path).toBe('/customers');
  });

  it('a reset link says so; an expired one offers a new link', async () => {
    serveLink('VALID', 'RESET');
    ({ wrapper } = await mountApp('/reset-password/9.RESET.99.sig'));
    expect(wrapper.get('h1').text()).toBe('Choose a new password');
    expect(wrapper.text()).toContain('You are signed out everywhere else.');
    wrapper.unmount();

    const calls = serveLink('EXPIRED', 'INVITE');
    ({ wrapper } = await mountApp('/invitation/7.INVITE.1.sig'));
    expect(wrapper.get('[data-link-state]').text()).toContain('This link has expired.');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Send me a new link')!
      .trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'RenewAccountLink')).toHaveLength(1);
    expect(wrapper.get('[data-renewed]').text()).toContain('a new one is on its way');
  });
});
