// A ticket's CCs card: what the server refuses without naming a field, and a
// lost connection, show in the card (FormFooter's errors), for an add and a
// remove alike.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetailFragment } from '../../client/src/graphql/generated/graphql';
import { callsOf, graphQLError, mountApp, stubGraphQL } from './helpers';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const now = '2026-01-02T03:04:05.000Z';
const kim = { id: '20', name: 'Kim', email: 'kim@newco.fr' };

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
    ccs: [kim],
    comments: { totalCount: 0, edges: [] },
    sideConversations: [],
    ...overrides,
  };
}

const card = () => wrapper!.get('[data-ccs]');
const alerts = () =>
  card()
    .findAll('[role="alert"]')
    .map((alert) => alert.text());
const field = () => wrapper!.get('form[data-form="add-cc"] input[name="user"]');

async function addCc(text: string): Promise<void> {
  await field().setValue(text);
  await wrapper!.get('form[data-form="add-cc"]').trigger('submit');
  await flushPromises();
}

async function removeKim(): Promise<void> {
  await card().get('button[aria-label="Remove Kim from CCs"]').trigger('click');
  await flushPromises();
}

function serve(answers: { add?: () => unknown; remove?: () => unknown }) {
  return stubGraphQL({
    Ticket: () => ({ data: { ticket: detail() } }),
    TicketEvents: ({ id }) => ({ data: { ticket: { id, events: { totalCount: 0, edges: [] } } } }),
    AddTicketCc: () => answers.add!() as never,
    RemoveTicketCc: () => answers.remove!() as never,
  });
}

describe('a ticket’s CCs', () => {
  it('shows a refusal of Add CC that names no field, and keeps what was typed', async () => {
    serve({ add: () => graphQLError('You cannot change this ticket.', { code: 'FORBIDDEN' }) });
    ({ wrapper } = await mountApp('/tickets/12'));
    await addCc('lee@newco.fr');
    expect(alerts()).toEqual(['You are not allowed to do this.']);
    expect((field().element as HTMLInputElement).value).toBe('lee@newco.fr');
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
    expect(card().text()).toContain('kim@newco.fr');
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
