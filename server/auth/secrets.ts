import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random secrets (session ids, API tokens) and the hash that is all the database keeps of them. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** An HMAC-SHA256 of `data` under `key`, base64url: what signs the links Accueil mails (door/account-links.ts). */
export function signature(key: string, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64url');
}

/** Whether `sig` is `data`'s signature under `key`, compared in constant time. */
export function signatureMatches(key: string, data: string, sig: string): boolean {
  const expected = Buffer.from(signature(key, data));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
