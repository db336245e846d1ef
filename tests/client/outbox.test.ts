import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxMessageItemFragment } from '../../client/src/graphql/generated/graphql';
import { AGENT_VIEWER, byLabel, callsOf, mountApp, signedInAs, stubGraphQL } from './helpers';

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const messages: OutboxMessageItemFragment[] = [
  {
    id: '2',
    kind: 'TICKET_COMMENT',
    to: 'ann@gmial.com',
    subject: '[#4] Zipper',
    status: 'SKIPPED',
    reason: 'gmial.com has no mail server',
    attempts: 1,
    createdAt: '2025-03-01T10:00:00.000Z',
    sentAt: null,
  },
  {
    id: '1',
    kind: 'FOLLOW_UP',
    to: 'bob@acme.example.org',
    subject: 'Hello',
    status: 'QUEUED',
    reason: null,
    attempts: 0,
    createdAt: '2025-03-01T09:00:00.000Z',
    sentAt: null,
  },
];

describe('the Outbox page', () => {
  it('is in the sidebar for admins and lists the messages, narrowed by status', async () => {
    const calls = stubGraphQL({
      Outbox: ({ status }) => {
        const nodes = messages.filter((m) => !status || m.status === status);
        return {
          data: {
            outbox: {
              totalCount: nodes.length,
              pageInfo: { hasNextPage: false, endCursor: null },
              edges: nodes.map((m) => ({ cursor: m.id, node: m })),
            },
          },
        };
      },
    });
    ({ wrapper } = await mountApp('/settings/outbox'));
    expect(wrapper.get('nav a[href="/settings/outbox"]').text()).toBe('Outbox');
    expect(wrapper.get('h1').text()).toBe('Outbox');
    const table = wrapper.get('[data-outbox]');
    expect(table.findAll('tbody tr')).toHaveLength(2);
    expect(table.get('[data-reason]').text()).toBe('gmial.com has no mail server');
    expect(table.get('[data-status="QUEUED"]').text()).toBe('Queued');

    await byLabel(wrapper, 'Status').setValue('SKIPPED');
    await flushPromises();
    expect(callsOf(calls, 'Outbox').at(-1)!.variables).toMatchObject({ status: 'SKIPPED' });
    expect(wrapper.get('[data-outbox]').findAll('tbody tr')).toHaveLength(1);
    await byLabel(wrapper, 'Status').setValue('FAILED');
    await flushPromises();
    expect(wrapper.get('[data-outbox]').text()).toContain('No email has this status.');
  });

  it('tells an agent they have no access, asks nothing and shows no link', async () => {
    const calls = stubGraphQL({ Me: signedInAs(AGENT_VIEWER) });
    ({ wrapper } = await mountApp('/settings/outbox'));
    expect(wrapper.text()).toContain('Only admins can see the outbox.');
    expect(wrapper.find('nav a[href="/settings/outbox"]').exists()).toBe(false);
    expect(callsOf(calls, 'Outbox')).toEqual([]);
  });
});
