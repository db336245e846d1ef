import type { EntityManager } from 'typeorm';
import { duplicateKeyOf } from '../db/database.js';
import { insertOne } from '../db/inserts.js';
import { UserInputError } from '../graphql/errors.js';
import type { UserWarning } from './user.inputs.js';
import { User } from './user.entity.js';
import { Deliverability, IdentityType, UserIdentity } from './user-identity.entity.js';
import { msg } from '../i18n/message.js';
import { holderOf, type Holder } from './identity-holders.js';
import { displayPhone } from './phone-display.js';

/**
 * Shared phone numbers. A number belongs to one user (its `unique_value`);
 * added to another user it is kept there as shared (`shared`, no unique
 * value), and when its owner lets it go the oldest sharer holds it alone.
 * `users.phone` mirrors the primary phone. Runs inside the caller's
 * transaction, after the user's row is locked.
 */

/** Who holds numbers, as a batch knows them: read once for the batch's numbers (holdersOf), then kept up to date by its own inserts. */
export interface PhoneHolders {
  holders: Map<string, Holder | null>;
  /** Rows inserted at the end of the batch's transaction (a taken number then fails the batch, which runs again row by row). */
  identity(row: UserIdentity): void;
}

function phoneRow(userId: number, e164: string, shared: boolean, opts: { primary: boolean; verified?: boolean; now: Date }): UserIdentity {
  return Object.assign(new UserIdentity(), {
    userId,
    type: IdentityType.PHONE,
    value: e164,
    valueNormalized: e164,
    uniqueValue: shared ? null : e164,
    primary: opts.primary,
    verified: opts.verified ?? false,
    shared,
    deliverability: Deliverability.UNKNOWN,
    createdAt: opts.now,
    updatedAt: opts.now,
  });
}

/** Adds a phone identity. A number that another user already has is kept as a shared number and its owner is returned. */
export async function insertPhone(
  m: EntityManager,
  userId: number,
  e164: string,
  opts: { primary: boolean; verified?: boolean; now: Date; userName?: string },
  batch?: PhoneHolders,
): Promise<{ identity: UserIdentity; owner: Holder | null }> {
  const known = batch?.holders.has(e164);
  const owner = known ? batch!.holders.get(e164)! : await holderOf(m, IdentityType.PHONE, e164);
  if (owner?.id === userId) throw new UserInputError('phone', msg('users.numberAlreadyOnePerson'));
  if (known) {
    const identity = phoneRow(userId, e164, owner !== null, opts);
    batch!.identity(identity);
    if (!owner) batch!.holders.set(e164, { id: userId, name: opts.userName ?? 'another user' });
    return { identity, owner };
  }
  const insert = async (shared: boolean) => {
    const identity = phoneRow(userId, e164, shared, opts);
    identity.id = await insertOne(m, UserIdentity, identity);
    return identity;
  };
  if (owner) return { identity: await insert(true), owner };
  try {
    return { identity: await insert(false), owner: null };
  } catch (err) {
    // Someone took the number between the read and the write: keep it as shared, naming the winner.
    if (!duplicateKeyOf(err)) throw err;
    return { identity: await insert(true), owner: await holderOf(m, IdentityType.PHONE, e164, { lock: true }) };
  }
}

/** When the unique holder of a number lets it go, the oldest shared holder takes it over. */
async function releasePhone(m: EntityManager, e164: string): Promise<void> {
  const next = await m.findOne(UserIdentity, { where: { type: IdentityType.PHONE, valueNormalized: e164, shared: true }, order: { id: 'ASC' } });
  if (!next) return;
  try {
    await m.update(UserIdentity, { id: next.id }, { shared: false, uniqueValue: e164 });
  } catch (err) {
    // Someone else took the number meanwhile: the sharer keeps sharing it.
    if (!duplicateKeyOf(err)) throw err;
  }
}

/** Removes a phone identity; its number goes to the oldest sharer, and the next phone becomes primary. */
export async function removePhone(m: EntityManager, identity: UserIdentity): Promise<void> {
  await m.delete(UserIdentity, { id: identity.id });
  if (!identity.shared) await releasePhone(m, identity.valueNormalized);
  if (!identity.primary) return;
  const next = await m.findOne(UserIdentity, { where: { userId: identity.userId, type: IdentityType.PHONE }, order: { id: 'ASC' } });
  if (next) await m.update(UserIdentity, { id: next.id }, { primary: true });
  await m.update(User, { id: identity.userId }, { phone: next?.value ?? null });
}

/** Every phone of a user goes (their account is deleted): the numbers they held alone pass to sharers. */
export async function removeAllPhones(m: EntityManager, userId: number): Promise<void> {
  const held = await m.find(UserIdentity, { where: { userId, type: IdentityType.PHONE, shared: false } });
  await m.delete(UserIdentity, { userId, type: IdentityType.PHONE });
  for (const p of held) await releasePhone(m, p.valueNormalized);
}

/**
 * `phone` on an update: the primary phone becomes this number (or goes, for null, and the next one is primary).
 * Answers who else holds the number when it is added as a shared one (for SHARED_PHONE), else null.
 */
export async function setPrimaryPhone(m: EntityManager, userId: number, e164: string | null, now: Date): Promise<Holder | null> {
  const phones = await m.find(UserIdentity, { where: { userId, type: IdentityType.PHONE }, order: { id: 'ASC' } });
  const current = phones.find((p) => p.primary);
  if (current) {
    await m.delete(UserIdentity, { id: current.id });
    if (!current.shared) await releasePhone(m, current.valueNormalized);
  }
  if (e164 === null) {
    const next = phones.find((p) => !p.primary);
    if (next) {
      await m.update(UserIdentity, { id: next.id }, { primary: true, updatedAt: now });
      await m.update(User, { id: userId }, { phone: next.value });
    }
    return null;
  }
  const existing = phones.find((p) => p.valueNormalized === e164 && !p.primary);
  if (!existing) return (await insertPhone(m, userId, e164, { primary: true, now })).owner;
  await m.update(UserIdentity, { id: existing.id }, { primary: true, updatedAt: now });
  return null;
}

export function sharedPhoneWarning(field: string, e164: string, owner: Holder): UserWarning {
  return {
    code: 'SHARED_PHONE',
    field,
    existingUserId: String(owner.id),
    text: msg('users.sharedPhone', { phone: displayPhone(e164), name: owner.name }),
  };
}
