import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketListItemFragment } from '../../client/src/graphql/generated/graphql';
import type { AppLocale } from '../../client/src/i18n';
import { makeUser, mountApp, stubGraphQL } from './helpers';

// A customer's profile lists the tickets they requested and those they are copied on, each in a
// card of its own (ui/list/RecordCardList, as the messages sent to them): a section named by its
// heading, rows linking to the ticket, a sentence when there is none.

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const ticket: TicketListItemFragment = {
  id: '5',
  subject: 'Printer on fire',
  status: 'OPEN',
  held: null,
  via: 'API',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-05T10:00:00.000Z',
  requester: { id: '42', name: 'Grace Hopper', email: 'grace@navy.example.org' },
};
const tickets = (nodes: TicketListItemFragment[]) => ({
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ cursor: `c${node.id}`, node })),
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
});

/** The card's name: the text of the heading its section is labelled by. */
function nameOf(section: ReturnType<VueWrapper['get']>): string {
  const id = section.attributes('aria-labelledby');
  expect(id).toBeTruthy();
  return wrapper.get(`[id="${id}"]`).text();
}

describe.each([
  ['en', 'Requested tickets', 'Copied on', 'None.', 'Messages'],
  ['fr', 'Tickets demandés', 'En copie', 'Aucun.', 'Messages'],
] as [AppLocale, string, string, string, string][])('a customer’s tickets (%s)', (locale, requested, ccd, none, messages) => {
  it('shows each list in a section named by its heading, rows linking to the ticket, a sentence when empty', async () => {
    stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      UserTickets: ({ id }) => ({ data: { user: { id: String(id), requestedTickets: tickets([ticket]) } } }),
      UserCcTickets: ({ id }) => ({ data: { user: { id: String(id), ccTickets: tickets([]) } } }),
    });
    ({ wrapper } = await mountApp('/users/42', locale));
    await flushPromises();
    const mine = wrapper.get('section[data-tickets="requested"]');
    const copied = wrapper.get('section[data-tickets="ccd"]');
    expect([nameOf(mine), nameOf(copied), nameOf(wrapper.get('section[data-messages]'))]).toEqual([requested, ccd, messages]);
    expect(mine.get('tbody a').text()).toBe('#5 Printer on fire');
    expect(mine.get('tbody a').attributes('href')).toBe('/tickets/5');
    expect(copied.find('tbody').exists()).toBe(false);
    expect(copied.text()).toContain(none);
  });
});
