import { IsNull, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertOne } from '../db/inserts.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import { newSecret, secretHash } from '../auth/secrets.js';
import { SCOPES, type Scope } from '../auth/viewer.js';
import { primaryEmailJoin, userFromRow, userSelect } from '../users/user-rows.js';
import type { User } from '../users/user.entity.js';
import { singleLine } from '../users/profile-rules.js';
import { quoteInput } from '../text/text-rules.js';
import { ApiToken, type CreateApiTokenInput } from './api-token.types.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { ApiTokenScope } from './api-token-scope.js';
import { msg } from '../i18n/message.js';

const PREFIX = 'acc_';
const TOUCH_EVERY_MS = 60_000;

/** A token's scopes as api_tokens.scopes stores them (space-separated). */
export const storedScopes = (scopes: string): Scope[] => scopes.split(' ').filter(Boolean) as Scope[];

/** What the API shows of a stored token: never its hash. */
function present(t: ApiTokenEntity): ApiToken {
  return Object.assign(new ApiToken(), {
    id: t.id,
    name: t.name,
    scopes: storedScopes(t.scopes),
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
    createdById: t.createdById,
  });
}

/** API tokens for partner apps: created by admins, stored hashed, revocable, with a last-used time. */
export class ApiTokenService {
  private readonly lastTouch = new Map<number, number>();

  constructor(private readonly db: Database) {}

  async create(input: CreateApiTokenInput, creatorId: number): Promise<{ token: ApiToken; secret: string }> {
    const name = singleLine('name', 'Name', input.name, 255);
    if (name === '') throw new UserInputError('name', msg('tokens.giveTokenNameSuch'));
    const scopes = [...new Set(input.scopes.map((s) => s.trim()))];
    if (scopes.length === 0) throw new UserInputError('scopes', msg('tokens.chooseAtLeastOne'));
    const unknown = scopes.find((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown !== undefined)
      throw new UserInputError('scopes', msg('tokens.unknownScopeScopesAre', { unknown: quoteInput(unknown), value: SCOPES.join(', ') }));
    if (scopes.includes(ApiTokenScope.INBOUND) && scopes.length > 1) {
      throw new UserInputError('scopes', msg('tokens.iNBOUNDScopeForMail'));
    }
    const secret = newSecret(PREFIX);
    const now = new Date();
    const id = await this.db.transaction((m) =>
      insertOne(m, ApiTokenEntity, { name, tokenHash: secretHash(secret), scopes: scopes.join(' '), createdById: creatorId, createdAt: now }),
    );
    return {
      token: Object.assign(new ApiToken(), { id, name, scopes, createdAt: now, lastUsedAt: null, revokedAt: null, createdById: creatorId }),
      secret,
    };
  }

  async list(): Promise<ApiToken[]> {
    return (await this.db.manager.find(ApiTokenEntity, { order: { id: 'DESC' } })).map(present);
  }

  async revoke(id: number): Promise<ApiToken> {
    await this.db.transaction((m) => m.update(ApiTokenEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() }));
    const token = await this.db.manager.findOneBy(ApiTokenEntity, { id });
    if (!token) throw new NotFoundError(msg('notFound.aPIToken', { id }));
    return present(token);
  }

  /**
   * Revokes every live token a person made, inside the caller's transaction:
   * when they are suspended or deleted. Unsuspending does not bring the
   * tokens back (an admin makes new ones).
   */
  async revokeAllOf(m: EntityManager, creatorId: number, at: Date): Promise<void> {
    await m.update(ApiTokenEntity, { createdById: creatorId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /**
   * The live token for a bearer secret with its creator, or null (unknown,
   * revoked, creator suspended or deleted). Plain SQL: every partner request
   * reads it, with its creator, in one query.
   */
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
      await this.db.transaction((m) => m.update(ApiTokenEntity, { id }, { lastUsedAt: new Date(now) }));
    }
    return {
      token: { id, name: String(r.token_name), scopes: storedScopes(String(r.token_scopes)) },
      user: userFromRow(r),
    };
  }
}
