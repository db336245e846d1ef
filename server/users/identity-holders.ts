import type { EntityManager } from 'typeorm';
import { forShare } from '../db/locks.js';
import { User } from './user.entity.js';
import { IdentityType, UserIdentity } from './user-identity.entity.js';

/** The account that holds an address. */
export interface Holder {
  id: number;
  name: string;
}

/**
 * Who holds an email address or a phone number: the account with its unique
 * key (`unique_value`; an end user's unverified claim and a shared number hold
 * none). The one answer to "is this address another account's?" for every
 * path that adds one: createUser, updateUser, addUserIdentity, the batches and
 * imports (holdersOf), the contacts of tickets, and the errors that name the
 * owner (EMAIL_TAKEN, SHARED_PHONE). What follows differs by type: an email
 * is refused (the unique index decides), a number is kept as a shared one.
 * `lock`: a locking read (FOR SHARE on MySQL), which waits for a holder being
 * written at the same time and sees the latest committed one.
 */
export async function holderOf(m: EntityManager, type: IdentityType, value: string, opts: { lock?: boolean } = {}): Promise<Holder | null> {
  const qb = m
    .createQueryBuilder(UserIdentity, 'i')
    .innerJoin(User, 'u', 'u.id = i.user_id')
    .select(['u.id AS id', 'u.name AS name'])
    .where('i.type = :type AND i.unique_value = :value', { type, value });
  const row = await (opts.lock ? forShare(qb) : qb).getRawOne<{ id: unknown; name: unknown }>();
  return row ? { id: Number(row.id), name: String(row.name) } : null;
}

/** holderOf for many values of one type (a batch), a query per 500: every value, null where nobody holds it. */
export async function holdersOf(m: EntityManager, type: IdentityType, values: readonly string[]): Promise<Map<string, Holder | null>> {
  const out = new Map<string, Holder | null>(values.map((v) => [v, null]));
  for (let i = 0; i < values.length; i += 500) {
    const part = values.slice(i, i + 500);
    const rows: { id: unknown; name: unknown; v: unknown }[] = await m.query(
      `SELECT u.id, u.name, i.unique_value AS v FROM user_identities i JOIN users u ON u.id = i.user_id
       WHERE i.type = ? AND i.unique_value IN (${part.map(() => '?').join(', ')})`,
      [type, ...part],
    );
    for (const r of rows) out.set(String(r.v), { id: Number(r.id), name: String(r.name) });
  }
  return out;
}
