import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetailFragment, TicketListItemFragment } from '../../client/src/graphql/generated/graphql';
import { SUGGEST_DEBOUNCE_MS } from '../../client/src/ui/use-combobox';
import { byLabel, callsOf, errorNextTo, graphQLError, mountApp, signedInAs, stubGraphQL } from './helpers';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const person = { id: '7', name: 'Ada Known', email: 'ada@acme.io' };
const now = '2026-01-02T03:04:05.000Z';

function detail(overrides: Partial<TicketDetailFragment> = {}): TicketDetailFragment {
  return {
    id: '12',
    subject: 'Cannot log in',
    status: 'NEW',
    held: null,
    via: 'AGENT',
    createdAt: now,
    updatedAt: now,
    requester: { id: '8', name: 'New Caller', email: 'new.caller@acme.io' },
    submitter: null,
    ccs: [],
    comments: {
      totalCount: 1,
      edges: [{ node: { id: '1', body: 'Locked out', public: true, via: 'AGENT', attachments: [], createdAt: now, author: null } }],
    },
    sideConversations: [],
    ...overrides,
  };
}

const listItem = (id: string, status: TicketListItemFragment['status'], held: TicketListItemFragment['held'] = null): TicketListItemFragment => ({
  id,
  subject: `Ticket ${id}`,
  status,
  held,
  via: 'EMAIL',
  createdAt: now,
  updatedAt: now,
  requester: person,
});

describe('new ticket', () => {
  it('an unknown address opens the add-customer dialog prefilled; the customer is sent with the ticket and the page names them', async () => {
    const calls = stubGraphQL({
      RequesterSuggestions: () => ({ data: { users: { edges: [{ node: person }] } } }),
      CreateTicket: () => ({
        data: {
          createTicket: { ticket: { id: '12' }, createdUsers: [{ id: '8', name: 'New Caller', email: 'new.caller@acme.io' }], warnings: [] },
        },
      }),
      Ticket: () => ({ data: { ticket: detail() } }),
      TicketEvents: () => ({
        data: {
          ticket: {
            id: '12',
            events: {
              totalCount: 1,
              edges: [
                {
                  node: {
                    id: '1',
                    action: 'CREATED',
                    source: 'ADMIN_APP',
                    createdAt: now,
                    actor: { kind: 'USER', tokenName: null, user: { id: '900', name: 'Admin' } },
                    changes: [{ field: 'status', oldValue: null, newValue: 'NEW' }],
                  },
                },
              ],
            },
          },
        },
      }),
    });
    let router;
    ({ wrapper, router } = await mountApp('/tickets/new'));
    const input = byLabel(wrapper, 'Requester');
    await input.setValue('new.caller@acme.io');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((o) => o.text())).toEqual(['Ada Knownada@acme.io', 'Add “new.caller@acme.io” as a new customer']);
    await options[1]!.trigger('click');
    await flushPromises();
    const dialog = wrapper.get('dialog[open]');
    expect((dialog.get('input[name="email"]').element as HTMLInputElement).value).toBe('new.caller@acme.io');
    await dialog.get('input[name="name"]').setValue('New Caller');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(wrapper.get('[data-new-customer]').text()).toBe('New customer: New Caller (new.caller@acme.io)');
    expect(callsOf(calls, 'CreateUser')).toEqual([]);

    await byLabel(wrapper, 'Subject').setValue('Cannot log in');
    await byLabel(wrapper, 'Description').setValue('Locked out');
    await wrapper.get('form[data-form="new-ticket"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'CreateTicket')[0]!.variables.input).toEqual({
      requester: { email: 'new.caller@acme.io', name: 'New Caller' },
      subject: 'Cannot log in',
      comment: 'Locked out',
      status: 'NEW',
      ccs: [],
    });
    expect(router!.currentRoute.value.path).toBe('/tickets/12');
    await flushPromises();
    expect(wrapper.get('[data-created-users]').text()).toContain('New customer created: New Caller (new.caller@acme.io)');
    expect(wrapper.find('[data-ticket-warning]').exists()).toBe(false);
    await flushPromises();
    expect(wrapper.get('[data-ticket-history]').text()).toContain('Created');
    expect(wrapper.get('[data-ticket-history]').text()).toContain('Status: New');
  });

  it('marks the fields it needs (requester, subject, description) as required, and only those', async () => {
    stubGraphQL({});
    ({ wrapper } = await mountApp('/tickets/new'));
    const marked = wrapper
      .findAll('form[data-form="new-ticket"] .field')
      .filter((field) => field.find('.field-required').exists())
      .map((field) => field.get('.field-label').text());
    expect(marked).toEqual(['Requester', 'Subject', 'Description']);
    expect(byLabel(wrapper, 'Subject').attributes('aria-required')).toBe('true');
    expect(byLabel(wrapper, 'CCs').attributes('aria-required')).toBeUndefined();
  });

  it('lands on the ticket telling the server’s warnings about a requester added as a new customer', async () => {
    const RESERVED = 'example.invalid is a reserved domain: the account is kept, but email is never sent to walk-in@example.invalid.';
    const walkIn = { id: '8', name: 'Walk In', email: 'walk-in@example.invalid' };
    stubGraphQL({
      RequesterSuggestions: () => ({ data: { users: { edges: [] } } }),
      CreateTicket: () => ({
        data: {
          createTicket: {
            ticket: { id: '12' },
            createdUsers: [walkIn],
            warnings: [{ code: 'UNDELIVERABLE_RESERVED', field: 'requester.email', message: RESERVED }],
          },
        },
      }),
      Ticket: () => ({ data: { ticket: detail({ requester: walkIn }) } }),
      TicketEvents: ({ id }) => ({ data: { ticket: { id, events: { totalCount: 0, edges: [] } } } }),
    });
    ({ wrapper } = await mountApp('/tickets/new'));
    await byLabel(wrapper, 'Requester').setValue('Walk In <walk-in@example.invalid>');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    await wrapper.findAll('[role="option"]').at(-1)!.trigger('click');
    await flushPromises();
    await wrapper.get('dialog[open] form').trigger('submit');
    await flushPromises();
    await byLabel(wrapper, 'Subject').setValue('At the desk');
    await byLabel(wrapper, 'Description').setValue('Came in person');
    await wrapper.get('form[data-form="new-ticket"]').trigger('submit');
    await flushPromises();
    await flushPromises();
    // Over the page the agent lands on.
    const warnings = wrapper.get('.record-page__notices').findAll('[data-ticket-warning]');
    expect(warnings.map((w) => w.text())).toEqual([RESERVED]);
    expect(warnings[0]!.attributes('role')).toBe('alert');
    expect(wrapper.get('[data-created-users]').text()).toContain('Walk In (walk-in@example.invalid)');
  });

  it('shows the server’s refusal of an address next to the requester', async () => {
    stubGraphQL({
      RequesterSuggestions: () => ({ data: { users: { edges: [{ node: person }] } } }),
      CreateTicket: () => graphQLError('Enter a valid email address.', { code: 'BAD_USER_INPUT', field: 'requester.email' }),
    });
    ({ wrapper } = await mountApp('/tickets/new'));
    await byLabel(wrapper, 'Requester').setValue('ada');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    await wrapper.findAll('[role="option"]')[0]!.trigger('click');
    await byLabel(wrapper, 'Subject').setValue('s');
    await byLabel(wrapper, 'Description').setValue('d');
    await wrapper.get('form[data-form="new-ticket"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Requester')).toContain('Enter a valid email address.');
  });
});

describe('tickets list', () => {
  it('is in the sidebar and filters by status', async () => {
    const calls = stubGraphQL({
      Tickets: ({ status }) => ({
        data: {
          tickets: {
            totalCount: 1,
            edges: [{ cursor: 'c', node: listItem('3', status ?? 'OPEN') }],
            pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: 'c', endCursor: 'c' },
          },
        },
      }),
    });
    let router;
    ({ wrapper, router } = await mountApp('/tickets'));
    expect(wrapper.get('[data-nav="tickets"]').attributes('aria-current')).toBe('page');
    expect(wrapper.text()).toContain('Ticket 3');
    await wrapper.get('select[data-filter="status"]').setValue('PENDING');
    await flushPromises();
    expect(callsOf(calls, 'Tickets').at(-1)!.variables.status).toBe('PENDING');
    expect(router!.currentRoute.value.query.status).toBe('PENDING');
  });
});

describe('held tickets in the list', () => {
  it('wear a Held badge that says why, and a filter shows only them (or only the others)', async () => {
    const calls = stubGraphQL({
      Tickets: ({ held }) => ({
        data: {
          tickets: {
            totalCount: 2,
            edges: [
              ...(held === false ? [] : [{ cursor: 'a', node: listItem('4', 'NEW', 'SUSPENDED') }]),
              ...(held === true ? [] : [{ cursor: 'b', node: listItem('5', 'OPEN') }]),
            ],
            pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' },
          },
        },
      }),
    });
    let router;
    ({ wrapper, router } = await mountApp('/tickets'));
    const badges = wrapper.findAll('[data-held-badge]');
    expect(badges).toHaveLength(1);
    const [badge] = badges;
    expect(badge!.text()).toBe('Held');
    expect(badge!.attributes('title')).toBe('Held for review: the sender is on the block list.');
    expect(callsOf(calls, 'Tickets').at(-1)!.variables.held).toBeNull();
    await wrapper.get('select[data-filter="held"]').setValue('yes');
    await flushPromises();
    expect(callsOf(calls, 'Tickets').at(-1)!.variables.held).toBe(true);
    expect(router!.currentRoute.value.query.held).toBe('yes');
    expect(wrapper.text()).not.toContain('Ticket 5');
    await wrapper.get('select[data-filter="held"]').setValue('no');
    await flushPromises();
    expect(callsOf(calls, 'Tickets').at(-1)!.variables.held).toBe(false);
    expect(wrapper.find('[data-held-badge]').exists()).toBe(false);

    // On a phone the filters fold behind a button that counts those in use.
    const toggle = wrapper.get('button[aria-controls="ticket-filters"]');
    expect(wrapper.get('#ticket-filters').find('select[data-filter="held"]').exists()).toBe(true);
    expect(toggle.get('.list-filters__count .visually-hidden').text()).toBe('1 in use');
    expect(wrapper.get('select[data-filter="held"] option[value=""]').text()).toBe('Held for review or not');
  });
});

describe('a held ticket', () => {
  it('says why it waits, and Release takes the hold off', async () => {
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: detail({ held: 'SUSPENDED' }) } }),
      UpdateTicket: () => ({ data: { updateTicket: detail({ held: null }) } }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    expect(wrapper.get('[data-held]').text()).toContain('Held for review: the sender is on the block list.');
    await wrapper.get('[data-held] button').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateTicket').map((c) => c.variables)).toEqual([{ id: '12', input: { release: true } }]);
    expect(wrapper.find('[data-held]').exists()).toBe(false);
  });

  it('takes internal notes only until it is released: no public reply box while held', async () => {
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: detail({ held: 'UNVERIFIED' }) } }),
      AddTicketComment: () => ({ data: { addTicketComment: { ticket: detail({ held: 'UNVERIFIED' }) } } }),
      UpdateTicket: () => ({ data: { updateTicket: detail({ held: null }) } }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    expect(wrapper.get('[data-held]').text()).toContain('Waiting for the requester to verify their address.');
    expect(wrapper.find('input[name="visibility"][value="public"]').exists()).toBe(false);
    expect(wrapper.get('[data-held-reply]').text()).toMatch(/only internal notes until you release it/);
    await byLabel(wrapper, 'Internal note').setValue('Checking the sender.');
    await wrapper.get('form[data-form="reply"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'AddTicketComment').map((c) => c.variables)).toEqual([
      { ticketId: '12', input: { body: 'Checking the sender.', public: false } },
    ]);
    // Released: the public reply is back.
    await wrapper.get('[data-held] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-held-reply]').exists()).toBe(false);
    expect(wrapper.find('input[name="visibility"][value="public"]').exists()).toBe(true);
  });
});

describe('a ticket page’s order', () => {
  it('reads the conversation and its reply box first, then status, CCs and details, then side conversations and history', async () => {
    stubGraphQL({ Ticket: () => ({ data: { ticket: detail() } }) });
    ({ wrapper } = await mountApp('/tickets/12'));
    await flushPromises();
    // The document's order is the Tab order and a phone's (one column); wide screens put the aside on the right.
    const layout = wrapper.get('.record-page__layout').element;
    const parts = Array.from(layout.children, (child) => child.classList[0]);
    expect(parts).toEqual(['record-page__main', 'record-page__aside', 'record-page__more']);
    const position = (selector: string) => Array.from(layout.querySelectorAll('*')).indexOf(layout.querySelector(selector)!);
    const reply = position('.record-page__main textarea');
    const status = position('.record-page__aside select[name="status"]');
    expect(reply).toBeGreaterThanOrEqual(0);
    expect(reply).toBeLessThan(status);
    expect(wrapper.get('.record-page__more').text()).toContain('Side conversations');
  });
});

describe('a ticket’s history', () => {
  const noteAdded = (id: string) => ({
    data: {
      ticket: {
        id: '12',
        events: {
          totalCount: 2,
          edges: ['#1', id].map((value, index) => ({
            node: {
              id: String(index + 1),
              action: 'COMMENT_ADDED' as const,
              source: 'ADMIN_APP' as const,
              createdAt: now,
              actor: { kind: 'USER' as const, tokenName: null, user: person },
              changes: [{ field: index === 0 ? 'comment' : 'internalNote', oldValue: null, newValue: value }],
            },
          })),
        },
      },
    },
  });

  it('names a reply or note by the start of its text, and by its number when the page does not show it', async () => {
    const long = `Refund issued, waiting for the bank. ${'The transfer takes three to five working days. '.repeat(3)}`;
    const ticket = detail({
      comments: {
        totalCount: 2,
        edges: [
          { node: { id: '1', body: 'Locked out\nsince Monday', public: true, via: 'AGENT', attachments: [], createdAt: now, author: null } },
          { node: { id: '7', body: long, public: false, via: 'AGENT', attachments: [], createdAt: now, author: null } },
        ],
      },
    });
    stubGraphQL({ Ticket: () => ({ data: { ticket } }), TicketEvents: () => noteAdded('#7') });
    ({ wrapper } = await mountApp('/tickets/12'));
    await flushPromises();
    const lines = wrapper.findAll('[data-ticket-history] .ticket-history__changes li').map((li) => li.text());
    expect(lines[0]).toBe('Public reply: “Locked out since Monday”');
    expect(lines[1]).toMatch(/^Internal note: “Refund issued, waiting for the bank\. The transfer .{20,}…”$/);
    expect(lines[1]!.length).toBeLessThan(110);
  });

  it('quotes the French way, and keeps the number of a message the page does not have', async () => {
    stubGraphQL({ Ticket: () => ({ data: { ticket: detail() } }), TicketEvents: () => noteAdded('#99') });
    ({ wrapper } = await mountApp('/tickets/12', 'fr'));
    await flushPromises();
    const lines = wrapper.findAll('[data-ticket-history] .ticket-history__changes li').map((li) => li.text());
    expect(lines).toEqual(['Réponse publique\u00a0: «\u00a0Locked out\u00a0»', 'Note interne\u00a0: #99']);
  });
});

describe('public request form', () => {
  it('needs no sign-in, shows every refused field next to it, then the same thank-you whoever writes', async () => {
    let refuse = true;
    const calls = stubGraphQL({
      Me: signedInAs(null),
      HelpCenter: () => ({ data: { helpCenter: { deskName: 'Acme Support', signUpOpen: true } } }),
      SubmitRequest: () =>
        refuse
          ? graphQLError('Enter a valid email address.', {
              code: 'BAD_USER_INPUT',
              field: 'email',
              errors: [
                { field: 'email', code: 'BAD_USER_INPUT', message: 'Enter a valid email address.' },
                { field: 'subject', code: 'BAD_USER_INPUT', message: 'Subject can be at most 255 characters.' },
              ],
            })
          : { data: { submitRequest: { received: true } } },
    });
    let router;
    ({ wrapper, router } = await mountApp('/requests/new'));
    expect(router!.currentRoute.value.path).toBe('/requests/new');
    expect(wrapper.find('nav').exists()).toBe(false);
    // Whose desk it is, over the form.
    await flushPromises();
    expect(wrapper.get('.request-page__desk').text()).toBe('Acme Support');
    await byLabel(wrapper, 'Your name').setValue('Visitor');
    await byLabel(wrapper, 'Your email address').setValue('visitor@');
    await byLabel(wrapper, 'Subject').setValue('x');
    await byLabel(wrapper, 'Description').setValue('y');
    await wrapper.get('form[data-form="request"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Your email address')).toContain('Enter a valid email address.');
    expect(errorNextTo(wrapper, 'Subject')).toContain('at most 255');
    refuse = false;
    await byLabel(wrapper, 'Your email address').setValue('visitor@acme.io');
    await wrapper.get('form[data-form="request"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-received]').text()).toContain('your request was received');
    expect(callsOf(calls, 'SubmitRequest').at(-1)!.variables.input).toEqual({
      name: 'Visitor',
      email: 'visitor@acme.io',
      subject: 'x',
      description: 'y',
      website: '',
    });
  });
});
