import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetailFragment } from '../../client/src/graphql/generated/graphql';
import { byLabel, callsOf, errorNextTo, graphQLError, mountApp, stubGraphQL, type DataOf } from './helpers';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const now = '2026-01-02T03:04:05.000Z';
const agent = { id: '3', name: 'Agent Smith', email: 'smith@acme.io' };
const warehouse = { id: '9', name: 'Warehouse', email: 'warehouse@logistics.fr' };

function ticket(messages: { id: string; body: string; author: typeof agent | null }[]): TicketDetailFragment {
  return {
    id: '12',
    subject: 'Lost parcel',
    status: 'OPEN',
    held: null,
    via: 'AGENT',
    createdAt: now,
    updatedAt: now,
    requester: { id: '8', name: 'New Caller', email: 'new.caller@acme.io' },
    submitter: null,
    ccs: [],
    comments: { totalCount: 0, edges: [] },
    sideConversations: [
      { id: '2', subject: 'Parcel 42', createdAt: now, participants: [warehouse], messages: messages.map((m) => ({ ...m, createdAt: now })) },
    ],
  };
}

const first = { id: '5', body: 'Can you trace parcel 42?', author: agent };

describe('the reply box of a side conversation', () => {
  it('sends the message to the side conversation, shows it and empties the box', async () => {
    let current = ticket([first]);
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: current } }),
      AddSideConversationMessage: ({ input }) => {
        current = ticket([first, { id: '6', body: String((input as { message: string }).message), author: agent }]);
        return { data: { addSideConversationMessage: { message: { id: '6' } } } };
      },
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    const side = wrapper.get('[data-side-conversations]');
    expect(side.text()).toContain('Emailed to everyone in this side conversation');
    await byLabel(wrapper, 'Reply').setValue('Any news?');
    await wrapper.get('[data-form="side-conversation-reply"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'AddSideConversationMessage').map((c) => c.variables)).toEqual([
      { input: { sideConversationId: '2', message: 'Any news?' } },
    ]);
    expect(wrapper.findAll('.ticket-side__body').map((p) => p.text())).toEqual(['Can you trace parcel 42?', 'Any news?']);
    expect((byLabel(wrapper, 'Reply').element as HTMLTextAreaElement).value).toBe('');
  });

  it('refuses an empty message without asking the server, and shows the server’s refusal next to the message', async () => {
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: ticket([first]) } }),
      AddSideConversationMessage: () => graphQLError('Message is too long.', { code: 'BAD_USER_INPUT', field: 'message' }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    await wrapper.get('[data-form="side-conversation-reply"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Reply')).toBe('Write something first.');
    expect(callsOf(calls, 'AddSideConversationMessage')).toHaveLength(0);
    await byLabel(wrapper, 'Reply').setValue('x'.repeat(10));
    await wrapper.get('[data-form="side-conversation-reply"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Reply')).toBe('Message is too long.');
  });

  it('speaks French', async () => {
    stubGraphQL({ Ticket: () => ({ data: { ticket: ticket([first]) } }) });
    ({ wrapper } = await mountApp('/tickets/12', 'fr'));
    expect(byLabel(wrapper, 'Répondre').element.tagName).toBe('TEXTAREA');
    expect(wrapper.get('[data-form="side-conversation-reply"] button[type="submit"]').text()).toBe('Envoyer');
  });
});

describe('starting a side conversation', () => {
  const HELD =
    'This ticket is held for review, so nothing is mailed to its requester: release it first (Release on the ticket, or updateTicket with release: true), then send the public reply. An internal note can be added meanwhile.';
  const SIDE_HELD =
    'This ticket is held: nothing is mailed to its requester or CCs until you release it (Release, above). A side conversation with other people can go out now.';

  async function start(to: string) {
    await byLabel(wrapper!, 'Subject').setValue('Parcel 43');
    await byLabel(wrapper!, 'To').setValue(to);
    await byLabel(wrapper!, 'Message').setValue('Where is it?');
    await wrapper!.get('[data-form="side-conversation"]').trigger('submit');
    await flushPromises();
  }

  it('folds the form again once started', async () => {
    stubGraphQL({
      Ticket: () => ({ data: { ticket: ticket([first]) } }),
      StartSideConversation: () => ({ data: { startSideConversation: { sideConversation: { id: '5' }, createdUsers: [], warnings: [] } } }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    const details = wrapper.get<HTMLDetailsElement>('details.ticket-side__start');
    details.element.open = true;
    await start('warehouse@logistics.fr');
    expect(details.element.open).toBe(false);
    expect((byLabel(wrapper, 'Subject').element as HTMLInputElement).value).toBe('');
  });

  it('tells in its card what the server warned about the addresses, until the next one; nothing when it warned about none', async () => {
    const RESERVED = 'example.org is a reserved domain: the account is kept, but email is never sent to depot@example.org.';
    const NO_MAIL =
      'logistcs.fr has no mail server: did you mean logistics.fr? If someone registers logistcs.fr later, they would receive this person’s mail.';
    let warnings: DataOf<'StartSideConversation'>['startSideConversation']['warnings'] = [];
    const calls = stubGraphQL({
      Ticket: () => ({ data: { ticket: ticket([first]) } }),
      StartSideConversation: () => ({ data: { startSideConversation: { sideConversation: { id: '5' }, createdUsers: [], warnings } } }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    const warned = () => wrapper!.findAll('[data-ticket-warning]').map((w) => w.text());
    await start('warehouse@logistics.fr');
    expect(callsOf(calls, 'StartSideConversation')).toHaveLength(1);
    expect(warned()).toEqual([]);

    warnings = [
      { code: 'UNDELIVERABLE_RESERVED', field: 'to.0.email', message: RESERVED },
      { code: 'NO_MAIL_DOMAIN', field: 'to.1.email', message: NO_MAIL },
    ];
    await start('depot@example.org, Sal <sal@logistcs.fr>');
    expect(warned()).toEqual([RESERVED, NO_MAIL]);
    expect(wrapper.findAll('[data-ticket-warning]').map((w) => w.attributes('role'))).toEqual(['alert', 'alert']);
    // In the side conversations' card, which the form folded into: not over the page, out of sight.
    expect(wrapper.get('[data-side-conversations]').findAll('[data-ticket-warning]')).toHaveLength(2);
    expect(wrapper.get('details.ticket-side__start').find('[data-ticket-warning]').exists()).toBe(false);

    warnings = [];
    await start('warehouse@logistics.fr');
    expect(warned()).toEqual([]);
  });

  it('says what to do on a held ticket, in the app’s words rather than the API’s', async () => {
    stubGraphQL({
      Ticket: () => ({ data: { ticket: { ...ticket([first]), held: 'SUSPENDED' } } }),
      StartSideConversation: () => graphQLError(HELD, { code: 'BAD_USER_INPUT', field: 'to', reason: 'HELD', held: 'SUSPENDED' }),
      AddSideConversationMessage: () => graphQLError(HELD, { code: 'BAD_USER_INPUT', field: 'message', reason: 'HELD', held: 'SUSPENDED' }),
    });
    ({ wrapper } = await mountApp('/tickets/12'));
    wrapper.get<HTMLDetailsElement>('details.ticket-side__start').element.open = true;
    await start('new.caller@acme.io');
    expect(errorNextTo(wrapper, 'To')).toBe(SIDE_HELD);
    expect(wrapper.get<HTMLDetailsElement>('details.ticket-side__start').element.open).toBe(true);
    await byLabel(wrapper, 'Reply').setValue('Any news?');
    await wrapper.get('[data-form="side-conversation-reply"]').trigger('submit');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Reply')).toBe(SIDE_HELD);
  });
});
