import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebhookDeliveryDetailsFragment, WebhookDetailsFragment } from '../../client/src/graphql/generated/graphql';
import {
  AGENT_VIEWER,
  byLabel,
  cancelDialog,
  callsOf,
  errorNextTo,
  graphQLError,
  mountApp,
  openConfirm,
  signedInAs,
  stubConfirm,
  stubGraphQL,
  type Handler,
} from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function hook(overrides: Partial<WebhookDetailsFragment> = {}): WebhookDetailsFragment {
  return {
    id: '1',
    url: 'https://crm.partner.io/hooks/accueil',
    events: ['USER_CREATED', 'USER_UPDATED'],
    secretHint: '…a1b2',
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDeliveryDetailsFragment> = {}): WebhookDeliveryDetailsFragment {
  return {
    id: '41',
    event: 'USER_CREATED',
    status: 'SENT',
    attempts: 1,
    responseStatus: 200,
    lastResponse: 'HTTP 200: ok',
    reason: null,
    createdAt: '2025-01-03T10:00:00.000Z',
    sentAt: '2025-01-03T10:00:01.000Z',
    nextAttemptAt: null,
    ...overrides,
  };
}

const SECRET = 'whsec_only-shown-once-0123456789';

function serve(
  handlers: {
    create?: Handler<'CreateWebhook'>;
    update?: Handler<'UpdateWebhook'>;
    /** A refusal, or nothing to delete as usual. */
    delete?: () => ReturnType<Handler<'DeleteWebhook'>> | undefined;
  } = {},
) {
  let hooks = [hook()];
  return stubGraphQL({
    Webhooks: () => ({ data: { webhooks: hooks } }),
    CreateWebhook: (variables) => {
      if (handlers.create) return handlers.create(variables);
      const created = hook({ id: '2', url: variables.input.url, events: variables.input.events, secretHint: `…${SECRET.slice(-4)}` });
      hooks = [...hooks, created];
      return { data: { createWebhook: { webhook: created, secret: SECRET } } };
    },
    UpdateWebhook: (variables) => {
      if (handlers.update) return handlers.update(variables);
      const updated = hook({
        ...hooks.find((h) => h.id === variables.id)!,
        ...variables.input,
        secretHint: variables.input.secret ? '…9999' : '…a1b2',
      } as Partial<WebhookDetailsFragment>);
      hooks = hooks.map((h) => (h.id === updated.id ? updated : h));
      return { data: { updateWebhook: updated } };
    },
    DeleteWebhook: (variables) => {
      const refusal = handlers.delete?.();
      if (refusal) return refusal;
      hooks = hooks.filter((h) => h.id !== variables.id);
      return { data: { deleteWebhook: true } };
    },
    TestWebhook: () => ({
      data: {
        testWebhook: delivery({ id: '42', event: 'TEST', status: 'QUEUED', attempts: 0, responseStatus: null, lastResponse: null, sentAt: null }),
      },
    }),
    WebhookDeliveries: ({ id }) => ({
      data: {
        webhook: {
          id,
          deliveries: {
            totalCount: 2,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: [
              {
                cursor: 'c2',
                node: delivery({
                  id: '40',
                  event: 'USER_UPDATED',
                  status: 'FAILED',
                  responseStatus: 410,
                  lastResponse: 'HTTP 410: gone',
                  sentAt: null,
                }),
              },
              { cursor: 'c1', node: delivery() },
            ],
          },
        },
      },
    }),
  });
}

const dialog = () => wrapper.get('dialog[open]');

async function openAdd(): Promise<void> {
  await wrapper.get('[data-action="add-webhook"]').trigger('click');
  await flushPromises();
}

async function submitDialog(): Promise<void> {
  await dialog().get('form').trigger('submit');
  await flushPromises();
}

describe('Webhooks page', () => {
  it('lists webhooks with URL, events and the secret hint only, and sits in the sidebar for admins', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/webhooks'));
    expect(wrapper.get('h1').text()).toBe('Webhooks');
    expect(wrapper.find('a[href="/settings/webhooks"]').exists()).toBe(true);
    const row = wrapper.get('tr[data-webhook-id="1"]');
    expect(row.get('[data-column="url"]').text()).toBe('https://crm.partner.io/hooks/accueil');
    expect(
      row
        .get('[data-column="events"]')
        .findAll('code')
        .map((c) => c.text()),
    ).toEqual(['USER_CREATED', 'USER_UPDATED']);
    expect(row.get('[data-column="secret"]').text()).toBe('…a1b2');
  });

  it('is neither in the sidebar nor open to an agent', async () => {
    stubGraphQL({ Me: signedInAs(AGENT_VIEWER) });
    ({ wrapper } = await mountApp('/settings/webhooks'));
    expect(wrapper.find('a[href="/settings/webhooks"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Only admins can manage webhooks.');
  });

  it('the dialog asks for a URL and at least one event before sending', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/webhooks'));
    await openAdd();
    expect(dialog().get('h2').text()).toBe('Add a webhook');
    for (const event of ['USER_CREATED', 'USER_DELETED', 'TICKET_CREATED', 'ORGANIZATION_DELETED']) {
      expect(byLabel(wrapper, event).attributes('type')).toBe('checkbox');
    }
    expect(byLabel(wrapper, 'Signing secret').attributes('type')).toBe('password');
    await submitDialog();
    expect(callsOf(calls, 'CreateWebhook')).toHaveLength(0);
    expect(errorNextTo(wrapper, 'URL')).toBe('Enter the URL.');
    expect(wrapper.get('#webhook-events-error').text()).toBe('Choose at least one event.');
  });

  it('creates a webhook (events in the schema order, no secret: the server makes one) and shows its secret once', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/webhooks'));
    await openAdd();
    await byLabel(wrapper, 'URL').setValue('  https://new.partner.io/hook ');
    await byLabel(wrapper, 'TICKET_CREATED').setValue(true);
    await byLabel(wrapper, 'USER_DELETED').setValue(true);
    await submitDialog();
    expect(callsOf(calls, 'CreateWebhook').map((c) => c.variables)).toEqual([
      { input: { url: 'https://new.partner.io/hook', events: ['USER_DELETED', 'TICKET_CREATED'], secret: null } },
    ]);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    const box = wrapper.get('[data-secret-box]');
    expect(box.get('[data-secret]').text()).toBe(SECRET);
    expect(box.text()).toContain("You won't be able to see it again.");
    expect(wrapper.get('tr[data-webhook-id="2"]').text()).toContain('…6789');
    await box
      .findAll('button')
      .find((b) => b.text() === 'Done')!
      .trigger('click');
    expect(wrapper.html()).not.toContain(SECRET);
  });

  it("puts the server's refusal of a private address next to the URL", async () => {
    serve({
      create: () =>
        graphQLError('Accueil cannot send webhooks to 127.0.0.1: it is a loopback address 127.0.0.1.', { code: 'BAD_USER_INPUT', field: 'url' }),
    });
    ({ wrapper } = await mountApp('/settings/webhooks'));
    await openAdd();
    await byLabel(wrapper, 'URL').setValue('http://127.0.0.1/hook');
    await byLabel(wrapper, 'USER_CREATED').setValue(true);
    await submitDialog();
    expect(errorNextTo(wrapper, 'URL')).toBe('Accueil cannot send webhooks to 127.0.0.1: it is a loopback address 127.0.0.1.');
    expect(wrapper.find('dialog[open]').exists()).toBe(true);
    expect(wrapper.find('[data-secret-box]').exists()).toBe(false);
  });

  it('edits a webhook: the form starts from it, an empty secret keeps the old one, a new one is sent', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/webhooks'));
    await wrapper.get('button[aria-label="Edit the webhook for https://crm.partner.io/hooks/accueil"]').trigger('click');
    await flushPromises();
    expect(dialog().get('h2').text()).toBe('Edit webhook');
    expect((byLabel(wrapper, 'URL').element as HTMLInputElement).value).toBe('https://crm.partner.io/hooks/accueil');
    expect((byLabel(wrapper, 'USER_UPDATED').element as HTMLInputElement).checked).toBe(true);
    expect((byLabel(wrapper, 'USER_DELETED').element as HTMLInputElement).checked).toBe(false);
    expect(dialog().text()).toContain('The current one ends with …a1b2. Leave empty to keep it.');
    await byLabel(wrapper, 'USER_UPDATED').setValue(false);
    await submitDialog();
    expect(callsOf(calls, 'UpdateWebhook').at(-1)!.variables).toEqual({
      id: '1',
      input: { url: 'https://crm.partner.io/hooks/accueil', events: ['USER_CREATED'] },
    });
    expect(wrapper.text()).toContain('Webhook saved.');

    await wrapper.get('button[aria-label="Edit the webhook for https://crm.partner.io/hooks/accueil"]').trigger('click');
    await flushPromises();
    await byLabel(wrapper, 'Signing secret').setValue('a-brand-new-secret-9999');
    await submitDialog();
    expect(callsOf(calls, 'UpdateWebhook').at(-1)!.variables).toMatchObject({ input: { secret: 'a-brand-new-secret-9999' } });
    expect(wrapper.get('tr[data-webhook-id="1"] [data-column="secret"]').text()).toBe('…9999');
    expect(wrapper.find('[data-secret-box]').exists()).toBe(false);
  });

  it('sends a test and opens the delivery log: status, tries, last answer', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/webhooks'));
    await wrapper.get('tr[data-webhook-id="1"] [data-action="test"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'TestWebhook').map((c) => c.variables)).toEqual([{ id: '1' }]);
    expect(wrapper.text()).toContain('Test event #42 queued.');
    const log = wrapper.get('[data-deliveries]');
    expect(callsOf(calls, 'WebhookDeliveries').at(-1)!.variables).toMatchObject({ id: '1', after: null });
    const rows = log.findAll('tbody tr');
    expect(rows.map((r) => r.get('[data-status]').text())).toEqual(['Failed', 'Sent']);
    expect(rows.map((r) => r.get('[data-column="answer"]').text())).toEqual(['HTTP 410: gone', 'HTTP 200: ok']);
  });

  it('deletes a webhook after asking in the app’s dialog, keeps it when cancelled, and shows a refusal there', async () => {
    const confirm = stubConfirm(true);
    let refuse = true;
    const calls = serve({
      delete: () => (refuse ? { errors: [{ message: 'Only admins manage webhooks.', extensions: { code: 'FORBIDDEN' } }] } : undefined),
    });
    ({ wrapper } = await mountApp('/settings/webhooks'));
    const ask = () => openConfirm(wrapper, 'delete-webhook');
    await wrapper.get('tr[data-webhook-id="1"] [data-action="delete"]').trigger('click');
    await flushPromises();
    expect(ask().get('h2').text()).toBe('Delete the webhook for https://crm.partner.io/hooks/accueil?');
    expect(ask().text()).toContain('Events waiting for it are not sent.');
    expect(ask().get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    await cancelDialog(wrapper);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(callsOf(calls, 'DeleteWebhook')).toHaveLength(0);

    await wrapper.get('tr[data-webhook-id="1"] [data-action="delete"]').trigger('click');
    await flushPromises();
    await ask().trigger('submit');
    await flushPromises();
    expect(ask().get('.notice').text()).toBe('You are not allowed to do this.');
    expect(wrapper.find('tr[data-webhook-id="1"]').exists()).toBe(true);
    refuse = false;
    await ask().trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'DeleteWebhook').map((c) => c.variables)).toEqual([{ id: '1' }, { id: '1' }]);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(wrapper.find('tr[data-webhook-id="1"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Webhook deleted.');
    expect(wrapper.text()).toContain('No webhooks yet');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('speaks French', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/webhooks', 'fr'));
    expect(wrapper.get('[data-action="add-webhook"]').text()).toBe('Ajouter un webhook');
    await openAdd();
    expect(dialog().get('h2').text()).toBe('Ajouter un webhook');
    expect(byLabel(wrapper, 'Secret de signature').attributes('type')).toBe('password');
  });
});
