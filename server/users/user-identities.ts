import { Not, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { insertOne } from '../db/inserts.js';
import { forUpdateSql } from '../db/locks.js';
import { EmailTakenError, NotFoundError, textOf, UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { change, type AuditService } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import type { ParsedEmail } from './email-address.js';
import type { DomainChecker } from './domain-check.js';
import { checkedEmail, emailWarnings } from './email-deliverability.js';
import { normalizePhone } from './profile-rules.js';
import { recordVersion, versionsOf } from '../versions/record-versions.js';
import { lockUser, type UserReads } from './user-reads.js';
import { insertPhone, removeAllPhones, removePhone, sharedPhoneWarning } from './user-phones.js';
import type { UserWarning } from './user.inputs.js';
import { Role, User } from './user.entity.js';
import { Deliverability, IdentityType, UserIdentity } from './user-identity.entity.js';
import type { UserChangeListeners } from './user-change-listeners.js';
import { msg } from '../i18n/message.js';
import { holderOf } from './identity-holders.js';

export interface IdentityDeps {
  audit: AuditService;
  reads: UserReads;
  changes: UserChangeListeners;
  domainChecker?: DomainChecker;
  /** EMAIL_DOMAIN_CHECK=block: refuse addresses whose domain has no mail server. */
  blockNoMailDomain?: boolean;
  defaultPhoneCountry?: string;
}

const ALREADY_OWN = msg('email.alreadyOwn');

/**
 * Emails and phone numbers of a user, and who owns an address. An email is
 * owned by one account (its `unique_value`), except an end user's own
 * unverified claim: an address an end user adds to their account without
 * proving it is kept, not unique, never used to sign in, and dropped when
 * the address's owner gets it (staff add it or create an account with it,
 * or the claim is verified). Each change locks the user's row first, then
 * reads what it changes, so concurrent changes of one user take turns.
 */
export class UserIdentities {
  constructor(
    private readonly db: Database,
    private readonly deps: IdentityDeps,
  ) {}

  /** Parses an address (BAD_USER_INPUT on `field`) with the domain check's verdict. */
  checkedEmail(value: unknown, field = 'email'): Promise<ParsedEmail> {
    return checkedEmail(value, field, this.deps.domainChecker, this.deps.blockNoMailDomain);
  }

  /** EMAIL_TAKEN naming the owner of an address (or "already theirs" for `selfId`), for a refused write. */
  async taken(normalized: string, field: string, selfId?: number): Promise<Error> {
    const owner = await holderOf(this.db.manager, IdentityType.EMAIL, normalized);
    if (owner && owner.id === selfId) return new UserInputError(field, ALREADY_OWN);
    return new EmailTakenError(owner ?? { id: 0, name: 'another user' }, field);
  }

  // ---- Inside the accounts' transactions ----

  /** Inserts an email the user owns (unique; another user's claim on it is dropped). */
  async insertOwnedEmail(
    m: EntityManager,
    userId: number,
    email: ParsedEmail,
    opts: { primary: boolean; verified: boolean; claimsLater?: boolean; deferTo?: { identity(row: UserIdentity): void } },
    actor: Actor,
    now: Date,
  ): Promise<UserIdentity> {
    const identity: UserIdentity = Object.assign(new UserIdentity(), {
      userId,
      type: IdentityType.EMAIL,
      value: email.address,
      valueNormalized: email.normalized,
      uniqueValue: email.normalized,
      primary: opts.primary,
      verified: opts.verified,
      shared: false,
      deliverability: email.deliverability as Deliverability,
      createdAt: now,
      updatedAt: now,
    });
    if (opts.deferTo) opts.deferTo.identity(identity);
    else identity.id = await insertOne(m, UserIdentity, identity);
    // A batch drops the claims on all of its new addresses at once, before it commits (dropClaimsOfMany).
    if (!opts.claimsLater) await this.dropClaims(m, email.normalized, userId, actor, now);
    return identity;
  }

  /** `email` on an update: one of the user's addresses becomes the primary one, or the primary address changes. */
  async setPrimaryEmail(m: EntityManager, userId: number, email: ParsedEmail, verified: boolean | undefined, actor: Actor, now: Date): Promise<void> {
    const current = await m.findOneBy(UserIdentity, { userId, type: IdentityType.EMAIL, primary: true });
    const sameAddress = current?.valueNormalized === email.normalized;
    const own = sameAddress ? null : await m.findOneBy(UserIdentity, { userId, type: IdentityType.EMAIL, valueNormalized: email.normalized });
    if (own) {
      // The old primary stays as a secondary address.
      if (current) await m.update(UserIdentity, { id: current.id }, { primary: false, updatedAt: now });
      await m.update(
        UserIdentity,
        { id: own.id },
        { primary: true, value: email.address, uniqueValue: email.normalized, ...(verified !== undefined ? { verified } : {}), updatedAt: now },
      );
      // The account is verified when its primary email is.
      if (verified === undefined) await m.update(User, { id: userId }, { verified: own.verified });
    } else {
      const set = {
        value: email.address,
        valueNormalized: email.normalized,
        uniqueValue: email.normalized,
        deliverability: email.deliverability as Deliverability,
        // A new address has not been verified yet, unless the same change says so.
        verified: verified ?? (sameAddress ? current!.verified : false),
        updatedAt: now,
      };
      if (!sameAddress && verified === undefined) await m.update(User, { id: userId }, { verified: false });
      if (current) await m.update(UserIdentity, { id: current.id }, set);
      else await insertOne(m, UserIdentity, { ...set, userId, type: IdentityType.EMAIL, primary: true, shared: false, createdAt: now });
    }
    if (!sameAddress) await this.dropClaims(m, email.normalized, userId, actor, now);
  }

  /** dropClaims for many new owners in one locking read (a batch, after its rows are written). */
  async dropClaimsOfMany(m: EntityManager, owned: readonly { normalized: string; ownerId: number }[], actor: Actor, now: Date): Promise<void> {
    const mysql = forUpdateSql(m) !== '';
    for (let i = 0; i < owned.length; i += 500) {
      const part = owned.slice(i, i + 500);
      const rows: { value_normalized: unknown }[] = await m.query(
        `SELECT DISTINCT value_normalized FROM user_identities${mysql ? ' USE INDEX (ix_user_identities_type_value)' : ''}
         WHERE type = 'EMAIL' AND value_normalized IN (${part.map(() => '?').join(', ')}) AND unique_value IS NULL${forUpdateSql(m)}`,
        part.map((o) => o.normalized),
      );
      const claimed = new Set(rows.map((r) => String(r.value_normalized)));
      for (const o of part) if (claimed.has(o.normalized)) await this.dropClaims(m, o.normalized, o.ownerId, actor, now);
    }
  }

  /** Other users' unverified claims on an address its owner now has go, each with a line in the claimant's history. */
  private async dropClaims(m: EntityManager, normalized: string, ownerId: number, actor: Actor, now: Date): Promise<void> {
    // After the owner's row is written, a locking read: it waits for a claim being made at the same
    // time and sees every committed one. Plain SQL, as createUser runs it for every new account; MySQL
    // is told the index, else it reads the unique index and locks every claim.
    const mysql = forUpdateSql(m) !== '';
    const rows: { id: unknown; user_id: unknown; value: unknown }[] = await m.query(
      `SELECT id, user_id, value FROM user_identities${mysql ? ' USE INDEX (ix_user_identities_type_value)' : ''}
       WHERE type = 'EMAIL' AND value_normalized = ? AND unique_value IS NULL AND user_id <> ?${forUpdateSql(m)}`,
      [normalized, ownerId],
    );
    const claims = rows.map((r) => ({ id: Number(r.id), userId: Number(r.user_id), value: String(r.value) }));
    for (const claim of claims) {
      await m.delete(UserIdentity, { id: claim.id });
      await m.update(User, { id: claim.userId }, { updatedAt: now });
      await this.deps.audit.record(m, claim.userId, 'UPDATED', actor, [change('emails', claim.value, null)], now);
      await this.deps.changes.changed(m, [claim.userId], 'UPDATED', now);
    }
  }

  /** An unverified claim (or a shared number) becomes the address of its user alone. */
  private async own(m: EntityManager, identity: UserIdentity, actor: Actor, now: Date): Promise<void> {
    if (identity.type !== IdentityType.EMAIL || identity.uniqueValue !== null) return;
    await m.update(UserIdentity, { id: identity.id }, { uniqueValue: identity.valueNormalized, updatedAt: now });
    await this.dropClaims(m, identity.valueNormalized, identity.userId, actor, now);
  }

  // ---- Changes of one identity ----

  /**
   * Adds an email or phone number. An email someone owns is EMAIL_TAKEN; a phone someone has becomes a shared number.
   * `unless`, here and in the changes below: a check of the account as locked (it throws to refuse), as for updateUser.
   */
  async add(
    target: User,
    input: { type: IdentityType; value: string; verified?: boolean | null },
    actor: Actor,
    unless?: (locked: User) => void,
  ): Promise<{ identity: UserIdentity; warnings: UserWarning[] }> {
    const now = new Date();
    if (input.type === IdentityType.EMAIL) {
      const email = await this.checkedEmail(input.value, 'value');
      try {
        return await this.change(target.id, actor, now, unless, async (m, user) => {
          const identity = await this.addEmail(m, user, email, input.verified ?? false, actor, now);
          return {
            result: { identity, warnings: emailWarnings(email).map((w) => ({ ...w, field: 'value' })) },
            changed: [change('emails', null, email.address)],
          };
        });
      } catch (err) {
        if (duplicateKeyOf(err)) throw await this.taken(email.normalized, 'value', target.id);
        throw err;
      }
    }
    const number = this.phoneOrThrow(input.value);
    return this.change(target.id, actor, now, unless, async (m) => {
      const hasPrimary = await m.existsBy(UserIdentity, { userId: target.id, type: IdentityType.PHONE, primary: true });
      const added = await insertPhone(m, target.id, number, { primary: !hasPrimary, verified: input.verified ?? false, now }).catch((err) => {
        throw err instanceof UserInputError ? new UserInputError('value', textOf(err)) : err;
      });
      if (!hasPrimary) await m.update(User, { id: target.id }, { phone: number });
      const warnings = added.owner ? [sharedPhoneWarning('value', number, added.owner)] : [];
      return { result: { identity: added.identity, warnings }, changed: [change('phones', null, number)] };
    });
  }

  private async addEmail(m: EntityManager, user: User, email: ParsedEmail, verified: boolean, actor: Actor, now: Date): Promise<UserIdentity> {
    const mine = await m.findOneBy(UserIdentity, { userId: user.id, type: IdentityType.EMAIL, valueNormalized: email.normalized });
    // An end user's own unverified address is a claim: it reserves nothing.
    const claim = !verified && user.role === Role.END_USER && actor.userId === user.id;
    if (mine && (claim || mine.uniqueValue !== null)) throw new UserInputError('value', ALREADY_OWN);
    if (mine) {
      // Staff add what the person had only claimed: it becomes theirs.
      await this.own(m, mine, actor, now);
      if (verified) await m.update(UserIdentity, { id: mine.id }, { verified: true });
      return Object.assign(mine, { uniqueValue: email.normalized, verified: mine.verified || verified });
    }
    if (!claim) return this.insertOwnedEmail(m, user.id, email, { primary: false, verified }, actor, now);
    const identity = Object.assign(new UserIdentity(), {
      userId: user.id,
      type: IdentityType.EMAIL,
      value: email.address,
      valueNormalized: email.normalized,
      uniqueValue: null,
      primary: false,
      verified: false,
      shared: false,
      deliverability: email.deliverability as Deliverability,
      createdAt: now,
      updatedAt: now,
    });
    identity.id = await insertOne(m, UserIdentity, identity);
    // The claim first, then a locking read of the owner: an owner added at the same time either
    // shows here (this claim is refused) or finds the claim when it looks for claims, and drops it.
    if (await holderOf(m, IdentityType.EMAIL, email.normalized, { lock: true })) throw await this.taken(email.normalized, 'value', user.id);
    return identity;
  }

  /** Removes an email or phone number; never the primary email (make another one primary first). */
  async remove(identity: UserIdentity, actor: Actor, unless?: (locked: User) => void): Promise<void> {
    await this.changeIdentity(identity, actor, unless, async (m, current) => {
      if (current.type === IdentityType.EMAIL && current.primary) {
        throw new UserInputError('id', msg('users.primaryEmailMakeAnother'));
      }
      if (current.type === IdentityType.PHONE) await removePhone(m, current);
      else await m.delete(UserIdentity, { id: current.id });
      return [change(current.type === IdentityType.EMAIL ? 'emails' : 'phones', current.value, null)];
    });
  }

  /** Makes an email or phone number the primary one of its type (an email becomes its user's alone). */
  async makePrimary(identity: UserIdentity, actor: Actor, unless?: (locked: User) => void): Promise<void> {
    await this.changeIdentity(identity, actor, unless, async (m, current, now) => {
      if (current.primary) return [];
      const old = await m.findOneBy(UserIdentity, { userId: current.userId, type: current.type, primary: true });
      if (old) await m.update(UserIdentity, { id: old.id }, { primary: false, updatedAt: now });
      await m.update(UserIdentity, { id: current.id }, { primary: true, updatedAt: now });
      if (current.type === IdentityType.PHONE) await m.update(User, { id: current.userId }, { phone: current.value });
      else {
        await this.own(m, current, actor, now);
        // The account is verified when its primary email is.
        await m.update(User, { id: current.userId }, { verified: current.verified });
      }
      return [change(current.type === IdentityType.EMAIL ? 'email' : 'phone', old?.value ?? null, current.value)];
    });
  }

  /** Marks an address verified (staff); a verified email is its user's alone. */
  async verify(identity: UserIdentity, actor: Actor, unless?: (locked: User) => void): Promise<UserIdentity> {
    let verified = identity;
    await this.changeIdentity(identity, actor, unless, async (m, current, now) => {
      verified = Object.assign(new UserIdentity(), current, { verified: true });
      if (current.verified && (current.type !== IdentityType.EMAIL || current.uniqueValue !== null)) return [];
      await m.update(UserIdentity, { id: current.id }, { verified: true, updatedAt: now });
      await this.own(m, current, actor, now);
      if (current.primary && current.type === IdentityType.EMAIL) await m.update(User, { id: current.userId }, { verified: true });
      return [change('verifiedIdentity', null, current.value)];
    });
    return verified;
  }

  /**
   * A mailed link proved that the user reads `normalized` (door/): inside the
   * caller's transaction, under the user's lock, the address becomes verified
   * and the user's own (a claim stops being one), the account verified when
   * it is the primary email. False when the user or the address is gone.
   */
  async verifyAddressIn(m: EntityManager, userId: number, normalized: string, actor: Actor, now: Date): Promise<boolean> {
    if (!(await lockUser(m, userId))) return false;
    const current = await m.findOneBy(UserIdentity, { userId, type: IdentityType.EMAIL, valueNormalized: normalized });
    if (!current) return false;
    if (current.verified && current.uniqueValue !== null) return true;
    await m.update(UserIdentity, { id: current.id }, { verified: true, updatedAt: now });
    await this.own(m, current, actor, now);
    if (current.primary) await m.update(User, { id: userId }, { verified: true, updatedAt: now });
    await this.deps.audit.record(m, userId, 'UPDATED', actor, [change('verifiedIdentity', null, current.value)], now);
    await this.deps.changes.changed(m, [userId], 'UPDATED', now);
    return true;
  }

  /** Runs a change of one of a user's identities, read again under the user's lock (NOT_FOUND when it went meanwhile). */
  private async changeIdentity(
    identity: UserIdentity,
    actor: Actor,
    unless: ((locked: User) => void) | undefined,
    work: (m: EntityManager, current: UserIdentity, now: Date) => Promise<FieldChange[]>,
  ): Promise<void> {
    const now = new Date();
    try {
      await this.change(identity.userId, actor, now, unless, async (m) => {
        const current = await m.findOneBy(UserIdentity, { id: identity.id, userId: identity.userId });
        if (!current) throw new NotFoundError(msg('notFound.identity', { id: identity.id }));
        return { result: undefined, changed: await work(m, current, now) };
      });
    } catch (err) {
      if (duplicateKeyOf(err)) throw await this.taken(identity.valueNormalized, 'id', identity.userId);
      throw err;
    }
  }

  /** A transaction on one user: locks their row, checks it (`unless`), runs `work`, and records what changed (if anything) in their history. */
  private change<T>(
    userId: number,
    actor: Actor,
    now: Date,
    unless: ((locked: User) => void) | undefined,
    work: (m: EntityManager, user: User) => Promise<{ result: T; changed: FieldChange[] }>,
  ): Promise<T> {
    return this.db.transaction(async (m) => {
      const user = await lockUser(m, userId);
      if (!user) throw new NotFoundError(msg('notFound.user', { id: userId }));
      unless?.(user);
      const { result, changed } = await work(m, user);
      if (changed.length) {
        await m.update(User, { id: userId }, { updatedAt: now });
        await this.deps.audit.record(m, userId, 'UPDATED', actor, changed, now);
        await this.deps.changes.changed(m, [userId], 'UPDATED', now);
        await recordVersion(m, 'user', userId, actor.userId, versionsOf(changed), now);
      }
      return result;
    });
  }

  private phoneOrThrow(value: unknown): string {
    try {
      const e164 = value === null || value === undefined ? null : normalizePhone(String(value), this.deps.defaultPhoneCountry);
      if (e164 === null) throw new UserInputError('value', msg('users.enterPhoneNumber'));
      return e164;
    } catch (err) {
      throw err instanceof UserInputError ? new UserInputError('value', textOf(err)) : err;
    }
  }

  /** Every identity of a user goes (their account is deleted): numbers they held alone pass to sharers. */
  async removeAllOf(m: EntityManager, userId: number): Promise<void> {
    await m.delete(UserIdentity, { userId, type: Not(IdentityType.PHONE) });
    await removeAllPhones(m, userId);
  }
}
