import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { Database } from '../db/database.js';
import type { Actor } from '../auth/viewer.js';
import type { SessionService } from '../auth/session.service.js';
import { change, type AuditService } from '../audit/audit.service.js';
import { usersWithPrimaryEmail } from './user-reads.js';
import { PASSWORD_LINKS, voidLinks } from '../door/account-links.js';
import { CreatedVia, Role, User } from './user.entity.js';
import { IdentityType, UserIdentity } from './user-identity.entity.js';

/** Password hashes and the sign-in lookup. Hashing and checking passwords is auth/password.ts. */
export class UserCredentials {
  constructor(
    private readonly db: Database,
    private readonly deps: { audit: AuditService; sessions: SessionService },
  ) {}

  /** Sets a password hash; other sessions of the user end (all of them unless `keepSessionId`). */
  async setPasswordHash(userId: number, hash: string, actor: Actor, keepSessionId: number | null = null): Promise<void> {
    await this.db.transaction((m) => this.setPasswordHashIn(m, userId, hash, actor, keepSessionId, new Date()));
  }

  /**
   * The same inside the caller's transaction (a password chosen through a
   * mailed link). A pending invitation is over once a password is chosen,
   * and the mailed links that would set one (reset, verification,
   * invitation) and are still unused stop working: an old mail never
   * undoes a new password. The page of such a link says it was used and
   * offers a new one.
   */
  async setPasswordHashIn(m: EntityManager, userId: number, hash: string, actor: Actor, keepSessionId: number | null, now: Date): Promise<void> {
    await m.update(User, { id: userId }, { passwordHash: hash, passwordChangedAt: now, invitedAt: null, updatedAt: now });
    await voidLinks(m, userId, PASSWORD_LINKS, now);
    await this.deps.sessions.endAll(m, userId, keepSessionId);
    await this.deps.audit.record(m, userId, 'PASSWORD_CHANGED', actor, [change('password', null, null)], now);
  }

  /** A successful sign-in (a session started): not a change of the profile, so neither its version nor updatedAt moves. */
  async recordSignIn(userId: number, now: Date): Promise<void> {
    await this.db.transaction((m) => m.update(User, { id: userId }, { lastSignInAt: now }));
  }

  /** An invitation (re)sent to a pending teammate, inside the transaction that queues its mail. */
  async markInvitedIn(m: EntityManager, userId: number, now: Date): Promise<void> {
    await m.update(User, { id: userId }, { invitedAt: now });
  }

  async passwordHashOf(userId: number): Promise<string | null> {
    const user = await this.db.manager.findOne(User, { where: { id: userId, deletedAt: IsNull() }, select: { id: true, passwordHash: true } });
    return user?.passwordHash ?? null;
  }

  /**
   * The active account that signs in with an email address (any letter
   * case), with its password hash. The address must be the account's own
   * (never an unverified claim) and either verified or the primary email of
   * an account that staff or a partner app made.
   */
  async findForSignIn(normalizedEmail: string): Promise<{ user: User; passwordHash: string | null } | null> {
    const { raw, entities } = await usersWithPrimaryEmail(this.db.manager)
      .addSelect('u.password_hash', 'password_hash')
      .innerJoin(UserIdentity, 'i', 'i.user_id = u.id')
      .where('i.type = :type AND i.unique_value = :value AND u.deleted_at IS NULL', { type: IdentityType.EMAIL, value: normalizedEmail })
      .andWhere('(i.verified = 1 OR (i.is_primary = 1 AND u.created_via <> :self))', { self: CreatedVia.SELF })
      .getRawAndEntities<{ primary_email: string | null; password_hash: string | null }>();
    if (!entities.length) return null;
    const user = Object.assign(entities[0], { primaryEmail: raw[0].primary_email });
    return { user, passwordHash: raw[0].password_hash ?? null };
  }

  countActiveAdmins(): Promise<number> {
    return this.db.manager.countBy(User, { role: Role.ADMIN, suspended: false, deletedAt: IsNull() });
  }
}
