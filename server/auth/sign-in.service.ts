import type { Database } from '../db/database.js';
import { fromSqlDate, insertRow, toSql } from '../db/sql.js';
import { UnauthenticatedError } from '../graphql/errors.js';
import { parseEmail } from '../users/email-address.js';
import type { User } from '../users/user.entity.js';
import type { UserService } from '../users/user.service.js';
import { dummyHash, verifyPassword } from './password.js';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 10 * 60_000;
export const LOCK_MS = 10 * 60_000;

const BAD_CREDENTIALS = 'Email or password is incorrect.';

/**
 * Checks a password. Five failures for one account, or for one typed
 * address whether or not an account has it, within ten minutes lock it for
 * ten minutes. Unknown addresses, accounts without a password, suspended
 * accounts and wrong passwords get the same answer after the same work
 * (a scrypt verification), so the answer tells nothing about who exists.
 */
export class SignInService {
  constructor(
    private readonly db: Database,
    private readonly users: UserService,
  ) {}

  async verify(emailInput: string, password: string): Promise<User> {
    const parsed = parseEmail(emailInput);
    const address = parsed.ok ? parsed.email.normalized : emailInput.trim().toLowerCase().slice(0, 320);
    const found = parsed.ok ? await this.users.findForSignIn(parsed.email.normalized) : null;
    const keys = [`address:${address}`, ...(found ? [`account:${found.user.id}`] : [])];

    const lockedFor = await this.lockedSeconds(keys);
    if (lockedFor > 0) {
      await verifyPassword(password, await dummyHash());
      throw this.locked(lockedFor);
    }
    const hash = found?.passwordHash ?? (await dummyHash());
    const ok = (await verifyPassword(password, hash)) && !!found?.passwordHash && !found.user.suspended;
    if (ok) {
      await this.db.transaction((m) => m.query(`DELETE FROM sign_in_failures WHERE lock_key IN (${keys.map(() => '?').join(', ')})`, keys));
      return found!.user;
    }
    const nowLocked = await this.recordFailure(keys);
    if (nowLocked) throw this.locked(Math.ceil(LOCK_MS / 1000));
    throw new UnauthenticatedError(BAD_CREDENTIALS);
  }

  private locked(seconds: number): UnauthenticatedError {
    return new UnauthenticatedError(`Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes.`, {
      reason: 'LOCKED',
      retryAfterSeconds: seconds,
    });
  }

  private async lockedSeconds(keys: string[]): Promise<number> {
    const rows = await this.db.manager.query(`SELECT locked_until FROM sign_in_locks WHERE lock_key IN (${keys.map(() => '?').join(', ')})`, keys);
    const now = Date.now();
    const until = Math.max(0, ...rows.map((r: { locked_until: unknown }) => fromSqlDate(r.locked_until).getTime()));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Records a failure under every key; true when one of them just reached the limit. */
  private async recordFailure(keys: string[]): Promise<boolean> {
    const now = new Date();
    return this.db.transaction(async (m) => {
      let locked = false;
      for (const key of keys) {
        await insertRow(m, 'sign_in_failures', { lock_key: key, failed_at: now });
        const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM sign_in_failures WHERE lock_key = ? AND failed_at > ?', [
          key,
          toSql(new Date(now.getTime() - WINDOW_MS)),
        ]);
        if (Number(n) >= MAX_FAILURES) {
          locked = true;
          await m.query('DELETE FROM sign_in_locks WHERE lock_key = ?', [key]);
          await m.query('INSERT INTO sign_in_locks (lock_key, locked_until) VALUES (?, ?)', [key, toSql(new Date(now.getTime() + LOCK_MS))]);
          await m.query('DELETE FROM sign_in_failures WHERE lock_key = ?', [key]);
        }
      }
      await m.query('DELETE FROM sign_in_failures WHERE failed_at < ?', [toSql(new Date(now.getTime() - WINDOW_MS))]);
      return locked;
    });
  }
}
