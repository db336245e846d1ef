import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { insertRow, insertRows, placeholders, toSql } from '../db/sql.js';
import { EmailTakenError, UserInputError } from '../graphql/errors.js';
import { IDENTITY_COLUMNS, identityFromRow, primaryEmailJoin, toColumns, userFromRow, userSelect } from './user-rows.js';
import { parseEmail, type ParsedEmail } from './email-address.js';
import { profileChanges } from './user-changes.js';
import { CreatedVia, Role, User } from './user.entity.js';
import { Deliverability, IdentityType, UserIdentity } from './user-identity.entity.js';
import type { CreateUserInput, UpdateUserInput, UserWarning } from './user.inputs.js';
import { searchUsers, countUsers, type UserPage, type UserPageRequest } from './user-search.js';
import { NotFoundError } from '../graphql/errors.js';

/** Who is acting and through which door. */
export interface Actor {
  userId: number | null;
  via: CreatedVia;
}

export interface CreatedUser {
  user: User;
  identities: UserIdentity[];
  tags: string[];
  warnings: UserWarning[];
}

export interface UserServiceOptions {
  defaultPhoneCountry?: string;
}

function emailOrThrow(value: unknown, field = 'email'): ParsedEmail {
  if (value === null || value === undefined) throw new UserInputError(field, 'Email is required.');
  const r = parseEmail(value);
  if (!r.ok) throw new UserInputError(field, r.reason);
  return r.email;
}

function emailWarnings(email: ParsedEmail): UserWarning[] {
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
  constructor(
    private readonly db: Database,
    private readonly opts: UserServiceOptions = {},
  ) {}

  async create(input: CreateUserInput, actor: Actor): Promise<CreatedUser> {
    if (input.name === null || input.name === undefined) throw new UserInputError('name', 'Name is required.');
    const email = emailOrThrow(input.email);
    const changes = profileChanges(input, this.opts);
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
        const user = Object.assign(new User(), row, { id, primaryEmail: email.address });
        const identities = [Object.assign(new UserIdentity(), identity, { id: identityId })];
        return { user, identities, tags, warnings: emailWarnings(email) };
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: email.normalized, externalIdKey: row.externalIdKey });
    }
  }

  async update(id: number, input: UpdateUserInput): Promise<User> {
    const changes = profileChanges(input, this.opts);
    const email = input.email !== undefined ? emailOrThrow(input.email) : null;
    const existing = await this.findById(id);
    if (!existing) throw new NotFoundError(`User ${id}`);
    try {
      await this.db.transaction(async (m) => {
        const now = new Date();
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
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: email?.normalized, externalIdKey: changes.columns.externalIdKey }, id);
    }
    return (await this.findById(id))!;
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
