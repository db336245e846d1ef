import type { Database } from '../db/database.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { fromSqlDate, sqlDate } from '../db/sql.js';
import { UserInputError } from '../graphql/errors.js';
import { matchingIds, rankSql, suggestQueries, type Sql } from '../search/word-match.js';
import { queryWords } from '../search/search-words.js';
import type { User } from './user.entity.js';
import { filterSql, type UserFilter } from './user-filter.js';
import { primaryEmailJoin, userFromRow, userSelect } from './user-rows.js';
import { msg } from '../i18n/message.js';

export type { UserFilter };

const DEFAULT_PAGE = 25;
const MAX_QUERY = 320;

export interface UserSort {
  field: 'NAME' | 'CREATED_AT' | 'UPDATED_AT';
  direction: 'ASC' | 'DESC';
}

export interface UserPageRequest extends PageRequest {
  query?: string | null;
  filter?: UserFilter;
  sort?: UserSort | null;
}

/** A page of users, with the search it answers (for totalCount and suggestions). */
export interface UserPage extends Page<User> {
  query: string | null;
  /** Each user's cursor, in page order. */
  cursors: string[];
}

/** Newest first (no query, no sort): a cursor is a user's id. */
export const userCursor = cursorCodec('users', ['int']);
/** Best matches first: rank, then newest first. */
const foundCursor = cursorCodec('users-found', ['int', 'int']);
const sortCursors = {
  NAME: cursorCodec('users-by-name', ['text', 'int']),
  CREATED_AT: cursorCodec('users-by-created', ['text', 'int']),
  UPDATED_AT: cursorCodec('users-by-updated', ['text', 'int']),
};
const SORT_COLUMN = { NAME: 'name_key', CREATED_AT: 'created_at', UPDATED_AT: 'updated_at' } as const;

export function normalizeQuery(query: string | null | undefined): string | null {
  if (query === null || query === undefined) return null;
  const q = query.trim();
  if (q === '') return null;
  if ([...q].length > MAX_QUERY) throw new UserInputError('query', msg('users.searchAtMostCharacters', { maxQuery: MAX_QUERY }));
  if (/[\u0000-\u001f\u007f]/.test(q)) throw new UserInputError('query', msg('organizations.searchContainControlCharacters'));
  return q;
}

/**
 * `FROM …` of the users a query matches (alias `u`), or of every user; null
 * when the query has no word (it matches nobody). The matching ids drive the
 * join (STRAIGHT_JOIN on MySQL, CROSS JOIN on SQLite fix the order): left to
 * itself, MariaDB would read every user and probe the matches.
 */
function source(db: Database, query: string | null): Sql | null {
  if (query === null) return { sql: 'users u', params: [] };
  return matchesSource(db, queryWords(query));
}

function matchesSource(db: Database, words: string[]): Sql | null {
  const ids = matchingIds(words);
  const join = db.dialect === 'mysql' ? 'STRAIGHT_JOIN' : 'CROSS JOIN';
  return ids && { sql: `${ids.sql} ${join} users u ON u.id = m.id`, params: ids.params };
}

type Row = Record<string, unknown>;

const sortKey = (sort: UserSort, r: Row): string => (sort.field === 'NAME' ? String(r.name_key) : sqlDate(fromSqlDate(r[SORT_COLUMN[sort.field]])));

export async function searchUsers(db: Database, req: UserPageRequest): Promise<UserPage> {
  const query = normalizeQuery(req.query);
  const sort = req.sort ?? null;
  const from = source(db, query);
  const f = filterSql(req.filter);
  const byRank = query !== null && sort === null;
  const codec = sort ? sortCursors[sort.field] : byRank ? foundCursor : userCursor;
  const cursorOf = (r: Row): string =>
    sort
      ? sortCursors[sort.field].encode(sortKey(sort, r), Number(r.id))
      : byRank
        ? foundCursor.encode(Number(r.tier), Number(r.id))
        : userCursor.encode(Number(r.id));
  let rows: Row[] = [];
  const page = await readPage(
    req,
    { defaultSize: DEFAULT_PAGE, decode: (c: string) => codec.decode(c) as readonly (string | number)[] },
    async (limit, after) => {
      if (from === null) return [];
      const base = `SELECT ${userSelect('u')}`;
      const where = ` WHERE u.deleted_at IS NULL${f.sql}`;
      if (byRank) {
        // The page's ids first (a sort of ids and ranks only), then their rows: sorting whole rows (notes,
        // details) of a large match set is what would cost.
        const rank = await rankSql(db, query);
        const cursor = after === null ? '' : ' WHERE (r.tier > ? OR (r.tier = ? AND r.id < ?))';
        rows = await db.manager.query(
          `SELECT ${userSelect('u')}, p.tier FROM (
           SELECT r.id, r.tier FROM (SELECT u.id AS id, ${rank.sql} AS tier FROM ${from.sql}${where}) r${cursor}
           ORDER BY r.tier, r.id DESC LIMIT ${limit}
         ) p JOIN users u ON u.id = p.id ${primaryEmailJoin('u')} ORDER BY p.tier, p.id DESC`,
          [...rank.params, ...from.params, ...f.params, ...(after === null ? [] : [after[0], after[0], after[1]])],
        );
      } else if (sort) {
        const col = `u.${SORT_COLUMN[sort.field]}`;
        const [op, dir] = sort.direction === 'ASC' ? ['>', 'ASC'] : ['<', 'DESC'];
        const cursor = after === null ? '' : ` AND (${col} ${op} ? OR (${col} = ? AND u.id ${op} ?))`;
        rows = await db.manager.query(
          `${base} FROM ${from.sql} ${primaryEmailJoin('u')}${where}${cursor} ORDER BY ${col} ${dir}, u.id ${dir} LIMIT ${limit}`,
          [...from.params, ...f.params, ...(after === null ? [] : [after[0], after[0], after[1]])],
        );
      } else {
        rows = await db.manager.query(
          `${base} FROM ${from.sql} ${primaryEmailJoin('u')}${where}${after === null ? '' : ' AND u.id < ?'} ORDER BY u.id DESC LIMIT ${limit}`,
          [...from.params, ...f.params, ...(after === null ? [] : [after[0]])],
        );
      }
      return rows;
    },
  );
  return { ...page, items: page.items.map(userFromRow), cursors: page.items.map(cursorOf), query };
}

export async function countUsers(db: Database, query: string | null, filter?: UserFilter): Promise<number> {
  const q = normalizeQuery(query);
  const f = filterSql(filter);
  if (q !== null && f.sql === '') {
    // Deleted users keep no words: the word index alone answers, without reading users.
    const ids = matchingIds(queryWords(q));
    if (ids === null) return 0;
    const [row] = await db.manager.query(`SELECT COUNT(*) AS n FROM ${ids.sql}`, ids.params);
    return Number(row.n);
  }
  const from = source(db, q);
  if (from === null) return 0;
  const [row] = await db.manager.query(`SELECT COUNT(*) AS n FROM ${from.sql} WHERE u.deleted_at IS NULL${f.sql}`, [...from.params, ...f.params]);
  return Number(row.n);
}

/** Queries one edit away that match someone with the same filter ("Did you mean …?"); [] when the query matches or has nothing to correct. */
export async function suggestUsers(db: Database, query: string | null, filter?: UserFilter): Promise<string[]> {
  const q = normalizeQuery(query);
  if (q === null) return [];
  const f = filterSql(filter);
  const matches = async (words: string[]): Promise<boolean> => {
    const from = matchesSource(db, words);
    if (!from) return false;
    const rows = await db.manager.query(`SELECT u.id FROM ${from.sql} WHERE u.deleted_at IS NULL${f.sql} LIMIT 1`, [...from.params, ...f.params]);
    return rows.length > 0;
  };
  if (await matches(queryWords(q))) return [];
  return suggestQueries(db, q, matches);
}

/**
 * The ids of the users a search and filter match, newest first, a page at a
 * time after `beforeId` (keyset paging: each page is an index range), for
 * bulk actions and the export.
 */
export async function matchingUserIds(
  db: Database,
  query: string | null,
  filter: UserFilter | undefined,
  beforeId: number | null,
  limit: number,
): Promise<number[]> {
  const ids = matchingIdsSql(db, query, filter, beforeId, limit);
  if (ids === null) return [];
  const rows: { id: unknown }[] = await db.manager.query(ids.sql, ids.params);
  return rows.map((r) => Number(r.id));
}

/**
 * As matchingUserIds, the columns `select` names (of `u`, and of what `join`
 * adds, one row per user) rather than the ids: the export reads a page of
 * users in the query that finds them. The page's ids are found first, by
 * matchingUserIds' own query (an index range that the LIMIT stops), and the
 * rows joined to them: asked for whole rows in one go, MariaDB walks
 * ix_users_deleted_at from the newest user down to the page, so that each
 * page reads every newer user again.
 */
export async function matchingUserRows<T extends object = Row>(
  db: Database,
  query: string | null,
  filter: UserFilter | undefined,
  beforeId: number | null,
  limit: number,
  select: string,
  join = '',
): Promise<T[]> {
  const ids = matchingIdsSql(db, query, filter, beforeId, limit);
  if (ids === null) return [];
  return db.manager.query(`SELECT ${select} FROM (${ids.sql}) p JOIN users u ON u.id = p.id${join ? ` ${join}` : ''} ORDER BY p.id DESC`, ids.params);
}

function matchingIdsSql(db: Database, query: string | null, filter: UserFilter | undefined, beforeId: number | null, limit: number): Sql | null {
  const from = source(db, normalizeQuery(query));
  if (from === null) return null;
  const f = filterSql(filter);
  return {
    sql: `SELECT u.id FROM ${from.sql} WHERE u.deleted_at IS NULL${f.sql}${beforeId === null ? '' : ' AND u.id < ?'} ORDER BY u.id DESC LIMIT ${Math.floor(limit)}`,
    params: [...from.params, ...f.params, ...(beforeId === null ? [] : [beforeId])],
  };
}
