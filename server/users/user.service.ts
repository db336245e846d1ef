import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { fromSqlBool, insertRow, insertRows, placeholders, toSql } from '../db/sql.js';
import { pageSize } from '../db/paging.js';
import { EmailTakenError, ForbiddenError, UserInputError } from '../graphql/errors.js';
import { IDENTITY_COLUMNS, identityFromRow, primaryEmailJoin, toColumns, userFromRow, userSelect } from './user-rows.js';
import { parseEmail, type ParsedEmail } from './email-address.js';
import type { DomainChecker } from './domain-check.js';
import { profileChanges } from './user-changes.js';
import { normalizePhone, normalizeTag } from './profile-rules.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Role, User } from './user.entity.js';
import { Deliverability, IdentityType, UserIdentity } from './user-identity.entity.js';
import type { CreateUserInput, UpdateUserInput, UserWarning } from './user.inputs.js';
import { searchUsers, countUsers, type UserFilter, type UserPage, type UserPageRequest } from './user-search.js';
import { NotFoundError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { AuditService, change, type AuditAction } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import type { FieldValuesService, PreparedFieldValues } from '../fields/field-values.service.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import type { Organization } from '../organizations/organization.entity.js';

export type { Actor };

/** Profile properties the audit trail names, in the order it lists them. */
const AUDITED = ['name', 'role', 'phone', 'timeZone', 'locale', 'externalId', 'alias', 'details', 'notes', 'verified', 'suspended'] as const;

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

/** What the caller may do beyond the change itself. */
export interface WriteOptions {
  /** An admin may name an organization that does not exist yet: it is created. */
  canCreateOrganization?: boolean;
  /** Agents saving a profile in the admin app must fill the required custom fields. */
  enforceRequiredFields?: boolean;
}

export interface UserServiceOptions {
  defaultPhoneCountry?: string;
  /** Custom field values: validated before, written inside the user's transaction. */
  fieldValues: FieldValuesService;
  organizations: OrganizationService;
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
  private readonly fields: FieldValuesService;
  private readonly organizations: OrganizationService;

  constructor(
    private readonly db: Database,
    private readonly opts: UserServiceOptions,
  ) {
    this.audit = new AuditService(db);
    this.fields = opts.fieldValues;
    this.organizations = opts.organizations;
  }

  private async requireFields(userId: number | null, prepared: PreparedFieldValues): Promise<void> {
    const missing = await this.fields.missingRequired(userId, prepared);
    if (missing.length) throw new UserInputError(missing[0], `${missing[0]} is required: fill it before saving.`);
  }

  /** The organization an input names (by id or by name), or null to clear. */
  private async resolveOrganization(
    m: EntityManager,
    ref: { id: number } | { name: string } | null,
    wo: WriteOptions,
  ): Promise<Organization | null> {
    if (ref === null) return null;
    if ('id' in ref) {
      const org = await this.organizations.findById(ref.id, m);
      if (!org) throw new UserInputError('organizationId', `There is no organization with id ${ref.id}.`);
      return org;
    }
    const org = await this.organizations.findByName(ref.name, m);
    if (org) return org;
    if (!wo.canCreateOrganization) throw new UserInputError('organization', `There is no organization named ${ref.name}.`);
    return this.organizations.createInTransaction(m, { name: ref.name });
  }

  /** Deleting an organization: its users leave it, each with a line in their history. */
  async leaveOrganization(m: EntityManager, org: Organization, actor: Actor): Promise<void> {
    const rows: { id: number }[] = await m.query('SELECT id FROM users WHERE organization_id = ?', [org.id]);
    if (rows.length === 0) return;
    const now = new Date();
    await m.query('UPDATE users SET organization_id = NULL, updated_at = ? WHERE organization_id = ?', [toSql(now), org.id]);
    await this.audit.recordEach(m, rows.map((r) => Number(r.id)), 'UPDATED', actor, [change('organization', org.name, null)], now);
  }

  /**
   * Adds a phone identity. A number that another user already has is kept
   * as a shared number (not unique to this user) and its owner is returned.
   */
  private async insertPhone(
    m: EntityManager,
    userId: number,
    e164: string,
    primary: boolean,
    now: Date,
    verified = false,
  ): Promise<{ identity: UserIdentity; owner: { id: number; name: string } | null }> {
    const owner = await this.phoneOwner(m, e164);
    if (owner?.id === userId) throw new UserInputError('phone', 'This number is already one of this person\'s numbers.');
    const identity = {
      userId,
      type: IdentityType.PHONE,
      value: e164,
      valueNormalized: e164,
      primary,
      verified,
      shared: owner !== null,
      deliverability: Deliverability.UNKNOWN,
      createdAt: now,
      updatedAt: now,
    };
    const insert = async (shared: boolean) =>
      Object.assign(new UserIdentity(), identity, { shared, id: await insertRow(m, 'user_identities', identityColumns({ ...identity, shared })) });
    if (owner) return { identity: await insert(true), owner };
    try {
      return { identity: await insert(false), owner: null };
    } catch (err) {
      // Someone took the number between the read and the write: keep it as shared.
      if (!duplicateKeyOf(err)) throw err;
      return { identity: await insert(true), owner: await this.phoneOwner(m, e164) };
    }
  }

  /** The user who holds a phone number alone (not as a shared number), if any. */
  private async phoneOwner(m: EntityManager, e164: string): Promise<{ id: number; name: string } | null> {
    const [row] = await m.query(
      `SELECT u.id, u.name FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.type = 'PHONE' AND i.unique_value = ?`,
      [e164],
    );
    return row ? { id: Number(row.id), name: String(row.name) } : null;
  }

  /** When the unique holder of a number lets it go, the oldest shared holder takes it over. */
  private async releasePhone(m: EntityManager, e164: string): Promise<void> {
    const [next] = await m.query(`SELECT id FROM user_identities WHERE type = 'PHONE' AND value_normalized = ? AND shared = 1 ORDER BY id LIMIT 1`, [e164]);
    if (next) await m.query('UPDATE user_identities SET shared = 0, unique_value = ? WHERE id = ?', [e164, next.id]);
  }

  /** `phone` on an update: the primary phone becomes this number (or goes, for null). */
  private async replacePrimaryPhone(m: EntityManager, userId: number, e164: string | null, now: Date): Promise<void> {
    const phones = (await m.query(`SELECT ${IDENTITY_COLUMNS} FROM user_identities WHERE user_id = ? AND type = 'PHONE' ORDER BY id`, [userId])).map(
      identityFromRow,
    );
    const current = phones.find((p: UserIdentity) => p.primary);
    if (current) {
      await m.query('DELETE FROM user_identities WHERE id = ?', [current.id]);
      if (!current.shared) await this.releasePhone(m, current.valueNormalized);
    }
    if (e164 === null) {
      const next = phones.find((p: UserIdentity) => !p.primary);
      if (next) {
        await m.query('UPDATE user_identities SET is_primary = 1, updated_at = ? WHERE id = ?', [toSql(now), next.id]);
        await m.query('UPDATE users SET phone = ? WHERE id = ?', [next.value, userId]);
      }
      return;
    }
    const existing = phones.find((p: UserIdentity) => p.valueNormalized === e164 && !p.primary);
    if (existing) await m.query('UPDATE user_identities SET is_primary = 1, updated_at = ? WHERE id = ?', [toSql(now), existing.id]);
    else await this.insertPhone(m, userId, e164, true, now);
  }

  async create(input: CreateUserInput, actor: Actor, wo: WriteOptions = {}): Promise<CreatedUser> {
    if (input.name === null || input.name === undefined) throw new UserInputError('name', 'Name is required.');
    const changes = profileChanges(input, this.opts);
    const email = await this.checked(emailOrThrow(input.email));
    const fields = await this.fields.prepare(input.fields);
    if (wo.enforceRequiredFields) await this.requireFields(null, fields);
    const now = new Date();
    const c = changes.columns;
    const row = {
      name: c.name!,
      nameKey: c.nameKey!,
      role: c.role ?? Role.END_USER,
      phone: c.phone ?? null,
      organizationId: null as number | null,
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
        const org =
          changes.organization === undefined
            ? await this.organizations.byDomain(email.domain, m) // a new user joins the organization of their mail domain
            : await this.resolveOrganization(m, changes.organization, wo);
        row.organizationId = org?.id ?? null;
        const id = await insertRow(m, 'users', toColumns(row));
        const identity = {
          userId: id,
          type: IdentityType.EMAIL,
          value: email.address,
          valueNormalized: email.normalized,
          primary: true,
          verified: row.verified,
          shared: false,
          deliverability: email.deliverability as Deliverability,
          createdAt: now,
          updatedAt: now,
        };
        const identityId = await insertRow(m, 'user_identities', identityColumns(identity));
        await this.insertTags(m, id, tags);
        const identities = [Object.assign(new UserIdentity(), identity, { id: identityId, shared: false })];
        const warnings = emailWarnings(email);
        if (row.phone) {
          const phone = await this.insertPhone(m, id, row.phone, true, now);
          identities.push(phone.identity);
          if (phone.owner) warnings.push(sharedPhoneWarning('phone', row.phone, phone.owner));
        }
        const recorded = [
          change('email', null, email.address),
          ...AUDITED.filter((f) => row[f] !== null && row[f] !== false).map((f) => change(f, null, row[f])),
          ...(org ? [change('organization', null, org.name)] : []),
          ...(tags.length ? [change('tags', null, tags)] : []),
          ...(await this.fields.write(m, id, fields, now)),
        ];
        await this.audit.record(m, id, 'CREATED', actor, recorded, now);
        const user = Object.assign(new User(), row, { id, primaryEmail: email.address });
        return { user, identities, tags, warnings };
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: email.normalized, externalIdKey: row.externalIdKey });
    }
  }

  /** Changes the given fields of `target` (already authorized by the caller) and records what changed. */
  async update(target: User, input: UpdateUserInput, actor: Actor, wo: WriteOptions = {}): Promise<User> {
    const id = target.id;
    const changes = profileChanges(input, this.opts);
    const email = input.email !== undefined ? await this.checked(emailOrThrow(input.email)) : null;
    const fields = await this.fields.prepare(input.fields);
    // Required fields describe customers: an agent's or admin's own account is not blocked by them.
    if (wo.enforceRequiredFields && target.role === Role.END_USER) await this.requireFields(id, fields);
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
        let organizationId: number | null | undefined;
        if (changes.organization !== undefined) {
          const org = await this.resolveOrganization(m, changes.organization, wo);
          organizationId = org?.id ?? null;
          if (organizationId !== before.user.organizationId) recorded.push(change('organization', before.organization, org?.name ?? null));
        }
        if (changes.tags && changes.tags.slice().sort().join('\n') !== before.tags.slice().sort().join('\n')) {
          recorded.push(change('tags', before.tags, changes.tags));
        }
        const fieldChanges = await this.fields.write(m, id, fields, now);
        recorded.push(...fieldChanges);
        if (recorded.length === 0) return;
        const demoted = before.user.role === Role.ADMIN && ((changes.columns.role !== undefined && changes.columns.role !== Role.ADMIN) || changes.columns.suspended === true);
        if (demoted) await this.keepOneAdmin(m, id);
        await updateRow(m, 'users', id, toColumns({ ...changes.columns, ...(organizationId !== undefined ? { organizationId } : {}), updatedAt: now }));
        if (changes.columns.phone !== undefined && changes.columns.phone !== before.user.phone) await this.replacePrimaryPhone(m, id, changes.columns.phone, now);
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
      const phones = await m.query(`SELECT value_normalized FROM user_identities WHERE user_id = ? AND type = 'PHONE' AND shared = 0`, [target.id]);
      await m.query('DELETE FROM user_identities WHERE user_id = ?', [target.id]);
      for (const p of phones) await this.releasePhone(m, String(p.value_normalized));
      await m.query('DELETE FROM user_tags WHERE user_id = ?', [target.id]);
      await this.fields.removeAll(m, target.id);
      await m.query('DELETE FROM sessions WHERE user_id = ?', [target.id]);
      await m.query('UPDATE api_tokens SET revoked_at = ? WHERE created_by_id = ? AND revoked_at IS NULL', [toSql(now), target.id]);
      await this.audit.record(m, target.id, 'DELETED', actor, [change('email', before.email, null), change('name', before.user.name, null)], now);
    });
  }

  // ---- Identities: several emails and phone numbers per user ----

  async identityById(id: number): Promise<UserIdentity | null> {
    const rows = await this.db.manager.query(
      `SELECT ${IDENTITY_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')} FROM user_identities i JOIN users u ON u.id = i.user_id
       WHERE i.id = ? AND u.deleted_at IS NULL`,
      [id],
    );
    return rows.length ? identityFromRow(rows[0]) : null;
  }

  /** Adds an email or phone number. An email someone has is EMAIL_TAKEN; a phone someone has becomes a shared number. */
  async addIdentity(
    target: User,
    input: { type: IdentityType; value: string; verified?: boolean | null },
    actor: Actor,
  ): Promise<{ identity: UserIdentity; warnings: UserWarning[] }> {
    const now = new Date();
    if (input.type === IdentityType.EMAIL) {
      const email = await this.checked(emailOrThrow(input.value, 'value'));
      try {
        return await this.db.transaction(async (m) => {
          const [hasPrimary] = await m.query(`SELECT id FROM user_identities WHERE user_id = ? AND type = 'EMAIL' AND is_primary = 1`, [target.id]);
          const identity = {
            userId: target.id,
            type: IdentityType.EMAIL,
            value: email.address,
            valueNormalized: email.normalized,
            primary: !hasPrimary,
            verified: input.verified ?? false,
            shared: false,
            deliverability: email.deliverability as Deliverability,
            createdAt: now,
            updatedAt: now,
          };
          const id = await insertRow(m, 'user_identities', identityColumns(identity));
          await this.touch(m, target.id, now);
          await this.audit.record(m, target.id, 'UPDATED', actor, [change('emails', null, email.address)], now);
          return { identity: Object.assign(new UserIdentity(), identity, { id }), warnings: emailWarnings(email).map((w) => ({ ...w, field: 'value' })) };
        });
      } catch (err) {
        const dup = duplicateKeyOf(err);
        if (dup) {
          const owner = await this.ownerOfEmail(email.normalized);
          if (owner?.id === target.id) throw new UserInputError('value', 'This address is already one of this person\'s addresses.');
          throw new EmailTakenError(owner ?? { id: 0, name: 'another user' }, 'value');
        }
        throw err;
      }
    }
    if (input.value === null || input.value === undefined) throw new UserInputError('value', 'Enter a phone number.');
    let e164: string | null;
    try {
      e164 = normalizePhone(input.value, this.opts.defaultPhoneCountry);
    } catch (err) {
      if (err instanceof UserInputError) throw new UserInputError('value', err.message);
      throw err;
    }
    if (e164 === null) throw new UserInputError('value', 'Enter a phone number.');
    const number = e164;
    return this.db.transaction(async (m) => {
      const [hasPrimary] = await m.query(`SELECT id FROM user_identities WHERE user_id = ? AND type = 'PHONE' AND is_primary = 1`, [target.id]);
      let added;
      try {
        added = await this.insertPhone(m, target.id, number, !hasPrimary, now, input.verified ?? false);
      } catch (err) {
        if (err instanceof UserInputError) throw new UserInputError('value', err.message);
        throw err;
      }
      if (!hasPrimary) await m.query('UPDATE users SET phone = ? WHERE id = ?', [number, target.id]);
      await this.touch(m, target.id, now);
      await this.audit.record(m, target.id, 'UPDATED', actor, [change('phones', null, number)], now);
      return { identity: added.identity, warnings: added.owner ? [sharedPhoneWarning('value', number, added.owner)] : [] };
    });
  }

  /** Removes an email or phone number; never the primary email (make another one primary first). */
  async removeIdentity(identity: UserIdentity, actor: Actor): Promise<void> {
    if (identity.type === IdentityType.EMAIL && identity.primary) {
      throw new UserInputError('id', 'This is the primary email: make another address primary before removing it.');
    }
    await this.db.transaction(async (m) => {
      const now = new Date();
      await m.query('DELETE FROM user_identities WHERE id = ?', [identity.id]);
      if (identity.type === IdentityType.PHONE) {
        if (!identity.shared) await this.releasePhone(m, identity.valueNormalized);
        if (identity.primary) {
          const [next] = await m.query(`SELECT id, value FROM user_identities WHERE user_id = ? AND type = 'PHONE' ORDER BY id LIMIT 1`, [identity.userId]);
          if (next) await m.query('UPDATE user_identities SET is_primary = 1 WHERE id = ?', [next.id]);
          await m.query('UPDATE users SET phone = ? WHERE id = ?', [next ? String(next.value) : null, identity.userId]);
        }
      }
      await this.touch(m, identity.userId, now);
      await this.audit.record(m, identity.userId, 'UPDATED', actor, [change(identity.type === 'EMAIL' ? 'emails' : 'phones', identity.value, null)], now);
    });
  }

  /** Makes an email or phone number the primary one of its type. */
  async makePrimary(identity: UserIdentity, actor: Actor): Promise<void> {
    if (identity.primary) return;
    await this.db.transaction(async (m) => {
      const now = new Date();
      const [old] = await m.query('SELECT value, verified FROM user_identities WHERE user_id = ? AND type = ? AND is_primary = 1', [identity.userId, identity.type]);
      await m.query('UPDATE user_identities SET is_primary = 0, updated_at = ? WHERE user_id = ? AND type = ? AND is_primary = 1', [
        toSql(now),
        identity.userId,
        identity.type,
      ]);
      await m.query('UPDATE user_identities SET is_primary = 1, updated_at = ? WHERE id = ?', [toSql(now), identity.id]);
      if (identity.type === IdentityType.PHONE) await m.query('UPDATE users SET phone = ? WHERE id = ?', [identity.value, identity.userId]);
      // The account is verified when its primary email is.
      else await m.query('UPDATE users SET verified = ? WHERE id = ?', [toSql(identity.verified), identity.userId]);
      await this.touch(m, identity.userId, now);
      const field = identity.type === 'EMAIL' ? 'email' : 'phone';
      await this.audit.record(m, identity.userId, 'UPDATED', actor, [change(field, old?.value ?? null, identity.value)], now);
    });
  }

  async verifyIdentity(identity: UserIdentity, actor: Actor): Promise<UserIdentity> {
    if (identity.verified) return identity;
    await this.db.transaction(async (m) => {
      const now = new Date();
      await m.query('UPDATE user_identities SET verified = 1, updated_at = ? WHERE id = ?', [toSql(now), identity.id]);
      if (identity.primary && identity.type === IdentityType.EMAIL) await m.query('UPDATE users SET verified = 1 WHERE id = ?', [identity.userId]);
      await this.touch(m, identity.userId, now);
      await this.audit.record(m, identity.userId, 'UPDATED', actor, [change('verifiedIdentity', null, identity.value)], now);
    });
    return Object.assign(new UserIdentity(), identity, { verified: true });
  }

  private async touch(m: EntityManager, userId: number, now: Date): Promise<void> {
    await m.query('UPDATE users SET updated_at = ? WHERE id = ?', [toSql(now), userId]);
  }

  /** The user who has an email address (any of theirs, in any letter case). */
  async findByEmail(address: string): Promise<User | null> {
    const r = parseEmail(address);
    if (!r.ok) return null;
    const owner = await this.ownerOfEmail(r.email.normalized);
    return owner ? this.findById(owner.id) : null;
  }

  /** For each phone number, the users who have it. */
  async holdersOfPhones(numbers: readonly string[]): Promise<{ value: string; userId: number }[]> {
    if (numbers.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT i.value_normalized, i.user_id FROM user_identities i JOIN users u ON u.id = i.user_id
       WHERE i.type = 'PHONE' AND i.value_normalized IN (${placeholders(numbers.length)}) AND u.deleted_at IS NULL ORDER BY i.id`,
      [...numbers],
    );
    return rows.map((r: Record<string, unknown>) => ({ value: String(r.value_normalized), userId: Number(r.user_id) }));
  }

  async byIds(ids: readonly number[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')} WHERE u.id IN (${placeholders(ids.length)}) AND u.deleted_at IS NULL`,
      [...ids],
    );
    return rows.map(userFromRow);
  }

  /** Tags in use, most used first; `query` matches their start. */
  async tagCounts(query: string | null | undefined, first: number | null | undefined): Promise<{ name: string; count: number }[]> {
    const size = pageSize(first, 20);
    if (size === 0) return [];
    const q = query === null || query === undefined || query.trim() === '' ? null : normalizeTag(query);
    const rows = await this.db.manager.query(
      `SELECT t.tag, COUNT(*) AS n FROM user_tags t JOIN users u ON u.id = t.user_id AND u.deleted_at IS NULL
       ${q === null ? '' : 'WHERE t.tag >= ? AND t.tag < ?'} GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ${size}`,
      q === null ? [] : [q, q + '\u{10FFFF}'],
    );
    return rows.map((r: Record<string, unknown>) => ({ name: String(r.tag), count: Number(r.n) }));
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

  private async loadForAudit(
    m: EntityManager,
    id: number,
  ): Promise<{ user: User; email: string | null; tags: string[]; organization: string | null } | null> {
    const rows = await m.query(
      `SELECT ${userSelect('u')}, o.name AS organization_name FROM users u ${primaryEmailJoin('u')}
       LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.id = ? AND u.deleted_at IS NULL`,
      [id],
    );
    if (!rows.length) return null;
    const tags: { tag: string }[] = await m.query('SELECT tag FROM user_tags WHERE user_id = ? ORDER BY tag', [id]);
    const user = userFromRow(rows[0]);
    return { user, email: user.primaryEmail ?? null, tags: tags.map((t) => String(t.tag)), organization: rows[0].organization_name ?? null };
  }

  async findById(id: number): Promise<User | null> {
    const rows = await this.db.manager.query(`SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')} WHERE u.id = ? AND u.deleted_at IS NULL`, [id]);
    return rows.length ? userFromRow(rows[0]) : null;
  }

  search(req: UserPageRequest): Promise<UserPage> {
    return searchUsers(this.db, req);
  }

  count(query: string | null, filter?: UserFilter): Promise<number> {
    return countUsers(this.db, query, filter);
  }

  async identitiesOf(userIds: readonly number[]): Promise<UserIdentity[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT ${IDENTITY_COLUMNS} FROM user_identities WHERE user_id IN (${placeholders(userIds.length)}) ORDER BY type, is_primary DESC, id`,
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
    if (!sameAddress) {
      // One of the user's other addresses becomes the primary one; the old primary stays as a secondary.
      const [own] = await m.query(`SELECT id, verified FROM user_identities WHERE user_id = ? AND type = 'EMAIL' AND value_normalized = ?`, [
        userId,
        email.normalized,
      ]);
      if (own) {
        await m.query(`UPDATE user_identities SET is_primary = 0, updated_at = ? WHERE user_id = ? AND type = 'EMAIL' AND is_primary = 1`, [toSql(now), userId]);
        await updateRow(m, 'user_identities', Number(own.id), { is_primary: true, value: email.address, ...(verified !== undefined ? { verified } : {}), updated_at: now });
        // The account is verified when its primary email is.
        if (verified === undefined) await m.query('UPDATE users SET verified = ? WHERE id = ?', [fromSqlBool(own.verified) ? 1 : 0, userId]);
        return;
      }
    }
    const set = {
      value: email.address,
      value_normalized: email.normalized,
      unique_value: email.normalized,
      deliverability: email.deliverability,
      // A new address has not been verified yet, unless the same change says so.
      verified: verified ?? (sameAddress ? current!.verified : false),
      updated_at: now,
    };
    if (!sameAddress && verified === undefined) await m.query('UPDATE users SET verified = 0 WHERE id = ?', [userId]);
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
    if (/unique_value|type_unique|value_normalized|type_value/.test(dup.index) && keys.email) {
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

function sharedPhoneWarning(field: string, e164: string, owner: { id: number; name: string }): UserWarning {
  return {
    code: 'SHARED_PHONE',
    field,
    existingUserId: String(owner.id),
    message: `${parsePhoneNumberFromString(e164)?.formatInternational() ?? e164} is also ${owner.name}'s number: it is kept on this profile as a shared number.`,
  };
}

function identityColumns(i: Omit<UserIdentity, 'id' | 'uniqueValue'>): Record<string, unknown> {
  return {
    user_id: i.userId,
    type: i.type,
    value: i.value,
    value_normalized: i.valueNormalized,
    is_primary: i.primary,
    verified: i.verified,
    shared: i.shared ?? false,
    unique_value: i.shared ? null : i.valueNormalized,
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
