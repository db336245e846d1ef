import type { OutboxMessage } from '../outbox/outbox-message.entity.js';
import type { Deliverer, DeliveryResult } from '../outbox/outbox-worker.js';
import { TEST_EVENT, type WebhookEvent } from './webhook-event.js';
import { postJson } from './webhook-post.js';
import { webhookSignature } from './webhook-signature.js';
import type { HostResolver } from './webhook-url.js';
import { eventsOf, type WebhookService } from './webhook.service.js';

/** The JSON a receiver gets: `{ id, event, createdAt, data }`. */
export function deliveryBody(message: Pick<OutboxMessage, 'id' | 'kind' | 'createdAt' | 'payload'>): string {
  return JSON.stringify({
    id: String(message.id),
    event: message.kind,
    createdAt: message.createdAt.toISOString(),
    data: message.payload === null ? null : (JSON.parse(message.payload) as unknown),
  });
}

/**
 * The deliverer of channel WEBHOOK: POSTs the event to the webhook's current
 * URL, signed with its current secret (a changed URL or secret applies to
 * deliveries still queued). 2xx: sent. 5xx, 429, a timeout or no connection:
 * temporary, retried by the worker with backoff. Any other answer (4xx, a
 * redirect, which is never followed) and an address that is (now) private:
 * final. A deleted webhook, or one that no longer takes the event: skipped.
 */
export function webhookDeliverer(
  webhooks: WebhookService,
  opts: { timeoutMs: number; allowPrivate: boolean; resolve: HostResolver; retryDelaysMs: number[] },
): Deliverer {
  return {
    retryDelaysMs: opts.retryDelaysMs,
    async deliver(message: OutboxMessage): Promise<DeliveryResult> {
      const hook = message.webhookId === null ? null : await webhooks.findStored(message.webhookId);
      if (!hook) return { skip: 'The webhook was deleted.' };
      if (message.kind !== TEST_EVENT && !eventsOf(hook).includes(message.kind as WebhookEvent)) {
        return { skip: `The webhook no longer takes ${message.kind}.` };
      }
      const body = deliveryBody(message);
      const timestamp = Math.floor(Date.now() / 1000);
      const result = await postJson(
        hook.url,
        body,
        {
          'x-accueil-event': message.kind,
          'x-accueil-delivery': String(message.id),
          'x-accueil-timestamp': String(timestamp),
          'x-accueil-signature': webhookSignature(hook.secret, timestamp, body),
        },
        opts,
      );
      if (result.kind === 'refused') return { ok: false, temporary: false, response: result.reason };
      if (result.kind === 'error') return { ok: false, temporary: true, response: result.reason };
      const response = `HTTP ${result.status}${result.body ? `: ${result.body}` : ''}`;
      if (result.status >= 200 && result.status < 300) return { ok: true, response };
      const temporary = result.status >= 500 || result.status === 429;
      return { ok: false, temporary, response: result.status >= 300 && result.status < 400 ? `${response} (redirects are not followed)` : response };
    },
  };
}
