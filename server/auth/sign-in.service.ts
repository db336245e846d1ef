import { Brackets, In, LessThan, MoreThan, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { fromSqlDate, toSql } from '../db/sql.js';
import { IdentityType, UserIdentity } from '../users/user-identity.entity.js';
import { SignInFailure, SignInLock } from './sign-in.entity.js';
import { NotFoundError, UnauthenticatedError, UserInputError } from '../graphql/errors.js';
import { AuditService, change } from '../audit/audit.service.js';
import { parseEmail } from '../users/email-address.js';
import type { User } from '../users/user.entity.js';
import { lockUser } from '../users/user-reads.js';
import type { UserService } from '../users/user.service.js';
import { dummyHash, verifyPassword } from './password.js';
import { deviceEntry, knownDevice } from './known-device.js';
import type { Actor } from './viewer.js';
import { msg } from '../i18n/message.js';

/** Failures from one client (a client address, or a known browser) within the window that lock that client out. */
export const MAX_FAILURES = 5;
/** Failures from all clients together that lock out every client without a recent sign-in to the account. */
export const MAX_ACCOUNT_FAILURES = 50;
export const WINDOW_MS = 10 * 60_000;
export const LOCK_MS = 10 * 60_000;

const BAD_CREDENTIALS = msg('auth.badCredentials');
const TOP = '\u{10FFFF}';

/** Who is trying: the client's address (see clientOf) and the known-device entries its cookie holds. */
export interface SignInClient {
  address: string;
  devices: readonly string[];
}

/** One counter: failures under `key` within the window; `max` of them lock the key. */
interface Rule {
  key: string;
  max: number;
}

/**
 * The counters a failure adds to. `device` is set when the client proved a
 * sign-in to this account within 30 days (known-device.ts): it then counts
 * for itself only, so nobody else's failures can lock it out. Otherwise the
 * client counts per (typed address, client), per (account, client), and in
 * the account's (or the typed address's) global counter.
 */
function rulesFor(address: string | null, accountId: number | null, client: SignInClient, device: string | null): Rule[] {
  if (device !== null && accountId !== null) return [{ key: `account:${accountId}|device:${device}`, max: MAX_FAILURES }];
  const rules: Rule[] = [];
  if (address !== null) rules.push({ key: `address:${address}|client:${client.address}`, max: MAX_FAILURES });
  if (accountId !== null) rules.push({ key: `account:${accountId}|client:${client.address}`, max: MAX_FAILURES });
  rules.push({ key: accountId !== null ? `account:${accountId}` : `address:${address}`, max: MAX_ACCOUNT_FAILURES });
  return rules;
}

/**
 * Passwords and lockout.
 *
 * - Five failures from one client (an IPv4 address or IPv6 /64) for one
 *   account, or for one typed address, within ten minutes lock that client
 *   out of it for ten minutes. Other clients are not affected.
 * - Fifty failures from all clients together lock the account for ten
 *   minutes for every client that has not signed in to it within 30 days.
 * - A browser that signed in to the account within 30 days (known-device
 *   cookie) is never locked by others: the right password lets it in; its
 *   own five failures lock it like any client.
 * - Wrong current passwords in changePassword count like failed sign-ins.
 * - An admin can lift every lock of an account (unlock), in its history.
 *
 * Unknown addresses, accounts without a password, suspended accounts and
 * wrong passwords get the same answers after the same work (one scrypt
 * verification), so the answers tell nothing about who exists.
 */
export class SignInService {
  private readonly audit: AuditService;

  constructor(
    private readonly db: Database,
    private readonly users: UserService,
  ) {
    this.audit = new AuditService(db);
  }

  /** Checks a sign-in; returns the user and a fresh known-device entry for the browser. */
  async verify(emailInput: string, password: string, client: SignInClient): Promise<{ user: User; device: string }> {
    const parsed = parseEmail(emailInput);
    const address = parsed.ok ? parsed.email.normalized : [...emailInput.trim().toLowerCase()].slice(0, 300).join('');
    const found = parsed.ok ? await this.users.findForSignIn(parsed.email.normalized) : null;
    const device = found?.passwordHash ? knownDevice(client.devices, found.user.id, found.passwordHash) : null;
    const rules = rulesFor(address, found?.user.id ?? null, client, device);

    const lockedFor = await this.lockedSeconds(rules);
    if (lockedFor > 0) {
      await verifyPassword(password, await dummyHash());
      throw this.locked(lockedFor);
    }
    const hash = found?.passwordHash ?? (await dummyHash());
    const ok = (await verifyPassword(password, hash)) && !!found?.passwordHash && !found.user.suspended;
    if (ok) {
      await this.forgetFailures(rules);
      return { user: found!.user, device: deviceEntry(found!.user.id, found!.passwordHash!) };
    }
    const nowLocked = await this.recordFailure(rules);
    if (nowLocked) throw this.locked(Math.ceil(LOCK_MS / 1000));
    throw new UnauthenticatedError(BAD_CREDENTIALS);
  }

  /**
   * The current password of a signed-in person (changePassword): a wrong one
   * counts as a failed sign-in for that account and client, and is locked
   * out the same way.
   */
  async checkCurrentPassword(userId: number, password: string, client: SignInClient, field = 'currentPassword'): Promise<void> {
    const hash = await this.users.passwordHashOf(userId);
    const device = hash ? knownDevice(client.devices, userId, hash) : null;
    const rules = rulesFor(null, userId, client, device);
    const lockedFor = await this.lockedSeconds(rules);
    if (lockedFor > 0) throw this.lockedInput(field, lockedFor);
    if (hash && (await verifyPassword(password, hash))) {
      await this.forgetFailures(rules);
      return;
    }
    if (await this.recordFailure(rules)) throw this.lockedInput(field, Math.ceil(LOCK_MS / 1000));
    throw new UserInputError(field, msg('auth.currentPasswordNotRight'));
  }

  /** Lifts every sign-in lock and failure count of an account (all its addresses, all clients), recorded in its history. */
  async unlock(user: User, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      // The user's row first, as every change of a user takes it: the addresses read next are current.
      if (!(await lockUser(m, user.id))) throw new NotFoundError(msg('notFound.user', { id: user.id }));
      const now = new Date();
      const emails = await m.find(UserIdentity, { select: { valueNormalized: true }, where: { userId: user.id, type: IdentityType.EMAIL } });
      const subjects = [`account:${user.id}`, ...emails.map((e) => `address:${e.valueNormalized}`)];
      const locks = await m
        .createQueryBuilder(SignInLock, 'l')
        .where('l.locked_until > :now', { now: toSql(now) })
        .andWhere(ofSubjects(subjects))
        .getCount();
      for (const entity of [SignInLock, SignInFailure]) {
        await m.createQueryBuilder().delete().from(entity).where(ofSubjects(subjects)).execute();
      }
      await this.audit.record(m, user.id, 'UNLOCKED', actor, [change('signIn', locks > 0 ? 'locked' : 'not locked', 'unlocked')], now);
    });
  }

  private locked(seconds: number): UnauthenticatedError {
    return new UnauthenticatedError(msg('auth.tooManyFailedSign', { value: Math.ceil(seconds / 60) }), {
      reason: 'LOCKED',
      retryAfterSeconds: seconds,
    });
  }

  private lockedInput(field: string, seconds: number): UserInputError {
    const e = new UserInputError(field, msg('auth.tooManyWrongPasswords', { value: Math.ceil(seconds / 60) }));
    Object.assign(e.extensions, { reason: 'LOCKED', retryAfterSeconds: seconds });
    return e;
  }

  private async lockedSeconds(rules: Rule[]): Promise<number> {
    const locks = await this.db.manager.find(SignInLock, { where: { lockKey: In(rules.map((r) => r.key)) } });
    const now = Date.now();
    const until = Math.max(0, ...locks.map((l) => fromSqlDate(l.lockedUntil).getTime()));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** A success clears the client's own counters; the account's global counter keeps counting others' failures. */
  private async forgetFailures(rules: Rule[]): Promise<void> {
    const mine = rules.filter((r) => r.max === MAX_FAILURES).map((r) => r.key);
    if (mine.length) await this.db.transaction((m) => m.delete(SignInFailure, { lockKey: In(mine) }));
  }

  /**
   * Records a failure under every rule; true when one of them just reached its limit (and is now locked).
   * Each key's guard row in sign_in_locks is taken first (in key order, so two failures never wait on each
   * other crosswise): failures for one key are counted one after the other, so parallel attempts can
   * neither slip past the limit nor trip over each other's lock.
   */
  private async recordFailure(rules: Rule[]): Promise<boolean> {
    const now = new Date();
    const since = new Date(now.getTime() - WINDOW_MS);
    const ordered = [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const locked = await this.db.transaction(async (m) => {
      let reached = false;
      for (const { key } of ordered) await guard(m, key);
      for (const { key, max } of ordered) {
        await m.delete(SignInFailure, { lockKey: key, failedAt: LessThan(since) });
        await m.insert(SignInFailure, { lockKey: key, failedAt: now });
        const n = await m.count(SignInFailure, { where: { lockKey: key, failedAt: MoreThan(since) } });
        if (n >= max) {
          reached = true;
          await m.update(SignInLock, { lockKey: key }, { lockedUntil: new Date(now.getTime() + LOCK_MS) });
          await m.delete(SignInFailure, { lockKey: key });
        }
      }
      return reached;
    });
    await this.sweep(now);
    return locked;
  }

  private lastSweep = 0;

  /** Now and then, forgets the counters and locks of keys nobody has tried since (outside any transaction). */
  private async sweep(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now.getTime();
    try {
      const before = LessThan(new Date(now.getTime() - WINDOW_MS));
      await this.db.manager.delete(SignInFailure, { failedAt: before });
      await this.db.manager.delete(SignInLock, { lockedUntil: before });
    } catch {
      // Housekeeping only: the next sweep tries again.
    }
  }
}

/**
 * Takes a key's guard row (created unlocked, in the past, when missing): it stays locked by this
 * transaction until it ends, so every other failure for the key waits its turn.
 */
async function guard(m: EntityManager, key: string): Promise<void> {
  // An upsert that writes the row when it exists: MySQL then holds an exclusive lock on it (INSERT IGNORE would only share it).
  await m
    .createQueryBuilder()
    .insert()
    .into(SignInLock)
    .values({ lockKey: key, lockedUntil: new Date(0) })
    .orUpdate(['lock_key'], ['lock_key'])
    .execute();
}

/** The keys of these subjects: each one's own key and its `subject|…` keys (per client, per device). */
/** Lock keys of these subjects, alone or with a client or device (`subject|…`). */
export function ofSubjects(subjects: readonly string[]): Brackets {
  return new Brackets((w) => {
    subjects.forEach((subject, i) =>
      w.orWhere(`(lock_key = :s${i} OR (lock_key >= :from${i} AND lock_key < :to${i}))`, {
        [`s${i}`]: subject,
        [`from${i}`]: `${subject}|`,
        [`to${i}`]: `${subject}|${TOP}`,
      }),
    );
  });
}
