import type { Database } from '../db/database.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { UserInputError } from '../graphql/errors.js';
import { searchKey } from './profile-rules.js';
import { emailSearchKey } from './email-address.js';
import type { User } from './user.entity.js';
import { primaryEmailJoin, userFromRow, userSelect } from './user-rows.js';

const DEFAULT_PAGE = 25;
const MAX_QUERY = 320;
// The highest code point: `key >= p AND key < p + TOP` is a prefix match that
// both MySQL (utf8mb4_bin) and SQLite answer from an index.
const TOP = '\u{10FFFF}';

/** Conditions on a user (alias `u`) that every branch of a search applies. */
export interface UserFilter {
  tags?: string[];
  organizationId?: number;
  /** Extra SQL on `u.id` (custom field values), from the fields module. */
  extra?: { sql: string; params: unknown[] }[];
}

export interface UserPageRequest extends PageRequest {
  query?: string | null;
  filter?: UserFilter;
}

/** A page of users, newest first, with the search it answers (for totalCount). */
export interface UserPage extends Page<User> {
  query: string | null;
}

/** Users page newest first: a cursor is a user's id. */
export const userCursor = cursorCodec('users', ['int']);

export function normalizeQuery(query: string | null | undefined): string | null {
  if (query === null || query === undefined) return null;
  const q = query.trim();
  if (q === '') return null;
  if ([...q].length > MAX_QUERY) throw new UserInputError('query', `A search can be at most ${MAX_QUERY} characters.`);
  if (/[\u0000-\u001f\u007f]/.test(q)) throw new UserInputError('query', 'A search cannot contain control characters.');
  return q;
}

/** ` AND ...` conditions on alias `u` for the filter, with their parameters. */
function filterSql(filter: UserFilter | undefined): { sql: string; params: unknown[] } {
  if (!filter) return { sql: '', params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const tag of filter.tags ?? []) {
    parts.push('EXISTS (SELECT 1 FROM user_tags ft WHERE ft.user_id = u.id AND ft.tag = ?)');
    params.push(tag);
  }
  if (filter.organizationId !== undefined) {
    parts.push('u.organization_id = ?');
    params.push(filter.organizationId);
  }
  for (const e of filter.extra ?? []) {
    parts.push(e.sql);
    params.push(...e.params);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** A query that reads as a phone number ("+33 6 12", "(415) 555") -> its digits with the +, else null. */
export function phoneQuery(query: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(query)) return null;
  const digits = query.replace(/[^\d]/g, '');
  if (digits.length < 3) return null;
  return query.trim().startsWith('+') ? `+${digits}` : null;
}

/**
 * Users whose name, any email or (for a query like "+33 6") any phone number
 * starts with the query, newest first, in one round trip. Index scans joined
 * by UNION, rather than an OR that the planner would answer by reading every
 * user; each branch stops after `limit`.
 */
async function matchingUsers(db: Database, query: string, beforeId: number | null, limit: number, filter?: UserFilter): Promise<User[]> {
  const name = searchKey(query);
  const email = emailSearchKey(query);
  const phone = phoneQuery(query);
  const f = filterSql(filter);
  const before = beforeId === null ? '' : ' AND u.id < ?';
  const p = (prefix: string) => [prefix, prefix + TOP, ...(beforeId === null ? [] : [beforeId]), ...f.params];
  const identityBranch = (type: string) => `SELECT id FROM (SELECT i.user_id AS id FROM user_identities i JOIN users u ON u.id = i.user_id
        WHERE i.type = '${type}' AND i.value_normalized >= ? AND i.value_normalized < ? AND u.deleted_at IS NULL${before}${f.sql}
        ORDER BY i.user_id DESC LIMIT ${limit}) ${type.toLowerCase()}`;
  const sql = `SELECT ${userSelect('m')} FROM (
      SELECT id FROM (SELECT u.id FROM users u
        WHERE u.name_key >= ? AND u.name_key < ? AND u.deleted_at IS NULL${before}${f.sql}
        ORDER BY u.id DESC LIMIT ${limit}) a
      UNION
      ${identityBranch('EMAIL')}
      ${phone ? `UNION ${identityBranch('PHONE')}` : ''}
    ) t JOIN users m ON m.id = t.id ${primaryEmailJoin('m')} ORDER BY m.id DESC LIMIT ${limit}`;
  const rows = await db.manager.query(sql, [...p(name), ...p(email), ...(phone ? p(phone) : [])]);
  return rows.map(userFromRow);
}

export async function searchUsers(db: Database, req: UserPageRequest): Promise<UserPage> {
  const query = normalizeQuery(req.query);
  const page = await readPage(req, { defaultSize: DEFAULT_PAGE, decode: userCursor.decode }, async (limit, after): Promise<User[]> => {
    const beforeId = after === null ? null : after[0];
    if (query !== null) return matchingUsers(db, query, beforeId, limit, req.filter);
    const f = filterSql(req.filter);
    const rows = await db.manager.query(
      `SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')}
       WHERE u.deleted_at IS NULL${beforeId === null ? '' : ' AND u.id < ?'}${f.sql} ORDER BY u.id DESC LIMIT ${limit}`,
      [...(beforeId === null ? [] : [beforeId]), ...f.params],
    );
    return rows.map(userFromRow);
  });
  return { ...page, query };
}

export async function countUsers(db: Database, query: string | null, filter?: UserFilter): Promise<number> {
  const f = filterSql(filter);
  if (query === null) {
    const [row] = await db.manager.query(`SELECT COUNT(*) AS n FROM users u WHERE u.deleted_at IS NULL${f.sql}`, f.params);
    return Number(row.n);
  }
  const name = searchKey(query);
  const email = emailSearchKey(query);
  const phone = phoneQuery(query);
  const [row] = await db.manager.query(
    `SELECT COUNT(*) AS n FROM users u WHERE u.deleted_at IS NULL AND (
       (u.name_key >= ? AND u.name_key < ?)
       OR u.id IN (SELECT i.user_id FROM user_identities i WHERE i.type = 'EMAIL' AND i.value_normalized >= ? AND i.value_normalized < ?)
       ${phone ? `OR u.id IN (SELECT i.user_id FROM user_identities i WHERE i.type = 'PHONE' AND i.value_normalized >= ? AND i.value_normalized < ?)` : ''})${f.sql}`,
    [name, name + TOP, email, email + TOP, ...(phone ? [phone, phone + TOP] : []), ...f.params],
  );
  return Number(row.n);
}
