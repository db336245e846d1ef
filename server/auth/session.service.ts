import { Not, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertOne } from '../db/inserts.js';
import { fromSqlDate } from '../db/sql.js';
import { primaryEmailJoin, userFromRow, userSelect } from '../users/user-rows.js';
import type { User } from '../users/user.entity.js';
import { newSecret, secretHash } from './secrets.js';
import { SessionEntity } from './session.entity.js';

export interface SessionOptions {
  idleMinutes: number;
  absoluteHours: number;
}

export interface Session {
  id: number;
  user: User;
  expiresAt: Date;
}

const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions: the browser holds a random id in an httpOnly cookie;
 * the database holds its SHA-256, so several server processes share
 * sessions and a database leak reveals no usable id. A session ends when
 * idle too long, at its absolute expiry, at sign-out, on a password change,
 * and when the user is suspended or deleted.
 */
export class SessionService {
  constructor(
    private readonly db: Database,
    readonly opts: SessionOptions,
  ) {}

  async create(userId: number, meta: { ip?: string; userAgent?: string }): Promise<{ secret: string; session: { id: number; expiresAt: Date } }> {
    const secret = newSecret();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.opts.absoluteHours * 3_600_000);
    const id = await this.db.transaction((m) =>
      insertOne(m, SessionEntity, {
        tokenHash: secretHash(secret),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent?.slice(0, 255) ?? null,
      }),
    );
    return { secret, session: { id, expiresAt } };
  }

  /**
   * The live session for a cookie value, or null (unknown, tampered, expired,
   * idle, suspended, deleted). Plain SQL: every request signed in by cookie
   * reads it, with its user, in one query.
   */
  async resolve(secret: string): Promise<Session | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const rows = await this.db.manager.query(
      `SELECT s.id AS session_id, s.last_seen_at AS session_seen, s.expires_at AS session_expires, ${userSelect('u')}
       FROM sessions s JOIN users u ON u.id = s.user_id ${primaryEmailJoin('u')}
       WHERE s.token_hash = ? AND u.deleted_at IS NULL AND u.suspended = 0`,
      [secretHash(secret)],
    );
    if (!rows.length) return null;
    const r = rows[0];
    const now = Date.now();
    const expiresAt = fromSqlDate(r.session_expires);
    const seen = fromSqlDate(r.session_seen).getTime();
    if (expiresAt.getTime() <= now || seen + this.opts.idleMinutes * 60_000 <= now) {
      await this.end(Number(r.session_id));
      return null;
    }
    if (now - seen > TOUCH_EVERY_MS) {
      await this.db.transaction((m) => m.update(SessionEntity, { id: Number(r.session_id) }, { lastSeenAt: new Date(now) }));
    }
    return { id: Number(r.session_id), user: userFromRow(r), expiresAt };
  }

  async end(sessionId: number): Promise<void> {
    await this.db.transaction((m) => m.delete(SessionEntity, { id: sessionId }));
  }

  /** Inside the caller's transaction: ends every session of a user, except `keepSessionId` (the one changing its password). */
  async endAll(m: EntityManager, userId: number, keepSessionId: number | null = null): Promise<void> {
    await m.delete(SessionEntity, keepSessionId === null ? { userId } : { userId, id: Not(keepSessionId) });
  }
}
