import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxMessageItemFragment, OutboxStatus } from '../../client/src/graphql/generated/graphql';
import {
  AGENT_VIEWER,
  VIEWER_CAN,
  byLabel,
  callsOf,
  errorNextTo,
  graphQLError,
  makeUser,
  mountApp,
  signedInAs,
  stubGraphQL,
  type Answer,
  type GraphQLCall,
} from './helpers';

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function message(overrides: Partial<OutboxMessageItemFragment> = {}): OutboxMessageItemFragment {
  return {
    id: '1',
    kind: 'FOLLOW_UP',
    to: 'grace@navy.example.org',
    subject: 'About your order',
    status: 'SENT',
    reason: null,
    attempts: 1,
    createdAt: '2025-03-01T10:00:00.000Z',
    sentAt: '2025-03-01T10:00:01.000Z',
    ...overrides,
  };
}

const page = (id: string, messages: OutboxMessageItemFragment[]): Answer<any> => ({
  data: {
    user: {
      id,
      messages: {
        totalCount: messages.length,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: messages.map((m) => ({ cursor: `c${m.id}`, node: m })),
      },
    },
  },
});

function card() {
  return wrapper.get('[data-messages]');
}

/** The rows of the Messages card: subject, status text, reason. */
function rows(): { subject: string; status: string; reason: string | null }[] {
  return card()
    .findAll('tbody tr')
    .map((row) => ({
      subject: row.get('.user-messages__subject').text(),
      status: row.get('[data-status]').attributes('data-status')!,
      reason: row.find('[data-reason]').exists() ? row.get('[data-reason]').text() : null,
    }));
}

describe('the Messages card and Send email on a profile', () => {
  it('lists the messages sent to the person with their status and reason', async () => {
    stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      UserMessages: ({ id }) =>
        page(id, [
          message({ id: '3', subject: 'Skipped one', status: 'SKIPPED', reason: 'gmial.com has no mail server' }),
          message({ id: '2', subject: 'Failed one', status: 'FAILED', reason: '550 No such mailbox' }),
          message({ id: '1' }),
        ]),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(card().get('h2').text()).toBe('Messages');
    expect(rows()).toEqual([
      { subject: 'Skipped one', status: 'SKIPPED', reason: 'gmial.com has no mail server' },
      { subject: 'Failed one', status: 'FAILED', reason: '550 No such mailbox' },
      { subject: 'About your order', status: 'SENT', reason: null },
    ]);
    expect(card().get('[data-status="SKIPPED"]').text()).toBe('Skipped');
  });

  it('says so when nothing was sent yet, in French too', async () => {
    stubGraphQL({ User: () => ({ data: { user: makeUser() } }) });
    ({ wrapper } = await mountApp('/users/42', 'fr'));
    expect(card().text()).toContain('Aucun e-mail n’a encore été envoyé à cette personne.');
    expect(card().get('[data-action="send-email"]').text()).toBe('Envoyer un e-mail');
  });

  it('is not shown to someone who may not email users', async () => {
    stubGraphQL({
      Me: signedInAs(AGENT_VIEWER, { ...VIEWER_CAN.AGENT, emailUsers: false }),
      User: () => ({ data: { user: makeUser() } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.find('[data-messages]').exists()).toBe(false);
  });

  it('checks the dialog before sending, sends the subject and text, closes and shows the new message', async () => {
    let sent: OutboxMessageItemFragment[] = [];
    const calls: GraphQLCall[] = stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      UserMessages: ({ id }) => page(id, sent),
      SendUserEmail: ({ input }) => {
        const m = message({ id: '9', subject: input.subject, status: 'QUEUED', sentAt: null, attempts: 0 });
        sent = [m];
        return { data: { sendUserEmail: m } };
      },
    });
    ({ wrapper } = await mountApp('/users/42'));
    await card().get('[data-action="send-email"]').trigger('click');
    await flushPromises();
    const dialog = wrapper.get('dialog#send-email, dialog:has(#send-email-title)');
    expect(dialog.attributes('open')).toBeDefined();
    expect(wrapper.get('#send-email-intro').text()).toContain('grace@navy.example.org');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Subject').element);

    await dialog.get('button[type="submit"]').trigger('click');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Subject')).toBe('Enter a subject.');
    expect(errorNextTo(wrapper, 'Message')).toBe('Write a message.');
    await byLabel(wrapper, 'Subject').setValue('x'.repeat(201));
    await byLabel(wrapper, 'Message').setValue('Hello');
    await dialog.get('button[type="submit"]').trigger('click');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Subject')).toBe('A subject has at most 200 characters.');
    expect(callsOf(calls, 'SendUserEmail')).toEqual([]);

    await byLabel(wrapper, 'Subject').setValue('Your order');
    await byLabel(wrapper, 'Message').setValue('It has shipped.\nBest');
    await dialog.get('button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'SendUserEmail').map((c) => c.variables)).toEqual([
      { userId: '42', input: { subject: 'Your order', body: 'It has shipped.\nBest' } },
    ]);
    expect(dialog.attributes('open')).toBeUndefined();
    expect(rows()).toEqual([{ subject: 'Your order', status: 'QUEUED', reason: null }]);
  });

  it("shows the server's refusal next to the field it names", async () => {
    stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      SendUserEmail: () => graphQLError('Subject cannot contain control characters.', { code: 'BAD_USER_INPUT', field: 'subject' }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    await card().get('[data-action="send-email"]').trigger('click');
    await flushPromises();
    await byLabel(wrapper, 'Subject').setValue('Hi');
    await byLabel(wrapper, 'Message').setValue('Text');
    await wrapper.get('#send-email-title').element.closest('dialog')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await flushPromises();
    expect(errorNextTo(wrapper, 'Subject')).toBe('Subject cannot contain control characters.');
  });

  it('looks again while a message is QUEUED or SENDING, and stops once none is', async () => {
    const answers: OutboxStatus[] = ['QUEUED', 'SENDING', 'SENT'];
    let asked = 0;
    const calls = stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      UserMessages: ({ id }) => page(id, [message({ status: answers[Math.min(asked++, answers.length - 1)]! })]),
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    ({ wrapper } = await mountApp('/users/42'));
    expect(rows()[0]!.status).toBe('QUEUED');
    for (const expected of ['SENDING', 'SENT']) {
      vi.advanceTimersByTime(3000);
      await flushPromises();
      expect(rows()[0]!.status).toBe(expected);
    }
    const count = callsOf(calls, 'UserMessages').length;
    vi.advanceTimersByTime(10_000);
    await flushPromises();
    expect(callsOf(calls, 'UserMessages')).toHaveLength(count);
  });
});
