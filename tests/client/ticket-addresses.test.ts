// Addresses pasted as mail clients write them (`Gus Fring <gus@pollos.fr>`) in a
// ticket's requester, CC and side conversation fields: split into name and
// address, and an entry that is not an address named in its error. The CCs
// card also shows what the server refuses without naming a field, and a lost
// connection, for an add and a remove alike; the page tells what the server
// warned about an added CC's address.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetailFragment } from '../../client/src/graphql/generated/graphql';
import { SUGGEST_DEBOUNCE_MS } from '../../client/src/ui/use-combobox';
import { byLabel, callsOf, errorNextTo, graphQLError, mountApp, stubGraphQL, type Handler } from './helpers';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = '2026-01-02T03:04:05.000Z';
const kim = { id: '20', name: 'Kim', email: 'kim@newco.fr' };
const noEvents = ({ id }: { id: string }) => ({ data: { ticket: { id, events: { totalCount: 0, edges: [] } } } });

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
    comments: { totalCount: 0, edges: [] },
    sideConversations: [],
    ...overrides,
  };
}

async function typeRequester(text: string): Promise<void> {
  await byLabel(wrapper!, 'Requester').setValue(text);
  await pause(SUGGEST_DEBOUNCE_MS + 50);
  await flushPromises();
}

describe('the requester', () => {
  it('Name <address> looks for the address, and "Add … as a new customer" fills in both name and email', async () => {
    const calls = stubGraphQL({
      RequesterSuggestions: () => ({ data: { users: { edges: [] } } }),
      CreateTicket: () => ({ data: { createTicket: { ticket: { id: '12' }, createdUsers: [], warnings: [] } } }),
      Ticket: () => ({ data: { ticket: detail() } }),
      TicketEvents: noEvents,
    });
    ({ wrapper } = await mountApp('/tickets/new'));
    await typeRequester('Gus Fring <gus@pollos.fr>');
    expect(callsOf(calls, 'RequesterSuggestions').at(-1)!.variables.query).toBe('gus@pollos.fr');
    const add = wrapper.findAll('[role="option"]').at(-1)!;
    expect(add.text()).toBe('Add “Gus Fring <gus@pollos.fr>” as a new customer');
    await add.trigger('click');
    await flushPromises();
    const dialog = wrapper.get('dialog[open]');
    expect((dialog.get('input[name="name"]').element as HTMLInputElement).value).toBe('Gus Fring');
    expect((dialog.get('input[name="email"]').element as HTMLInputElement).value).toBe('gus@pollos.fr');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-new-customer]').text()).toBe('New customer: Gus Fring (gus@pollos.fr)');

    await byLabel(wrapper, 'Subject').setValue('Order');
    await byLabel(wrapper, 'Description').setValue('Where is it?');
    await byLabel(wrapper, 'CCs').setValue('Kim <kim@newco.fr>, "Fring, Gus" <gus2@pollos.fr>; mike@pollos.fr');
    await wrapper.get('form[data-form="new-ticket"]').trigger('submit');
    await flushPromises();
    const input = callsOf(calls, 'CreateTicket')[0]!.variables.input as Record<string, unknown>;
    expect(input.requester).toEqual({ email: 'gus@pollos.fr', name: 'Gus Fring' });
    expect(input.ccs).toEqual([{ email: 'kim@newco.fr', name: 'Kim' }, { email: 'gus2@pollos.fr', name: 'Fring, Gus' }, { email: 'mike@pollos.fr' }]);
  });

  it('"Use for this ticket" refuses, at once, an email that is not an address, naming it', async () => {
    stubGraphQL({ RequesterSuggestions: () => ({ data: { users: { edges: [] } } }) });
    ({ wrapper } = await mountApp('/tickets/new'));
    await typeRequester('Gus Fring');
    await wrapper.findAll('[role="option"]').at(-1)!.trigger('click');
    await flushPromises();
    const dialog = wrapper.get('dialog[open]');
    expect((dialog.get('input[name="name"]').element as HTMLInputElement).value).toBe('Gus Fring');
    await dialog.get('input[name="email"]').setValue('gus fring@pollos.fr');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('dialog[open]').exists()).toBe(true);
    expect(errorNextTo(wrapper, 'Email')).toContain('“gus fring@pollos.fr” is not an email address.');
  });
});

describe('CCs of a new ticket', () => {
  it('names the entries that are not addresses before sending, and the one the server refused after', async () => {
    const calls = stubGraphQL({
      RequesterSuggestions: () => ({ data: { users: { edges: [{ node: { id: '7', name: 'Ada Known', email: 'ada@acme.io' } }] } } }),
      CreateTicket: () => graphQLError('This address cannot be used.', { code: 'BAD_USER_INPUT', field: 'ccs.1.email' }),
    });
    ({ wrapper } = await mountApp('/tickets/new'));
    await typeRequester('ada');
    await wrapper.findAll('[role="option"]')[0]!.trigger('click');
    await byLabel(wrapper, 'Subject').setValue('s');
    await byLabel(wrapper, 'Description').setValue('d');
    await byLabel(wrapper, 'CCs').setValue('Kim <kim@newco.fr>, Gus Fring');
    await wrapper.get('form[data-form="new-ticket"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'CCs')).toContain('“Gus Fring” is not an email address.');
    expect(callsOf(calls, 'CreateTicket')).toEqual([]);

    await byLabel(wrapper, 'CCs').setValue('Kim <kim@newco.fr>, Walter <walter@blocked.fr>');
    await wrapper.get('form[data-form="new-ticket"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'CCs')).toContain('Walter <walter@blocked.fr> — This address cannot be used.');
  });
});

describe('a ticket’s CCs and side conversations', () => {
  it('Add CC takes Name <address> (and several), names a refused entry, and keeps it in the field', async () => {
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: detail() } }),
      TicketEvents: noEvents,
      AddTicketCc: ({ user }) =>
        (user as { email: string }).email === 'kim@newco.fr'
          ? { data: { addTicketCc: { ticket: detail({ ccs: [kim] }), createdUser: kim, warnings: [] } } }
          : graphQLError('This address cannot be used.', { code: 'BAD_USER_INPUT', field: 'user.email' }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    await flushPromises();
    const field = () => wrapper!.get('form[data-form="add-cc"] input[name="user"]');
    await field().setValue('Kim <kim@newco');
    await wrapper.get('form[data-form="add-cc"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-ccs]').text()).toContain('“Kim <kim@newco” is not an email address.');
    expect(callsOf(calls, 'AddTicketCc')).toEqual([]);

    await field().setValue('Kim <kim@newco.fr>, "Fring, Gus" <gus@blocked.fr>');
    await wrapper.get('form[data-form="add-cc"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'AddTicketCc').map((c) => c.variables.user)).toEqual([
      { email: 'kim@newco.fr', name: 'Kim' },
      { email: 'gus@blocked.fr', name: 'Fring, Gus' },
    ]);
    expect(wrapper.get('[data-ccs]').text()).toContain('Kim');
    expect(wrapper.get('[data-ccs]').text()).toContain('"Fring, Gus" <gus@blocked.fr> — This address cannot be used.');
    expect((field().element as HTMLInputElement).value).toBe('"Fring, Gus" <gus@blocked.fr>');
  });

  it('a side conversation’s To takes Name <address> and names an entry that is not one', async () => {
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: detail() } }),
      TicketEvents: noEvents,
      StartSideConversation: () => ({
        data: {
          startSideConversation: { sideConversation: { id: '1', subject: 'Parts', participants: [], messages: [] }, createdUsers: [], warnings: [] },
        },
      }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    await flushPromises();
    const form = wrapper.get('form[data-form="side-conversation"]');
    await form.get('input[name="subject"]').setValue('Parts');
    await form.get('textarea[name="message"]').setValue('Can you help?');
    await form.get('input[name="to"]').setValue('Lydia <lydia@madrigal.de>; Mike');
    await form.trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-side-conversations]').text()).toContain('“Mike” is not an email address.');
    await form.get('input[name="to"]').setValue('Lydia <lydia@madrigal.de>; mike@pollos.fr');
    await form.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'StartSideConversation')[0]!.variables.input).toMatchObject({
      to: [{ email: 'lydia@madrigal.de', name: 'Lydia' }, { email: 'mike@pollos.fr' }],
    });
  });
});

const card = () => wrapper!.get('[data-ccs]');
const alerts = () =>
  card()
    .findAll('[role="alert"]')
    .map((alert) => alert.text());
const ccField = () => wrapper!.get('form[data-form="add-cc"] input[name="user"]');

async function addCc(text: string): Promise<void> {
  await ccField().setValue(text);
  await wrapper!.get('form[data-form="add-cc"]').trigger('submit');
  await flushPromises();
}

async function removeKim(): Promise<void> {
  await card().get('button[aria-label="Remove Kim from CCs"]').trigger('click');
  await flushPromises();
}

function serve(answers: { add?: () => ReturnType<Handler<'AddTicketCc'>>; remove?: () => ReturnType<Handler<'RemoveTicketCc'>> }) {
  return stubGraphQL({
    Ticket: () => ({ data: { ticket: detail({ ccs: [kim] }) } }),
    TicketEvents: noEvents,
    AddTicketCc: () => answers.add!(),
    RemoveTicketCc: () => answers.remove!(),
  });
}

describe('a ticket’s CCs: refusals that name no field, a lost connection', () => {
  it('shows a refusal of Add CC that names no field, and keeps what was typed', async () => {
    serve({ add: () => graphQLError('You cannot change this ticket.', { code: 'FORBIDDEN' }) });
    ({ wrapper } = await mountApp('/tickets/12'));
    await addCc('lee@newco.fr');
    expect(alerts()).toEqual(['You are not allowed to do this.']);
    expect((ccField().element as HTMLInputElement).value).toBe('lee@newco.fr');
  });

  it('says so when the server cannot be reached, for an add and a remove', async () => {
    const calls = serve({});
    ({ wrapper } = await mountApp('/tickets/12'));
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await addCc('lee@newco.fr');
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain('The server could not be reached');
    await removeKim();
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain('The server could not be reached');
    expect(card().get('.ticket-ccs__email.email-text').text()).toBe('kim@newco.fr');
    expect(callsOf(calls, 'RemoveTicketCc')).toHaveLength(0);
  });

  it('shows a refused remove, which goes once the remove is taken', async () => {
    let refuse = true;
    const calls = serve({
      remove: () =>
        refuse
          ? graphQLError('You cannot change this ticket.', { code: 'FORBIDDEN' })
          : { data: { removeTicketCc: { ticket: detail({ ccs: [] }) } } },
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    await removeKim();
    expect(alerts()).toEqual(['You are not allowed to do this.']);
    expect(card().text()).toContain('kim@newco.fr');
    refuse = false;
    await removeKim();
    expect(callsOf(calls, 'RemoveTicketCc').map((c) => c.variables)).toEqual([
      { ticketId: '12', userId: '20' },
      { ticketId: '12', userId: '20' },
    ]);
    expect(alerts()).toEqual([]);
    expect(card().text()).not.toContain('kim@newco.fr');
  });

  it('reads in French', async () => {
    serve({ add: () => graphQLError('You cannot change this ticket.', { code: 'FORBIDDEN' }) });
    ({ wrapper } = await mountApp('/tickets/12', 'fr'));
    await addCc('lee@newco.fr');
    expect(alerts()).toEqual(['Vous n’êtes pas autorisé à faire ceci.']);
  });
});

describe('what Add CC tells about the people it added', () => {
  const RESERVED = 'example.invalid is a reserved domain: the account is kept, but email is never sent to walk-in@example.invalid.';
  const BLOCKED = 'lee@spam.biz is on the block list: the account is made, but requests and sign-ups from it are held for review.';
  const walkIn = { id: '21', name: 'walk-in', email: 'walk-in@example.invalid' };
  const lee = { id: '22', name: 'Lee', email: 'lee@spam.biz' };
  const warned = () => wrapper!.findAll('[data-ticket-warning]');

  it('says under Add CC who was made and what the server warned about, until the next add; an address without one adds none', async () => {
    const made = new Set<string>();
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: detail() } }),
      TicketEvents: noEvents,
      AddTicketCc: ({ user }) => {
        const { email } = user as { email: string };
        const person = [walkIn, lee].find((p) => p.email === email);
        const createdUser = person && !made.has(email) ? person : null;
        made.add(email);
        const warnings =
          person === walkIn
            ? [{ code: 'UNDELIVERABLE_RESERVED' as const, field: 'user.email', message: RESERVED }]
            : person === lee
              ? [{ code: 'BLOCKED_ADDRESS' as const, field: 'user.email', message: BLOCKED }]
              : [];
        return {
          data: {
            addTicketCc: {
              ticket: detail({ ccs: [kim, ...[...made].flatMap((e) => [walkIn, lee].filter((p) => p.email === e))] }),
              createdUser,
              warnings,
            },
          },
        };
      },
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    await addCc('Kim <kim@newco.fr>');
    expect(warned()).toHaveLength(0);
    expect(wrapper.find('[data-created-users]').exists()).toBe(false);

    // Several at once: what each add told; the same warning (an address typed twice) said once.
    await addCc('kim@newco.fr, walk-in@example.invalid, Lee <lee@spam.biz>, walk-in@example.invalid');
    expect(callsOf(calls, 'AddTicketCc')).toHaveLength(5);
    expect(warned().map((w) => w.text())).toEqual([RESERVED, BLOCKED]);
    expect(warned().map((w) => [w.attributes('role'), w.attributes('data-warning')])).toEqual([
      ['alert', 'UNDELIVERABLE_RESERVED'],
      ['alert', 'BLOCKED_ADDRESS'],
    ]);
    expect(card().get('[data-created-users]').text()).toBe('New customers created: walk-in (walk-in@example.invalid), Lee (lee@spam.biz)');
    // In the card, by the form the agent used; not over the page, out of sight.
    expect(card().findAll('[data-ticket-warning]')).toHaveLength(2);
    expect(wrapper.get('.record-page__notices').find('[data-ticket-warning]').exists()).toBe(false);

    await addCc('kim@newco.fr');
    expect(warned()).toHaveLength(0);
    expect(wrapper.find('[data-created-users]').exists()).toBe(false);
  });
});
