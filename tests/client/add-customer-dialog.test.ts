import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { useAddCustomerDialog } from '../../client/src/users/add-customer-dialog';
import type { UserWarningCode } from '../../client/src/graphql/generated/graphql';
import { byLabel, callsOf, errorNextTo, graphQLError, makeUser, mountApp, stubGraphQL, usersPage, type Handler, type GraphQLCall } from './helpers';

let wrapper: VueWrapper;
let calls: GraphQLCall[];
let createUser: Mock<Handler<'CreateUser'>>;

function dialog() {
  return wrapper.get('dialog');
}

async function openFromAddMenu(): Promise<void> {
  await wrapper.get('#add-menu-button').trigger('click');
  await wrapper.get('[role="menuitem"]').trigger('click');
  await flushPromises();
}

async function fill(name: string, email: string): Promise<void> {
  await byLabel(wrapper, 'Name').setValue(name);
  await byLabel(wrapper, 'Email').setValue(email);
}

async function clickAdd(): Promise<void> {
  await dialog().get('button[type="submit"]').trigger('click');
  await flushPromises();
}

beforeEach(async () => {
  createUser = vi.fn<Handler<'CreateUser'>>();
  const created = makeUser({ id: '77', name: 'Ada Lovelace', email: 'ada@example.com' });
  calls = stubGraphQL({
    Users: () => usersPage([makeUser()]),
    User: ({ id }) => ({ data: { user: id === '77' ? created : makeUser({ id: String(id) }) } }),
    CreateUser: (variables) => createUser(variables),
  });
  ({ wrapper } = await mountApp('/customers'));
});

afterEach(() => {
  useAddCustomerDialog().close();
  wrapper.unmount();
  vi.unstubAllGlobals();
});

describe('add-customer dialog: opening and keyboard', () => {
  it('opens from the "+ Add" menu\'s User item with focus in Name', async () => {
    expect(dialog().attributes('open')).toBeUndefined();
    const menuButton = wrapper.get('#add-menu-button');
    expect(menuButton.text()).toBe('+ Add');
    expect(menuButton.attributes('aria-haspopup')).toBe('menu');
    await menuButton.trigger('click');
    const item = wrapper.get('[role="menuitem"]');
    expect(item.text()).toBe('User');
    await item.trigger('click');
    await flushPromises();

    expect(dialog().attributes('open')).toBeDefined();
    expect(document.activeElement).toBe(byLabel(wrapper, 'Name').element);
    expect(dialog().attributes('aria-labelledby')).toBe('add-customer-title');
    expect(wrapper.get('#add-customer-title').text()).toBe('Add customer');
  });

  it('opens from the Customers page button too', async () => {
    const button = wrapper.findAll('button').find((b) => b.text() === 'Add customer');
    await button!.trigger('click');
    await flushPromises();
    expect(dialog().attributes('open')).toBeDefined();
    expect(document.activeElement).toBe(byLabel(wrapper, 'Name').element);
  });

  it('labels Name and Email with real <label for> and shows the email hint', async () => {
    await openFromAddMenu();
    expect(byLabel(wrapper, 'Name').element.tagName).toBe('INPUT');
    expect(byLabel(wrapper, 'Email').element.tagName).toBe('INPUT');
    const hint = wrapper.get('#add-customer-email-hint').text();
    expect(hint).toContain('Never make one up');
    expect(hint).toContain('name@example.invalid');
    expect(byLabel(wrapper, 'Email').attributes('aria-describedby')).toContain('add-customer-email-hint');
  });

  it('closes on Escape pressed in a field', async () => {
    await openFromAddMenu();
    await byLabel(wrapper, 'Name').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(dialog().attributes('open')).toBeUndefined();
  });

  it("closes on the browser's cancel request (Escape in a real browser)", async () => {
    await openFromAddMenu();
    const cancel = new Event('cancel', { cancelable: true });
    dialog().element.dispatchEvent(cancel);
    await flushPromises();
    expect(cancel.defaultPrevented).toBe(true);
    expect(dialog().attributes('open')).toBeUndefined();
  });

  it('closes with Cancel and starts empty when opened again', async () => {
    await openFromAddMenu();
    await fill('Someone', 'someone@example.com');
    await wrapper
      .findAll('dialog button')
      .find((b) => b.text() === 'Cancel')!
      .trigger('click');
    await flushPromises();
    expect(dialog().attributes('open')).toBeUndefined();
    await openFromAddMenu();
    expect((byLabel(wrapper, 'Name').element as HTMLInputElement).value).toBe('');
    expect((byLabel(wrapper, 'Email').element as HTMLInputElement).value).toBe('');
  });

  it('submits when Enter is pressed in a field', async () => {
    createUser.mockReturnValue({
      data: { createUser: { user: makeUser({ id: '77' }), warnings: [] } },
    });
    await openFromAddMenu();
    await fill('Ada Lovelace', 'ada@example.com');
    await byLabel(wrapper, 'Email').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(createUser).toHaveBeenCalledTimes(1);
    expect(createUser).toHaveBeenCalledWith({ input: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  });
});

describe('add-customer dialog: validation and server errors', () => {
  it('does not send while Name or Email is empty, and says which', async () => {
    await openFromAddMenu();
    await clickAdd();
    expect(createUser).not.toHaveBeenCalled();
    expect(errorNextTo(wrapper, 'Name')).toBe('Enter a name.');
    expect(errorNextTo(wrapper, 'Email')).toBe('Enter an email address.');
    expect(byLabel(wrapper, 'Name').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Name').element);

    await byLabel(wrapper, 'Name').setValue('Ada');
    await clickAdd();
    expect(createUser).not.toHaveBeenCalled();
    expect(errorNextTo(wrapper, 'Name')).toBe('');
    expect(errorNextTo(wrapper, 'Email')).toBe('Enter an email address.');
  });

  it('sends the email as typed: the server judges it', async () => {
    createUser.mockReturnValue(graphQLError('Enter an address like name@example.com', { code: 'BAD_USER_INPUT', field: 'email' }));
    await openFromAddMenu();
    await fill('Ada', ' not an address ');
    await clickAdd();
    expect(createUser).toHaveBeenCalledWith({ input: { name: 'Ada', email: ' not an address ' } });
  });

  it('shows BAD_USER_INPUT on email next to Email, and focuses it', async () => {
    createUser.mockReturnValue(graphQLError('This address has a line break in it.', { code: 'BAD_USER_INPUT', field: 'email' }));
    await openFromAddMenu();
    await fill('Ada', 'ada@exa mple.com');
    await clickAdd();
    expect(errorNextTo(wrapper, 'Email')).toBe('This address has a line break in it.');
    expect(errorNextTo(wrapper, 'Name')).toBe('');
    expect(byLabel(wrapper, 'Email').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Email').element);
    expect(dialog().attributes('open')).toBeDefined();
  });

  it('shows BAD_USER_INPUT on name next to Name', async () => {
    createUser.mockReturnValue(graphQLError('A name is at most 255 characters.', { code: 'BAD_USER_INPUT', field: 'name' }));
    await openFromAddMenu();
    await fill('A'.repeat(300), 'ada@example.com');
    await clickAdd();
    expect(errorNextTo(wrapper, 'Name')).toBe('A name is at most 255 characters.');
    expect(errorNextTo(wrapper, 'Email')).toBe('');
  });

  it('clears a field error once that field is edited', async () => {
    createUser.mockReturnValue(graphQLError('Not an address.', { code: 'BAD_USER_INPUT', field: 'email' }));
    await openFromAddMenu();
    await fill('Ada', 'nope');
    await clickAdd();
    expect(errorNextTo(wrapper, 'Email')).toBe('Not an address.');
    await byLabel(wrapper, 'Email').setValue('ada@example.com');
    expect(errorNextTo(wrapper, 'Email')).toBe('');
  });

  it('on EMAIL_TAKEN says "already used by NAME" with a link to that user', async () => {
    createUser.mockReturnValue(
      graphQLError('This email address is already in use.', {
        code: 'EMAIL_TAKEN',
        field: 'email',
        existingUserId: '12',
        existingUserName: 'Ada Lovelace',
      }),
    );
    await openFromAddMenu();
    await fill('Ada L.', 'ADA@example.com');
    await clickAdd();
    expect(errorNextTo(wrapper, 'Email')).toBe('This address is already used by Ada Lovelace.');
    const link = wrapper.get('#add-customer-email-error a');
    expect(link.text()).toBe('Ada Lovelace');
    expect(link.attributes('href')).toBe('/users/12');
  });

  it('shows every problem the server lists (extensions.errors) next to its field, and focuses the first', async () => {
    createUser.mockReturnValue(
      graphQLError('A name is at most 255 characters.', {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        errors: [
          { field: 'input.name', code: 'BAD_USER_INPUT', message: 'A name is at most 255 characters.' },
          { field: 'input.email', code: 'BAD_USER_INPUT', message: 'This address has a space in it.' },
        ],
      }),
    );
    await openFromAddMenu();
    await fill('A'.repeat(300), 'ada @example.com');
    await clickAdd();
    expect(errorNextTo(wrapper, 'Name')).toBe('A name is at most 255 characters.');
    expect(errorNextTo(wrapper, 'Email')).toBe('This address has a space in it.');
    // Nothing left over as a general notice: the only alert is the summary of both fields.
    expect(
      dialog()
        .findAll('[role="alert"]')
        .map((alert) => alert.classes()),
    ).toEqual([['error-summary']]);
    expect(dialog().get('.error-summary').text()).toContain('2 fields need attention');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Name').element);
  });

  it('shows an error without a field above the form', async () => {
    createUser.mockReturnValue(graphQLError('boom', { code: 'INTERNAL_SERVER_ERROR' }));
    await openFromAddMenu();
    await fill('Ada', 'ada@example.com');
    await clickAdd();
    expect(dialog().get('[role="alert"]').text()).toBe('Something went wrong on our side. Please try again.');
  });

  it('says so when the server cannot be reached', async () => {
    await openFromAddMenu();
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await fill('Ada', 'ada@example.com');
    await clickAdd();
    expect(dialog().get('[role="alert"]').text()).toContain('The server could not be reached');
  });
});

describe('add-customer dialog: success', () => {
  it('opens the new profile and shows the reserved-domain warning there', async () => {
    const user = makeUser({
      id: '77',
      name: 'Ada Lovelace',
      email: 'ada@example.invalid',
      identities: [
        {
          id: '5',
          type: 'EMAIL',
          value: 'ada@example.invalid',
          displayValue: 'ada@example.invalid',
          primary: true,
          verified: false,
          deliverability: 'UNDELIVERABLE_RESERVED',
          shared: false,
          sharedWith: [],
          createdAt: '2025-01-02T10:00:00.000Z',
        },
      ],
    });
    createUser.mockReturnValue({
      data: {
        createUser: {
          user,
          warnings: [
            {
              code: 'UNDELIVERABLE_RESERVED',
              field: 'email',
              message: 'example.invalid is a reserved domain; nothing will be sent.',
            },
          ],
        },
      },
    });
    stubGraphQL({
      Users: () => usersPage([]),
      User: () => ({ data: { user } }),
      CreateUser: (variables) => createUser(variables),
    });

    await openFromAddMenu();
    await fill('Ada Lovelace', 'ada@example.invalid');
    await clickAdd();
    await flushPromises();

    expect(wrapper.vm.$route.fullPath).toBe('/users/77');
    expect(dialog().attributes('open')).toBeUndefined();
    expect(wrapper.get('h1').text()).toBe('Ada Lovelace');
    expect(wrapper.text()).toContain('Customer added.');
    expect(wrapper.get('[data-warning="UNDELIVERABLE_RESERVED"]').text()).toBe(
      'This address uses a reserved domain: it is kept on the profile but never mailed.',
    );
    expect(wrapper.get('[data-deliverability="UNDELIVERABLE_RESERVED"]').text()).toBe('Never mailed');
  });

  it("falls back to the server's message for a warning it does not know", async () => {
    createUser.mockReturnValue({
      data: {
        createUser: {
          user: makeUser({ id: '77' }),
          // A code a newer server may add: the dialog shows the server's message.
          warnings: [{ code: 'DOMAIN_HAS_NO_MX' as UserWarningCode, field: 'email', message: 'No mail server answers for this domain.' }],
        },
      },
    });
    await openFromAddMenu();
    await fill('Ada', 'ada@nomx.example');
    await clickAdd();
    expect(wrapper.get('[data-warning="DOMAIN_HAS_NO_MX"]').text()).toBe('No mail server answers for this domain.');
  });

  it('posts JSON to /graphql, without a hidden client header (behaviour depends on explicit arguments)', async () => {
    const users = callsOf(calls, 'Users');
    expect(users).toHaveLength(1);
    expect(users[0]!.headers['content-type']).toBe('application/json');
    expect(users[0]!.headers['x-accueil-client']).toBeUndefined();
    const fetchStub = globalThis.fetch as unknown as ReturnType<typeof vi.fn>;
    expect(fetchStub.mock.calls[0]![0]).toBe('/graphql');
    expect((fetchStub.mock.calls[0]![1] as RequestInit).method).toBe('POST');
  });
});

describe('add-customer dialog: domain suggestions', () => {
  it('offers the common mail domain a typo was probably meant to be, as one click', async () => {
    await openFromAddMenu();
    await fill('Ann', 'ann@gmial.com');
    const hint = dialog().get('[data-suggestion]');
    expect(hint.text()).toBe('Did you mean ann@gmail.com?');
    await hint.get('button').trigger('click');
    expect((byLabel(wrapper, 'Email').element as HTMLInputElement).value).toBe('ann@gmail.com');
    expect(dialog().find('[data-suggestion]').exists()).toBe(false);
    await byLabel(wrapper, 'Email').setValue('ann@company.fr');
    expect(dialog().find('[data-suggestion]').exists()).toBe(false);
  });
});
