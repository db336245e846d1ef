import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { fromSqlDate, insertRow, toSql } from '../db/sql.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import { newSecret, secretHash } from '../auth/secrets.js';
import { SCOPES, type Scope } from '../auth/viewer.js';
import { primaryEmailJoin, userFromRow, userSelect } from '../users/user-rows.js';
import type { User } from '../users/user.entity.js';
import { singleLine } from '../users/profile-rules.js';
import { quoteInput } from '../text/text-rules.js';
import { ApiToken, type CreateApiTokenInput } from './api-token.types.js';

const PREFIX = 'acc_';
const TOUCH_EVERY_MS = 60_000;

function tokenFromRow(r: Record<string, unknown>): ApiToken {
  return Object.assign(new ApiToken(), {
    id: Number(r.id),
    name: String(r.name),
    scopes: String(r.scopes).split(' ').filter(Boolean),
    createdAt: fromSqlDate(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : fromSqlDate(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : fromSqlDate(r.revoked_at),
    createdById: Number(r.created_by_id),
  });
}

/** API tokens for partner apps: created by admins, stored hashed, revocable, with a last-used time. */
export class ApiTokenService {
  private readonly lastTouch = new Map<number, number>();

  constructor(private readonly db: Database) {}

  async create(input: CreateApiTokenInput, creatorId: number): Promise<{ token: ApiToken; secret: string }> {
    const name = singleLine('name', 'Name', input.name, 255);
    if (name === '') throw new UserInputError('name', 'Give the token a name, such as the partner app it is for.');
    const scopes = [...new Set(input.scopes.map((s) => s.trim()))];
    if (scopes.length === 0) throw new UserInputError('scopes', 'Choose at least one scope.');
    const unknown = scopes.find((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown !== undefined) throw new UserInputError('scopes', `Unknown scope ${quoteInput(unknown)}. Scopes are ${SCOPES.join(', ')}.`);
    const secret = newSecret(PREFIX);
    const now = new Date();
    const id = await this.db.transaction((m) =>
      insertRow(m, 'api_tokens', {
        name,
        token_hash: secretHash(secret),
        scopes: scopes.join(' '),
        created_by_id: creatorId,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      }),
    );
    return {
      token: Object.assign(new ApiToken(), { id, name, scopes, createdAt: now, lastUsedAt: null, revokedAt: null, createdById: creatorId }),
      secret,
    };
  }

  /**
   * Revokes every live token a person made, inside the caller's transaction:
   * when they are suspended or deleted. Unsuspending does not bring the
   * tokens back (an admin makes new ones).
   */
  static async revokeAllOf(m: EntityManager, creatorId: number, at: Date): Promise<void> {
    await m.query('UPDATE api_tokens SET revoked_at = ? WHERE created_by_id = ? AND revoked_at IS NULL', [toSql(at), creatorId]);
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.db.manager.query('SELECT * FROM api_tokens ORDER BY id DESC');
    return rows.map(tokenFromRow);
  }

  async revoke(id: number): Promise<ApiToken> {
    const now = new Date();
    await this.db.transaction((m) => m.query('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [toSql(now), id]));
    const [row] = await this.db.manager.query('SELECT * FROM api_tokens WHERE id = ?', [id]);
    if (!row) throw new NotFoundError(`API token ${id}`);
    return tokenFromRow(row);
  }

  /** The live token for a bearer secret with its creator, or null (unknown, revoked, creator suspended or deleted). */
  async resolve(secret: string): Promise<{ token: { id: number; name: string; scopes: Scope[] }; user: User } | null> {
    if (!secret.startsWith(PREFIX) || secret.length > 100) return null;
    const rows = await this.db.manager.query(
      `SELECT t.id AS token_id, t.name AS token_name, t.scopes AS token_scopes, t.last_used_at AS token_used, ${userSelect('u')}
       FROM api_tokens t JOIN users u ON u.id = t.created_by_id ${primaryEmailJoin('u')}
       WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.deleted_at IS NULL AND u.suspended = 0`,
      [secretHash(secret)],
    );
    if (!rows.length) return null;
    const r = rows[0];
    const id = Number(r.token_id);
    const now = Date.now();
    if (now - (this.lastTouch.get(id) ?? 0) > TOUCH_EVERY_MS) {
      this.lastTouch.set(id, now);
      await this.db.transaction((m) => m.query('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [toSql(new Date(now)), id]));
    }
    return {
      token: { id, name: String(r.token_name), scopes: String(r.token_scopes).split(' ').filter(Boolean) as Scope[] },
      user: userFromRow(r),
    };
  }
}
