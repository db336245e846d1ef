import { createHmac, randomBytes } from 'node:crypto';

/**
 * The signature of a delivery: HMAC-SHA256 of "<timestamp>.<body>" with the
 * endpoint's secret, in hex, sent as `X-Accueil-Signature: sha256=<hex>` next
 * to `X-Accueil-Timestamp` (unix seconds). The timestamp is part of what is
 * signed, so a receiver that refuses old timestamps refuses replays (see the
 * README's "Webhooks" section for a receiver's check).
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A new endpoint's secret when the admin gives none. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** What the API shows of a secret: its last four characters. */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}
