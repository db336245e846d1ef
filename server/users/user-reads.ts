import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Database } from '../db/database.js';
import { forUpdate } from '../db/locks.js';
import { pageSize } from '../db/paging.js';
import { fromSqlDate, placeholders } from '../db/sql.js';
import { parseEmail } from './email-address.js';
import { externalIdKey, normalizeTag } from './profile-rules.js';
import { IDENTITY_COLUMNS, identityFromRow, primaryEmailJoin, userFromRow, userSelect } from './user-rows.js';
import { readExportPage, readExportUsers, type ExportPage, type ExportUserRow } from './user-export-rows.js';
import { countUsers, matchingUserIds, searchUsers, suggestUsers, type UserFilter, type UserPage, type UserPageRequest } from './user-search.js';
import { User } from './user.entity.js';
import { valuesOf } from '../versions/record-versions.js';
import { IdentityType, UserIdentity } from './user-identity.entity.js';
import { UserTag } from './user-tag.entity.js';
import { holderOf } from './identity-holders.js';

/** Users with their primary email (`user.primaryEmail`), in one query. */
export function usersWithPrimaryEmail(m: EntityManager): SelectQueryBuilder<User> {
  return m
    .createQueryBuilder(User, 'u')
    .leftJoin(UserIdentity, 'pe', "pe.user_id = u.id AND pe.type = 'EMAIL' AND pe.is_primary = 1")
    .addSelect('pe.value', 'primary_email');
}

/** Runs a usersWithPrimaryEmail query. */
export async function withPrimaryEmail(qb: SelectQueryBuilder<User>): Promise<User[]> {
  const { raw, entities } = await qb.getRawAndEntities<{ u_id: unknown; primary_email: string | null }>();
  const emails = new Map(raw.map((r) => [Number(r.u_id), r.primary_email]));
  for (const u of entities) u.primaryEmail = emails.get(u.id) ?? null;
  return entities;
}

/**
 * Locks a user's row for the rest of the transaction and reads it (null when
 * there is none, or it is deleted). Every change of a user starts here, so
 * changes of one user take turns, and what they read after it is current.
 */
export function lockUser(m: EntityManager, id: number): Promise<User | null> {
  return forUpdate(m.createQueryBuilder(User, 'u').where('u.id = :id AND u.deleted_at IS NULL', { id })).getOne();
}

/**
 * Reading users: one account, lookups by address, the batches behind the
 * per-request DataLoaders, tags, and the list/search (user-search.ts).
 * The batches and the list are plain SQL (user-rows.ts): a page of 100
 * profiles reads them for every user of the page.
 */
export class UserReads {
  constructor(private readonly db: Database) {}

  async findById(id: number, m: EntityManager = this.db.manager): Promise<User | null> {
    const [user] = await withPrimaryEmail(usersWithPrimaryEmail(m).where('u.id = :id AND u.deleted_at IS NULL', { id }));
    return user ?? null;
  }

  /**
   * The user who owns an email address (any of theirs, in any letter case).
   * An end user's unverified claim on an address is not owning it.
   */
  async findByEmail(address: string): Promise<User | null> {
    const r = parseEmail(address);
    if (!r.ok) return null;
    const owner = await holderOf(this.db.manager, IdentityType.EMAIL, r.email.normalized);
    return owner ? this.findById(owner.id) : null;
  }

  /**
   * As findByEmail, but an address a deleted customer still holds (until
   * erased) answers 'DELETED' instead of null: nobody else may take it, and
   * nothing may be added to the deleted account.
   */
  async holderOfEmail(address: string): Promise<User | 'DELETED' | null> {
    const r = parseEmail(address);
    if (!r.ok) return null;
    const owner = await holderOf(this.db.manager, IdentityType.EMAIL, r.email.normalized);
    if (!owner) return null;
    return (await this.findById(owner.id)) ?? 'DELETED';
  }

  async identityById(id: number, m: EntityManager = this.db.manager): Promise<UserIdentity | null> {
    return m
      .createQueryBuilder(UserIdentity, 'i')
      .innerJoin(User, 'u', 'u.id = i.user_id AND u.deleted_at IS NULL')
      .where('i.id = :id', { id })
      .getOne();
  }

  /** Tags in use, most used first; `query` matches their start. */
  async tagCounts(query: string | null | undefined, first: number | null | undefined): Promise<{ name: string; count: number }[]> {
    const size = pageSize(first, 20);
    if (size === 0) return [];
    const q = query === null || query === undefined || query.trim() === '' ? null : normalizeTag(query);
    const qb = this.db.manager
      .createQueryBuilder(UserTag, 't')
      .innerJoin(User, 'u', 'u.id = t.user_id AND u.deleted_at IS NULL')
      .select(['t.tag AS tag', 'COUNT(*) AS n'])
      .groupBy('t.tag')
      .orderBy('n', 'DESC')
      .addOrderBy('t.tag')
      .limit(size);
    if (q !== null) qb.where('t.tag >= :from AND t.tag < :to', { from: q, to: q + '\u{10FFFF}' });
    const rows = await qb.getRawMany<{ tag: unknown; n: unknown }>();
    return rows.map((r) => ({ name: String(r.tag), count: Number(r.n) }));
  }

  /** Earlier values of one of a user's fields, newest first (record_versions). */
  fieldVersions(userId: number, field: string, limit: number) {
    return valuesOf(this.db.manager, 'user', userId, field, limit);
  }

  search(req: UserPageRequest): Promise<UserPage> {
    return searchUsers(this.db, req);
  }

  count(query: string | null, filter?: UserFilter): Promise<number> {
    return countUsers(this.db, query, filter);
  }

  matchingIds(query: string | null, filter: UserFilter | undefined, beforeId: number | null, limit: number): Promise<number[]> {
    return matchingUserIds(this.db, query, filter, beforeId, limit);
  }

  suggest(query: string | null, filter?: UserFilter): Promise<string[]> {
    return suggestUsers(this.db, query, filter);
  }

  exportUsers(query: string | null, filter: UserFilter | undefined, beforeId: number | null, limit: number): Promise<ExportUserRow[]> {
    return readExportUsers(this.db, query, filter, beforeId, limit);
  }

  exportPage(users: ExportUserRow[], fieldIds: readonly number[] | 'every'): Promise<ExportPage> {
    return readExportPage(this.db, users, fieldIds);
  }

  // ---- Batches for the DataLoaders (plain SQL: read for every user of a page) ----

  async byIds(ids: readonly number[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')} WHERE u.id IN (${placeholders(ids.length)}) AND u.deleted_at IS NULL`,
      [...ids],
    );
    return rows.map(userFromRow);
  }

  /** Deleted (or erased) accounts among `ids`, as tombstones: id, external id (null once erased), when deleted. */
  async tombstonesOf(ids: readonly number[]): Promise<{ id: number; externalId: string | null; deletedAt: Date }[]> {
    if (ids.length === 0) return [];
    const rows: { id: unknown; external_id: string | null; deleted_at: unknown }[] = await this.db.manager.query(
      `SELECT id, external_id, deleted_at FROM users WHERE id IN (${placeholders(ids.length)}) AND deleted_at IS NOT NULL`,
      [...ids],
    );
    return rows.map((r) => ({ id: Number(r.id), externalId: r.external_id, deletedAt: fromSqlDate(r.deleted_at) }));
  }

  async byExternalIds(externalIds: readonly string[]): Promise<User[]> {
    const keys = [...new Set(externalIds.map((e) => externalIdKey(e.trim())))];
    if (keys.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')} WHERE u.external_id_key IN (${placeholders(keys.length)}) AND u.deleted_at IS NULL`,
      keys,
    );
    return rows.map(userFromRow);
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
}
