import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { insertRow, insertRows, placeholders, toSql } from '../db/sql.js';
import { EmailTakenError, ForbiddenError, UserInputError } from '../graphql/errors.js';
import { IDENTITY_COLUMNS, identityFromRow, primaryEmailJoin, toColumns, userFromRow, userSelect } from './user-rows.js';
import { parseEmail, type ParsedEmail } from './email-address.js';
import type { DomainChecker } from './domain-check.js';
import { profileChanges } from './user-changes.js';
import { Role, User } from './user.entity.js';
import { Deliverability, IdentityType, UserIdentity } from './user-identity.entity.js';
import type { CreateUserInput, UpdateUserInput, UserWarning } from './user.inputs.js';
import { searchUsers, countUsers, type UserPage, type UserPageRequest } from './user-search.js';
import { NotFoundError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { AuditService, change, type AuditAction } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';

export type { Actor };

/** Profile properties the audit trail names, in the order it lists them. */
const AUDITED = ['name', 'role', 'phone', 'organization', 'timeZone', 'locale', 'externalId', 'alias', 'details', 'notes', 'verified', 'suspended'] as const;

function actionFor(changes: FieldChange[], target: User): AuditAction {
  const role = changes.find((c) => c.field === 'role');
  if (role) return 'ROLE_CHANGED';
  const suspended = changes.find((c) => c.field === 'suspended');
  if (suspended) return suspended.newValue === 'true' ? 'SUSPENDED' : 'UNSUSPENDED';
  void target;
  return 'UPDATED';
}

export interface CreatedUser {
  user: User;
  identities: UserIdentity[];
  tags: string[];
  warnings: UserWarning[];
}

export interface UserServiceOptions {
  defaultPhoneCountry?: string;
  /** The optional DNS check of email domains; its verdict only ever adds a warning. */
  domainChecker?: DomainChecker;
}

function emailOrThrow(value: unknown, field = 'email'): ParsedEmail {
  if (value === null || value === undefined) throw new UserInputError(field, 'Email is required.');
  const r = parseEmail(value);
  if (!r.ok) throw new UserInputError(field, r.reason);
  return r.email;
}

function emailWarnings(email: ParsedEmail): UserWarning[] {
  if (email.deliverability === 'NO_MAIL_DOMAIN') {
    return [
      {
        code: 'NO_MAIL_DOMAIN',
        field: 'email',
        message: `${email.domain} does not exist or accepts no mail. Check the address: if someone registers this domain later, they would receive this person's mail.`,
      },
    ];
  }
  if (email.deliverability !== 'UNDELIVERABLE_RESERVED') return [];
  return [
    {
      code: 'UNDELIVERABLE_RESERVED',
      field: 'email',
      message: `${email.domain} is a reserved domain: the account is kept, but email is never sent to ${email.address}.`,
    },
  ];
}

/**
 * The one door for accounts: every path that creates or changes a user
 * (dialog, API, later import, tickets, self sign-up) goes through here.
 */
export class UserService {
  private readonly audit: AuditService;

  constructor(
    private readonly db: Database,
    private readonly opts: UserServiceOptions = {},
  ) {
    this.audit = new AuditService(db);
  }

  async create(input: CreateUserInput, actor: Actor): Promise<CreatedUser> {
    if (input.name === null || input.name === undefined) throw new UserInputError('name', 'Name is required.');
    const changes = profileChanges(input, this.opts);
    const email = await this.checked(emailOrThrow(input.email));
    const now = new Date();
    const c = changes.columns;
    const row = {
      name: c.name!,
      nameKey: c.nameKey!,
      role: c.role ?? Role.END_USER,
      phone: c.phone ?? null,
      organization: c.organization ?? null,
      timeZone: c.timeZone ?? null,
      locale: c.locale ?? null,
      externalId: c.externalId ?? null,
      externalIdKey: c.externalIdKey ?? null,
      alias: c.alias ?? null,
      details: c.details ?? null,
      notes: c.notes ?? null,
      verified: c.verified ?? false,
      suspended: c.suspended ?? false,
      createdVia: actor.via,
      createdById: actor.userId,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const tags = changes.tags ?? [];
    try {
      return await this.db.transaction(async (m) => {
        const id = await insertRow(m, 'users', toColumns(row));
        const identity = {
          userId: id,
          type: IdentityType.EMAIL,
          value: email.address,
          valueNormalized: email.normalized,
          primary: true,
          verified: row.verified,
          deliverability: email.deliverability as Deliverability,
          createdAt: now,
          updatedAt: now,
        };
        const identityId = await insertRow(m, 'user_identities', identityColumns(identity));
        await this.insertTags(m, id, tags);
        const recorded = [
          change('email', null, email.address),
          ...AUDITED.filter((f) => row[f] !== null && row[f] !== false).map((f) => change(f, null, row[f])),
          ...(tags.length ? [change('tags', null, tags)] : []),
        ];
        await this.audit.record(m, id, 'CREATED', actor, recorded, now);
        const user = Object.assign(new User(), row, { id, primaryEmail: email.address });
        const identities = [Object.assign(new UserIdentity(), identity, { id: identityId })];
        return { user, identities, tags, warnings: emailWarnings(email) };
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: email.normalized, externalIdKey: row.externalIdKey });
    }
  }

  /** Changes the given fields of `target` (already authorized by the caller) and records what changed. */
  async update(target: User, input: UpdateUserInput, actor: Actor): Promise<User> {
    const id = target.id;
    const changes = profileChanges(input, this.opts);
    const email = input.email !== undefined ? await this.checked(emailOrThrow(input.email)) : null;
    try {
      await this.db.transaction(async (m) => {
        const now = new Date();
        const before = await this.loadForAudit(m, id);
        if (!before) throw new NotFoundError(`User ${id}`);
        const recorded: FieldChange[] = [];
        for (const f of AUDITED) {
          const next = changes.columns[f];
          if (next !== undefined && next !== before.user[f]) recorded.push(change(f, before.user[f], next));
        }
        if (email && email.address !== before.email) recorded.push(change('email', before.email, email.address));
        if (changes.tags && changes.tags.slice().sort().join('\n') !== before.tags.slice().sort().join('\n')) {
          recorded.push(change('tags', before.tags, changes.tags));
        }
        if (recorded.length === 0) return;
        const demoted = before.user.role === Role.ADMIN && ((changes.columns.role !== undefined && changes.columns.role !== Role.ADMIN) || changes.columns.suspended === true);
        if (demoted) await this.keepOneAdmin(m, id);
        await updateRow(m, 'users', id, toColumns({ ...changes.columns, updatedAt: now }));
        if (email) await this.replacePrimaryEmail(m, id, email, changes.columns.verified, now);
        else if (changes.columns.verified !== undefined) {
          await m.query(`UPDATE user_identities SET verified = ?, updated_at = ? WHERE user_id = ? AND is_primary = 1 AND type = 'EMAIL'`, [
            toSql(changes.columns.verified),
            toSql(now),
            id,
          ]);
        }
        if (changes.tags) {
          await m.query('DELETE FROM user_tags WHERE user_id = ?', [id]);
          await this.insertTags(m, id, changes.tags);
        }
        if (changes.columns.suspended === true) await m.query('DELETE FROM sessions WHERE user_id = ?', [id]);
        await this.audit.record(m, id, actionFor(recorded, target), actor, recorded, now);
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: email?.normalized, externalIdKey: changes.columns.externalIdKey }, id);
    }
    return (await this.findById(id))!;
  }

  /**
   * Soft delete: the account leaves every list, its addresses and tags are
   * freed (someone may use them again), its sessions and tokens end, and
   * the trail keeps the deletion.
   */
  async delete(target: User, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const now = new Date();
      const before = await this.loadForAudit(m, target.id);
      if (!before) throw new NotFoundError(`User ${target.id}`);
      if (before.user.role === Role.ADMIN) await this.keepOneAdmin(m, target.id);
      await updateRow(m, 'users', target.id, { deleted_at: now, updated_at: now, external_id_key: null, password_hash: null });
      await m.query('DELETE FROM user_identities WHERE user_id = ?', [target.id]);
      await m.query('DELETE FROM user_tags WHERE user_id = ?', [target.id]);
      await m.query('DELETE FROM sessions WHERE user_id = ?', [target.id]);
      await m.query('UPDATE api_tokens SET revoked_at = ? WHERE created_by_id = ? AND revoked_at IS NULL', [toSql(now), target.id]);
      await this.audit.record(m, target.id, 'DELETED', actor, [change('email', before.email, null), change('name', before.user.name, null)], now);
    });
  }

  /** The address with the domain check's verdict, when the check is on and the syntax said nothing more. */
  private async checked(email: ParsedEmail): Promise<ParsedEmail> {
    if (!this.opts.domainChecker || email.deliverability !== 'UNKNOWN') return email;
    return { ...email, deliverability: await this.opts.domainChecker.check(email.domain) };
  }

  /** Sets a password hash; other sessions of the user end (all of them unless `keepSessionId`). */
  async setPasswordHash(userId: number, hash: string, actor: Actor, keepSessionId: number | null = null): Promise<void> {
    await this.db.transaction(async (m) => {
      const now = new Date();
      await updateRow(m, 'users', userId, { password_hash: hash, password_changed_at: now, updated_at: now });
      await m.query(`DELETE FROM sessions WHERE user_id = ?${keepSessionId === null ? '' : ' AND id <> ?'}`, keepSessionId === null ? [userId] : [userId, keepSessionId]);
      await this.audit.record(m, userId, 'PASSWORD_CHANGED', actor, [change('password', null, null)], now);
    });
  }

  async passwordHashOf(userId: number): Promise<string | null> {
    const [row] = await this.db.manager.query('SELECT password_hash FROM users WHERE id = ? AND deleted_at IS NULL', [userId]);
    return row?.password_hash ?? null;
  }

  /** The active account that owns an email address (any letter case), with its password hash. */
  async findForSignIn(normalizedEmail: string): Promise<{ user: User; passwordHash: string | null } | null> {
    const rows = await this.db.manager.query(
      `SELECT ${userSelect('u')}, u.password_hash FROM user_identities i JOIN users u ON u.id = i.user_id ${primaryEmailJoin('u')}
       WHERE i.type = 'EMAIL' AND i.value_normalized = ? AND u.deleted_at IS NULL`,
      [normalizedEmail],
    );
    return rows.length ? { user: userFromRow(rows[0]), passwordHash: rows[0].password_hash ?? null } : null;
  }

  async countActiveAdmins(): Promise<number> {
    const [row] = await this.db.manager.query(`SELECT COUNT(*) AS n FROM users WHERE role = 'ADMIN' AND deleted_at IS NULL AND suspended = 0`);
    return Number(row.n);
  }

  /** Refuses a change that would leave no active admin. */
  private async keepOneAdmin(m: EntityManager, leavingId: number): Promise<void> {
    const [row] = await m.query(`SELECT COUNT(*) AS n FROM users WHERE role = 'ADMIN' AND deleted_at IS NULL AND suspended = 0 AND id <> ?`, [leavingId]);
    if (Number(row.n) === 0) throw new ForbiddenError('Accueil needs at least one active admin.');
  }

  private async loadForAudit(m: EntityManager, id: number): Promise<{ user: User; email: string | null; tags: string[] } | null> {
    const rows = await m.query(`SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')} WHERE u.id = ? AND u.deleted_at IS NULL`, [id]);
    if (!rows.length) return null;
    const tags: { tag: string }[] = await m.query('SELECT tag FROM user_tags WHERE user_id = ? ORDER BY tag', [id]);
    const user = userFromRow(rows[0]);
    return { user, email: user.primaryEmail ?? null, tags: tags.map((t) => String(t.tag)) };
  }

  async findById(id: number): Promise<User | null> {
    const rows = await this.db.manager.query(`SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')} WHERE u.id = ? AND u.deleted_at IS NULL`, [id]);
    return rows.length ? userFromRow(rows[0]) : null;
  }

  search(req: UserPageRequest): Promise<UserPage> {
    return searchUsers(this.db, req);
  }

  count(query: string | null): Promise<number> {
    return countUsers(this.db, query);
  }

  async identitiesOf(userIds: readonly number[]): Promise<UserIdentity[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT ${IDENTITY_COLUMNS} FROM user_identities WHERE user_id IN (${placeholders(userIds.length)}) ORDER BY is_primary DESC, id`,
      [...userIds],
    );
    return rows.map(identityFromRow);
  }

  async tagsOf(userIds: readonly number[]): Promise<{ userId: number; tag: string }[]> {
    if (userIds.length === 0) return [];
    const rows: { user_id: number; tag: string }[] = await this.db.manager.query(
      `SELECT user_id, tag FROM user_tags WHERE user_id IN (${placeholders(userIds.length)}) ORDER BY tag`,
      [...userIds],
    );
    return rows.map((r) => ({ userId: Number(r.user_id), tag: String(r.tag) }));
  }

  private async replacePrimaryEmail(m: EntityManager, userId: number, email: ParsedEmail, verified: boolean | undefined, now: Date) {
    const rows = await m.query(`SELECT ${IDENTITY_COLUMNS} FROM user_identities WHERE user_id = ? AND type = 'EMAIL' AND is_primary = 1`, [userId]);
    const current = rows.length ? identityFromRow(rows[0]) : null;
    const sameAddress = current?.valueNormalized === email.normalized;
    const set = {
      value: email.address,
      value_normalized: email.normalized,
      deliverability: email.deliverability,
      // A new address has not been verified yet, unless the same change says so.
      verified: verified ?? (sameAddress ? current!.verified : false),
      updated_at: now,
    };
    if (current) await updateRow(m, 'user_identities', current.id, set);
    else await insertRow(m, 'user_identities', { ...set, user_id: userId, type: IdentityType.EMAIL, is_primary: true, created_at: now });
  }

  private async insertTags(m: EntityManager, userId: number, tags: string[]): Promise<void> {
    await insertRows(m, 'user_tags', ['user_id', 'tag'], tags.map((tag) => [userId, tag]));
  }

  /** Turns a unique-index refusal into the error a client can act on. */
  private async explainDuplicate(
    err: unknown,
    keys: { email?: string | null; externalIdKey?: string | null },
    selfId?: number,
  ): Promise<unknown> {
    const dup = duplicateKeyOf(err);
    if (!dup) return err;
    if (/value_normalized|type_value/.test(dup.index) && keys.email) {
      const owner = await this.ownerOfEmail(keys.email);
      return new EmailTakenError(owner ?? { id: 0, name: 'another user' });
    }
    if (/external_id/.test(dup.index) && keys.externalIdKey) {
      const [owner] = await this.db.manager.query('SELECT id, name FROM users WHERE external_id_key = ?', [keys.externalIdKey]);
      const e = new UserInputError('externalId', `This external ID is already used by ${owner?.name ?? 'another user'}.`);
      if (owner && Number(owner.id) !== selfId) e.extensions.existingUserId = String(owner.id);
      return e;
    }
    return err;
  }

  async ownerOfEmail(normalized: string): Promise<{ id: number; name: string } | null> {
    const rows = await this.db.manager.query(
      `SELECT u.id, u.name FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.type = 'EMAIL' AND i.value_normalized = ?`,
      [normalized],
    );
    return rows.length ? { id: Number(rows[0].id), name: String(rows[0].name) } : null;
  }
}

function identityColumns(i: Omit<UserIdentity, 'id'>): Record<string, unknown> {
  return {
    user_id: i.userId,
    type: i.type,
    value: i.value,
    value_normalized: i.valueNormalized,
    is_primary: i.primary,
    verified: i.verified,
    deliverability: i.deliverability,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

async function updateRow(m: EntityManager, table: string, id: number, set: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(set);
  if (cols.length === 0) return;
  await m.query(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map((c) => toSql(set[c])), id]);
}
