import { createHash, randomBytes } from 'node:crypto';

/** Random secrets (session ids, API tokens) and the hash that is all the database keeps of them. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
