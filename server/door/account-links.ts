import type { EntityManager } from 'typeorm';
import { forUpdate } from '../db/locks.js';
import { signature, signatureMatches } from '../auth/secrets.js';
import { insertOne } from '../db/inserts.js';
import { fromSqlDate } from '../db/sql.js';
import { AccountLinkEntity, type LinkPurpose } from './account-link.entity.js';

/** How long a link works. */
export const LINK_TTL_MS: Record<LinkPurpose, number> = { VERIFY: 3 * 24 * 3600_000, RESET: 2 * 3600_000, INVITE: 7 * 24 * 3600_000 };

export type LinkState = 'VALID' | 'EXPIRED' | 'USED' | 'INVALID';

export interface CheckedLink {
  state: LinkState;
  /** Set unless INVALID: the row the link names (signature checked). */
  link?: AccountLinkEntity;
}

const PURPOSES: readonly LinkPurpose[] = ['VERIFY', 'RESET', 'INVITE'];

/**
 * Links mailed to people (verify an address, reset a password, join the team): the token is
 * `<id>.<purpose>.<expiry in seconds>.<HMAC-SHA256 of those under the desk's
 * secret>`. The signature stops guessing and tampering (a changed id, purpose
 * or expiry is INVALID); the row makes it single-use (USED once followed) and
 * the expiry is checked against both.
 */
export async function issueLink(
  m: EntityManager,
  secret: string,
  user: { id: number },
  email: string,
  purpose: LinkPurpose,
  now = new Date(),
): Promise<string> {
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]);
  const id = await insertOne(m, AccountLinkEntity, { userId: user.id, purpose, email, expiresAt, usedAt: null, createdAt: now });
  const body = `${id}.${purpose}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${signature(secret, body)}`;
}

function parse(token: string, secret: string): { id: number; purpose: LinkPurpose } | null {
  const m = /^(\d{1,10})\.(VERIFY|RESET|INVITE)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!m || !signatureMatches(secret, `${m[1]}.${m[2]}.${m[3]}`, m[4])) return null;
  if (!PURPOSES.includes(m[2] as LinkPurpose)) return null;
  return { id: Number(m[1]), purpose: m[2] as LinkPurpose };
}

/** What a link is worth now; `lock` reads its row FOR UPDATE (inside the transaction that uses it). */
export async function checkLink(m: EntityManager, secret: string, token: unknown, opts: { lock?: boolean; now?: Date } = {}): Promise<CheckedLink> {
  const parsed = typeof token === 'string' && token.length < 200 ? parse(token, secret) : null;
  if (!parsed) return { state: 'INVALID' };
  let qb = m.createQueryBuilder(AccountLinkEntity, 'l').where('l.id = :id', { id: parsed.id });
  if (opts.lock) qb = forUpdate(qb);
  const link = await qb.getOne();
  if (!link || link.purpose !== parsed.purpose) return { state: 'INVALID' };
  if (link.usedAt) return { state: 'USED', link };
  if (fromSqlDate(link.expiresAt).getTime() <= (opts.now ?? new Date()).getTime()) return { state: 'EXPIRED', link };
  return { state: 'VALID', link };
}

/** Voids the links of a purpose (or of several) that `userId` has not followed yet (a newer one replaces them). */
export async function voidLinks(m: EntityManager, userId: number, purpose: LinkPurpose | readonly LinkPurpose[], now = new Date()): Promise<void> {
  const purposes = typeof purpose === 'string' ? [purpose] : [...purpose];
  await m
    .createQueryBuilder()
    .update(AccountLinkEntity)
    .set({ usedAt: now })
    .where('user_id = :userId AND purpose IN (:...purposes) AND used_at IS NULL', { userId, purposes })
    .execute();
}

/**
 * Every link that sets a password when followed: a reset, an address's verification (which asks for a password
 * too) and an invitation. A password set or changed voids the unused ones (users/user-credentials.ts), so an old
 * mail cannot undo it.
 */
export const PASSWORD_LINKS: readonly LinkPurpose[] = ['RESET', 'VERIFY', 'INVITE'];

/** Marks a link used (call with its row locked). */
export async function useLink(m: EntityManager, link: AccountLinkEntity, now = new Date()): Promise<void> {
  await m.update(AccountLinkEntity, { id: link.id }, { usedAt: now });
}
