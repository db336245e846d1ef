import type { Database } from '../db/database.js';
import { UserInputError } from '../graphql/errors.js';
import { searchKey } from './profile-rules.js';
import type { User } from './user.entity.js';
import { primaryEmailJoin, userFromRow, userSelect } from './user-rows.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 25;
const MAX_QUERY = 320;
// The highest code point: `key >= p AND key < p + TOP` is a prefix match that
// both MySQL (utf8mb4_bin) and SQLite answer from an index.
const TOP = '\u{10FFFF}';

export interface UserPageRequest {
  first?: number | null;
  after?: string | null;
  query?: string | null;
}

export interface UserPage {
  users: User[];
  hasNextPage: boolean;
  query: string | null;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`user:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const m = /^user:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new UserInputError('after', 'This cursor is not one that users() returned.');
  return Number(m[1]);
}

export function normalizeQuery(query: string | null | undefined): string | null {
  if (query === null || query === undefined) return null;
  const q = query.trim();
  if (q === '') return null;
  if ([...q].length > MAX_QUERY) throw new UserInputError('query', `A search can be at most ${MAX_QUERY} characters.`);
  if (/[\u0000-\u001f\u007f]/.test(q)) throw new UserInputError('query', 'A search cannot contain control characters.');
  return q;
}

function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (first < 0) throw new UserInputError('first', 'first cannot be negative.');
  return Math.min(first, MAX_PAGE);
}

/**
 * Users whose name or any email starts with the query, newest first, in one
 * round trip. Two index scans joined by UNION, rather than an OR that the
 * planner would answer by reading every user; each branch stops after `limit`.
 */
async function matchingUsers(db: Database, query: string, beforeId: number | null, limit: number): Promise<User[]> {
  const name = searchKey(query);
  const email = query.toLowerCase();
  const before = beforeId === null ? '' : ' AND u.id < ?';
  const beforeI = beforeId === null ? '' : ' AND i.user_id < ?';
  const p = (prefix: string) => (beforeId === null ? [prefix, prefix + TOP] : [prefix, prefix + TOP, beforeId]);
  const sql = `SELECT ${userSelect('m')} FROM (
      SELECT id FROM (SELECT u.id FROM users u
        WHERE u.name_key >= ? AND u.name_key < ? AND u.deleted_at IS NULL${before}
        ORDER BY u.id DESC LIMIT ${limit}) a
      UNION
      SELECT id FROM (SELECT i.user_id AS id FROM user_identities i JOIN users u ON u.id = i.user_id
        WHERE i.type = 'EMAIL' AND i.value_normalized >= ? AND i.value_normalized < ? AND u.deleted_at IS NULL${beforeI}
        ORDER BY i.user_id DESC LIMIT ${limit}) b
    ) t JOIN users m ON m.id = t.id ${primaryEmailJoin('m')} ORDER BY m.id DESC LIMIT ${limit}`;
  const rows = await db.manager.query(sql, [...p(name), ...p(email)]);
  return rows.map(userFromRow);
}

export async function searchUsers(db: Database, req: UserPageRequest): Promise<UserPage> {
  const size = pageSize(req.first);
  const beforeId = req.after ? decodeCursor(req.after) : null;
  const query = normalizeQuery(req.query);
  if (size === 0) return { users: [], hasNextPage: false, query };
  let users: User[];
  if (query === null) {
    const rows = await db.manager.query(
      `SELECT ${userSelect('u')} FROM users u ${primaryEmailJoin('u')}
       WHERE u.deleted_at IS NULL${beforeId === null ? '' : ' AND u.id < ?'} ORDER BY u.id DESC LIMIT ${size + 1}`,
      beforeId === null ? [] : [beforeId],
    );
    users = rows.map(userFromRow);
  } else {
    users = await matchingUsers(db, query, beforeId, size + 1);
  }
  return { users: users.slice(0, size), hasNextPage: users.length > size, query };
}

export async function countUsers(db: Database, query: string | null): Promise<number> {
  if (query === null) {
    const [row] = await db.manager.query('SELECT COUNT(*) AS n FROM users WHERE deleted_at IS NULL');
    return Number(row.n);
  }
  const name = searchKey(query);
  const email = query.toLowerCase();
  const [row] = await db.manager.query(
    `SELECT COUNT(*) AS n FROM users u WHERE u.deleted_at IS NULL AND (
       (u.name_key >= ? AND u.name_key < ?)
       OR u.id IN (SELECT i.user_id FROM user_identities i WHERE i.type = 'EMAIL' AND i.value_normalized >= ? AND i.value_normalized < ?))`,
    [name, name + TOP, email, email + TOP],
  );
  return Number(row.n);
}
