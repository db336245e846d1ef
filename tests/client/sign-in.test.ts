import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeNext } from '../../client/src/auth/next';
import type { ViewerFragment } from '../../client/src/graphql/generated/graphql';
import {
  ADMIN_VIEWER,
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

const BAD_CREDENTIALS = graphQLError('Email or password is incorrect.', { code: 'UNAUTHENTICATED' });

/** Nobody signed in; SignIn answers `signIn`. */
/** A server whose `me` is nobody until a sign-in succeeds, then the person signed in. */
function serve(signIn: Handler<'SignIn'>) {
  let session: ViewerFragment | null = null;
  return stubGraphQL({
    Me: (variables) => signedInAs(session)(variables),
    SignIn: async (variables) => {
      const answer = await signIn(variables);
      session = answer.data?.signIn ?? session;
      return answer;
    },
    Users: () => usersPage([makeUser()]),
    User: ({ id }) => ({ data: { user: makeUser({ id: String(id) }) } }),
  });
}

async function signIn(email: string, password: string): Promise<void> {
  await byLabel(wrapper, 'Email').setValue(email);
  await byLabel(wrapper, 'Password').setValue(password);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

function shownError(): string {
  return wrapper.find('[role="alert"]').exists() ? wrapper.get('[role="alert"]').text() : '';
}

describe('route guard', () => {
  it('sends someone not signed in to /sign-in, keeping where they were going', async () => {
    const calls = serve(() => BAD_CREDENTIALS);
    let router;
    ({ wrapper, router } = await mountApp('/users/42?tab=history'));
    expect(router.currentRoute.value.path).toBe('/sign-in');
    expect(router.currentRoute.value.query.next).toBe('/users/42?tab=history');
    expect(callsOf(calls, 'Me')).toHaveLength(1);
    expect(callsOf(calls, 'User')).toHaveLength(0);
  });

  it('asks who is signed in once, not on every navigation', async () => {
    const calls = stubGraphQL({ Users: () => usersPage([makeUser()]), User: () => ({ data: { user: makeUser() } }) });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    await router.push('/users/42');
    await flushPromises();
    expect(callsOf(calls, 'Me')).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/users/42');
  });

  it('goes to sign-in when an answer says UNAUTHENTICATED (the session ended)', async () => {
    stubGraphQL({
      Users: () => usersPage([makeUser()]),
      User: () => graphQLError('Sign in first.', { code: 'UNAUTHENTICATED' }),
    });
    let router;
    ({ wrapper, router } = await mountApp('/customers'));
    await router.push('/users/42');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/sign-in');
    expect(router.currentRoute.value.query.next).toBe('/users/42');
    expect(wrapper.find('.shell').exists()).toBe(false);
  });

  it('sends someone already signed in from /sign-in to where they were going', async () => {
    stubGraphQL({ User: () => ({ data: { user: makeUser() } }) });
    let router;
    ({ wrapper, router } = await mountApp('/sign-in?next=/users/42'));
    expect(router.currentRoute.value.path).toBe('/users/42');
  });

  it('only follows ?next= within the app', () => {
    expect(safeNext('/users/7?x=1')).toBe('/users/7?x=1');
    expect(safeNext(undefined)).toBe('/customers');
    expect(safeNext('https://evil.example')).toBe('/customers');
    expect(safeNext('//evil.example/x')).toBe('/customers');
    expect(safeNext('/\\evil.example')).toBe('/customers');
    expect(safeNext('/sign-in?next=/x')).toBe('/customers');
    expect(safeNext(['/users/1', '/users/2'])).toBe('/users/1');
  });
});

describe('sign-in page', () => {
  it('has labelled Email and Password fields for password managers, and no sidebar or top bar', async () => {
    serve(() => BAD_CREDENTIALS);
    ({ wrapper } = await mountApp('/sign-in'));
    const email = byLabel(wrapper, 'Email');
    const password = byLabel(wrapper, 'Password');
    expect(email.attributes('autocomplete')).toBe('username');
    expect(password.attributes('type')).toBe('password');
    expect(password.attributes('autocomplete')).toBe('current-password');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Sign in');
    expect(wrapper.get('h1').text()).toBe('Sign in');
    expect(wrapper.text()).toContain('Accueil');
    expect(wrapper.find('.shell').exists()).toBe(false);
    expect(wrapper.find('nav').exists()).toBe(false);
    expect(wrapper.find('#add-menu-button').exists()).toBe(false);
  });

  it('signs in and goes to the page first asked for', async () => {
    const calls = serve(() => ({ data: { signIn: ADMIN_VIEWER } }));
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    expect(router.currentRoute.value.fullPath).toBe('/sign-in?next=/users/42');
    await signIn(' alex@acme.example ', 'correct horse battery');
    expect(callsOf(calls, 'SignIn').map((call) => call.variables)).toEqual([{ email: 'alex@acme.example', password: 'correct horse battery' }]);
    expect(callsOf(calls, 'SignIn')[0]!.headers['x-accueil-client']).toBeUndefined();
    // The session cookie goes with every request.
    const fetchStub = globalThis.fetch as unknown as ReturnType<typeof vi.fn>;
    for (const [, init] of fetchStub.mock.calls) expect((init as RequestInit).credentials).toBe('same-origin');
    // Who signed in and what they may do are asked again: the app follows the server's answer.
    const names = calls.map((call) => call.operationName);
    expect(names.slice(names.indexOf('SignIn'), names.indexOf('SignIn') + 2)).toEqual(['SignIn', 'Me']);
    expect(router.currentRoute.value.path).toBe('/users/42');
    expect(wrapper.get('[data-viewer-name]').text()).toBe('Alex Admin');
  });

  it('goes to Customers when nothing was asked for', async () => {
    serve(() => ({ data: { signIn: ADMIN_VIEWER } }));
    let router;
    ({ wrapper, router } = await mountApp('/'));
    expect(router.currentRoute.value.fullPath).toBe('/sign-in');
    await signIn('alex@acme.example', 'correct horse battery');
    expect(router.currentRoute.value.path).toBe('/customers');
    expect(wrapper.get('h1').text()).toBe('Customers');
  });

  it('shows one message for every failure, above the form, and clears the password', async () => {
    serve(() => BAD_CREDENTIALS);
    let router;
    ({ wrapper, router } = await mountApp('/sign-in'));
    await signIn('alex@acme.example', 'wrong');
    expect(shownError()).toBe('Email or password is incorrect.');
    expect(router.currentRoute.value.path).toBe('/sign-in');
    expect((byLabel(wrapper, 'Email').element as HTMLInputElement).value).toBe('alex@acme.example');
    expect((byLabel(wrapper, 'Password').element as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Password').element);
    // The error sits above the form.
    const alert = wrapper.get('[role="alert"]').element;
    const form = wrapper.get('form').element;
    expect(alert.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says how long to wait when the account is locked', async () => {
    serve(() => graphQLError('Too many failed sign-ins.', { code: 'UNAUTHENTICATED', reason: 'LOCKED', retryAfterSeconds: 540 }));
    ({ wrapper } = await mountApp('/sign-in'));
    await signIn('alex@acme.example', 'wrong again');
    expect(shownError()).toBe('Too many attempts. Try again in 9 minutes.');
  });

  it('says how long to wait when rate limited, in French too', async () => {
    serve(() => graphQLError('Too many sign-in attempts.', { code: 'RATE_LIMITED', retryAfterSeconds: 30 }));
    ({ wrapper } = await mountApp('/sign-in', 'fr'));
    await byLabel(wrapper, 'E-mail').setValue('alex@acme.example');
    await byLabel(wrapper, 'Mot de passe').setValue('whatever');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(shownError()).toBe('Trop de tentatives. Réessayez dans 1 minute.');
  });

  it('does not send an empty form', async () => {
    const calls = serve(() => BAD_CREDENTIALS);
    ({ wrapper } = await mountApp('/sign-in'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'SignIn')).toHaveLength(0);
    expect(errorNextTo(wrapper, 'Email')).toBe('Enter your email address.');
    expect(errorNextTo(wrapper, 'Password')).toBe('Enter your password.');
  });

  it('does not treat a failed sign-in as a lapsed session', async () => {
    serve(() => BAD_CREDENTIALS);
    let router;
    ({ wrapper, router } = await mountApp('/sign-in?next=/users/42'));
    await signIn('alex@acme.example', 'wrong');
    expect(router.currentRoute.value.fullPath).toBe('/sign-in?next=/users/42');
  });
});
