import type { Database } from '../db/database.js';
import { placeholders } from '../db/sql.js';
import type { UserFilter } from './user-filter.js';
import { matchingUserRows } from './user-search.js';

/**
 * One page of the users export (GET /exports/users.csv) as plain rows, in four
 * queries: the page of users (readExportUsers: keyset on the id, newest first,
 * with their organization's name), then (readExportPage) the page's
 * identities, tags and custom field values, each sorted by user, oldest first
 * (the order of their indexes), which the writer walks from the end beside the
 * users (a merge): nothing is grouped per user and no entity is made; a page
 * is read, written and dropped.
 *
 * When the page's ids are dense (every user, or most: at most twice as many
 * ids between its first and last as it has users), the three lists are read
 * by that range of user ids, a plain index range; otherwise by the list of
 * ids. A range also holds rows of users not on the page (deleted, or not
 * matching the filter): the walk skips them.
 */
export interface ExportUserRow {
  id: number;
  name: string;
  role: string;
  phone: string | null;
  external_id: string | null;
  time_zone: string | null;
  locale: string | null;
  alias: string | null;
  details: string | null;
  notes: string | null;
  verified: unknown;
  suspended: unknown;
  organization_name: string | null;
}

export interface ExportIdentityRow {
  user_id: number;
  type: string;
  value: string;
  is_primary: unknown;
}

export interface ExportTagRow {
  user_id: number;
  tag: string;
}

export interface ExportValueRow {
  user_id: number;
  field_id: number;
  value: string;
}

export interface ExportPage {
  /** Newest first. */
  users: ExportUserRow[];
  /** By user (oldest first), then as a user's identities are listed: by type, primary first, then oldest first. */
  identities: ExportIdentityRow[];
  /** By user (oldest first), then by tag. */
  tags: ExportTagRow[];
  /** By user (oldest first), then by field and value key (the table's key). */
  values: ExportValueRow[];
}

const USER_SELECT =
  'u.id, u.name, u.role, u.phone, u.external_id, u.time_zone, u.locale, u.alias, u.details, u.notes, u.verified, u.suspended, o.name AS organization_name';
const ORGANIZATION_JOIN = 'LEFT JOIN organizations o ON o.id = u.organization_id';

/** The users a search and filter match after `beforeId` (at most `limit`), newest first. */
export function readExportUsers(
  db: Database,
  query: string | null,
  filter: UserFilter | undefined,
  beforeId: number | null,
  limit: number,
): Promise<ExportUserRow[]> {
  return matchingUserRows<ExportUserRow>(db, query, filter, beforeId, limit, USER_SELECT, ORGANIZATION_JOIN);
}

/**
 * The identities, tags and custom field values of a page of users
 * (readExportUsers), in one page: the values of `fieldIds`, or of every field
 * ('every': no condition on the field, which MariaDB reads a third faster).
 */
export async function readExportPage(db: Database, users: ExportUserRow[], fieldIds: readonly number[] | 'every'): Promise<ExportPage> {
  if (users.length === 0) return { users, identities: [], tags: [], values: [] };
  const newest = Number(users[0].id);
  const oldest = Number(users[users.length - 1].id);
  const dense = newest - oldest + 1 <= 2 * users.length;
  const byUser = dense
    ? { sql: 'user_id BETWEEN ? AND ?', params: [oldest, newest] }
    : { sql: `user_id IN (${placeholders(users.length)})`, params: users.map((u) => Number(u.id)) };
  const ofFields = fieldIds === 'every' ? { sql: '', params: [] } : { sql: ` AND field_id IN (${placeholders(fieldIds.length)})`, params: fieldIds };
  const m = db.manager;
  const [identities, tags, values] = await Promise.all([
    m.query(
      `SELECT user_id, type, value, is_primary FROM user_identities WHERE ${byUser.sql} ORDER BY user_id, type, is_primary DESC, id`,
      byUser.params,
    ) as Promise<ExportIdentityRow[]>,
    m.query(`SELECT user_id, tag FROM user_tags WHERE ${byUser.sql} ORDER BY user_id, tag`, byUser.params) as Promise<ExportTagRow[]>,
    fieldIds !== 'every' && fieldIds.length === 0
      ? Promise.resolve([])
      : (m.query(`SELECT user_id, field_id, value FROM user_field_values WHERE ${byUser.sql}${ofFields.sql} ORDER BY user_id, field_id, value_key`, [
          ...byUser.params,
          ...ofFields.params,
        ]) as Promise<ExportValueRow[]>),
  ]);
  return { users, identities, tags, values };
}
