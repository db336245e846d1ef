import type { Database } from '../db/database.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { fromSqlDate, sqlDate } from '../db/sql.js';
import { UserInputError } from '../graphql/errors.js';
import {
  broadThreshold,
  exactMatchIds,
  fixedOrderJoin,
  matchingIds,
  narrowestFirst,
  rankSql,
  suggestQueries,
  TOP,
  wordConditions,
  type Sql,
} from '../search/word-match.js';
import { MAX_PREFIX, prefixCount } from '../search/prefix-counts.js';
import { searchKey } from './profile-rules.js';
import { Role } from './role.js';
import { queryWords, ROLE_MARK, roleMarker } from '../search/search-words.js';
import type { User } from './user.entity.js';
import { filterSql, type UserFilter } from './user-filter.js';
import { primaryEmailJoin, userFromRow, userSelect } from './user-rows.js';
import { msg } from '../i18n/message.js';
import { searchProblem } from '../text/text-rules.js';

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
  /** How many match over all pages, when the page's query counted them on the way. */
  total?: number;
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
  const problem = searchProblem(q);
  if (problem) throw new UserInputError('query', problem);
  return q;
}

/*
 * A query word that starts words of at least `broadThreshold` users
 * (SEARCH_BROAD_ENTRIES, or by default 8·√(accounts): 2,530 at 100,000, 8,000
 * at a million) is broad ("a", "jo", a common mail domain): its users
 * are not gathered from the word index, but read in the page's own order
 * (users by id, name or date, from their indexes), each checked for its
 * words, until the page is full.
 */

/**
 * Where the users a query matches come from (alias `u`): `from` and ` AND …`
 * conditions. Null when the query has no word (it matches nobody).
 * - Narrow (some word is rare): the matching ids, gathered from the index
 *   range of the narrowest word, drive the join (STRAIGHT_JOIN on MySQL,
 *   CROSS JOIN on SQLite fix the order; left to itself, MariaDB would read
 *   every user and probe the matches).
 * - Broad (every word is frequent): every user in the wanted order, with an
 *   EXISTS per word; the page fills after a few dozen rows.
 */
interface Source {
  from: Sql;
  where: Sql;
  broad: boolean;
  /** The query's words, narrowest first. */
  words: string[];
  /** Narrow: the matching ids alone, as the derived table `m(id)` that `from` joins to the users. */
  ids?: Sql;
}

const everyUser: Source = { from: { sql: 'users u', params: [] }, where: { sql: '', params: [] }, broad: false, words: [] };

/**
 * `sorted`: the page is in name or date order. Matches can cluster in that
 * order (every "gr…" name sits between "Frances" and "Hopper"), so a walk
 * from the start of the name index may read a large part of it before the
 * first match; such a list is read in order only when most users match: a
 * one- or two-letter word matching a tenth of the accounts or more.
 */
async function source(db: Database, query: string | null, sorted = false): Promise<Source | null> {
  if (query === null) return everyUser;
  return matchesSource(db, queryWords(query), sorted);
}

async function matchesSource(db: Database, words: string[], sorted = false): Promise<Source | null> {
  if (words.length === 0) return null;
  const { ordered, broad } = await narrowestFirst(db, words);
  if (broad && (!sorted || (await mostMatch(db, ordered[0]))))
    return { from: { sql: 'users u', params: [] }, where: wordConditions(ordered), broad: true, words: ordered };
  const ids = matchingIds(db.dialect, ordered)!;
  return {
    from: { sql: `${ids.sql} ${fixedOrderJoin(db.dialect)} users u ON u.id = m.id`, params: ids.params },
    where: { sql: '', params: [] },
    broad: false,
    words: ordered,
    ids,
  };
}

type Row = Record<string, unknown>;

/** Whether a one- or two-letter word starts words of a tenth of the accounts or more (prefix counts: two small reads). */
async function mostMatch(db: Database, word: string): Promise<boolean> {
  if ([...word].length > MAX_PREFIX) return false;
  const [matching, accounts] = await Promise.all([prefixCount(db.manager, word), prefixCount(db.manager, ROLE_MARK)]);
  return matching * 10 >= accounts;
}

/** Whether fewer than `limit` users have a name starting with `nameKey` (an index range read of at most that many entries). */
async function fewNamesStartWith(db: Database, nameKey: string, limit: number): Promise<boolean> {
  const [row] = await db.manager.query(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM users WHERE name_key >= ? AND name_key < ? LIMIT ${limit}) t`, [
    nameKey,
    nameKey + TOP,
  ]);
  return Number(row.n) < limit;
}

const sortKey = (sort: UserSort, r: Row): string => (sort.field === 'NAME' ? String(r.name_key) : sqlDate(fromSqlDate(r[SORT_COLUMN[sort.field]])));

export async function searchUsers(db: Database, req: UserPageRequest): Promise<UserPage> {
  const query = normalizeQuery(req.query);
  const sort = req.sort ?? null;
  const src = await source(db, query, sort !== null);
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
  /** The page's statement counted every match (the ranked search): none at all when the first page is empty. */
  let counted = false;
  const page = await readPage(
    req,
    { defaultSize: DEFAULT_PAGE, decode: (c: string) => codec.decode(c) as readonly (string | number)[] },
    async (limit, after) => {
      if (src === null) return [];
      const base = `SELECT ${userSelect('u')}`;
      const from = src.from;
      const where = ` WHERE u.deleted_at IS NULL${src.where.sql}${f.sql}`;
      const whereParams = [...src.where.params, ...f.params];
      if (byRank && src.broad) {
        // Tier by tier (exact, name starts with the query, the rest), each newest first from the primary key.
        const exact = await exactMatchIds(db, query);
        const name = searchKey(query);
        const notExact = exact.length ? ` AND u.id NOT IN (${exact.join(', ')})` : '';
        // Names that start with the query: when they are few (under half the broad threshold), read them from the name index and sort their ids
        // ("kak" at a million users: 2,500 names, 3 ms) rather than walk every user newest first (14–70 ms).
        const few = db.dialect === 'mysql' && (await fewNamesStartWith(db, name, Math.round((await broadThreshold(db)) / 2)));
        const tiers: { tier: number; sql: string; params: unknown[]; hint?: string }[] = [
          ...(exact.length ? [{ tier: 0, sql: ` AND u.id IN (${exact.join(', ')})`, params: [] }] : []),
          {
            tier: 1,
            sql: ` AND u.name_key >= ? AND u.name_key < ?${notExact}`,
            params: [name, name + TOP],
            hint: few ? ' FORCE INDEX (ix_users_name_key)' : '',
          },
          { tier: 2, sql: ` AND NOT (u.name_key >= ? AND u.name_key < ?)${notExact}`, params: [name, name + TOP] },
        ];
        rows = [];
        for (const t of tiers) {
          if (after !== null && t.tier < Number(after[0])) continue;
          const cursor = after !== null && t.tier === Number(after[0]) ? ' AND u.id < ?' : '';
          // The ids alone first (an index range, no row read but the page's), then the page's rows.
          const got: Row[] = await db.manager.query(
            `${base}, ${t.tier} AS tier FROM (SELECT u.id FROM users u${t.hint ?? ''}${where}${t.sql}${cursor} ORDER BY u.id DESC LIMIT ${limit - rows.length}) p
             JOIN users u ON u.id = p.id ${primaryEmailJoin('u')} ORDER BY u.id DESC`,
            [...whereParams, ...t.params, ...(cursor ? [after![1]] : [])],
          );
          rows.push(...got);
          if (rows.length >= limit) break;
        }
      } else if (byRank) {
        // The page's ids first (a sort of ids and ranks only), then their rows: sorting whole rows (notes,
        // details) of a large match set is what would cost.
        counted = after === null;
        const cursor = after === null ? '' : ' WHERE (r.tier > ? OR (r.tier = ? AND r.id < ?))';
        // Without a filter, the matches are ranked from the word and name indexes alone (deleted users keep no
        // words): only the page's users rows are read. With one, each match's row is read for the filter anyway.
        const lean = f.sql === '' && src.ids !== undefined;
        const rank = rankSql(query, lean ? 'm.id' : 'u.id', lean ? 'index' : 'u');
        const matches = lean
          ? {
              sql: `SELECT m.id AS id, ${rank.tier.sql} AS tier, COUNT(*) OVER () AS total FROM ${src.ids!.sql}${rank.join.sql}`,
              params: [...rank.tier.params, ...src.ids!.params, ...rank.join.params],
            }
          : {
              sql: `SELECT u.id AS id, ${rank.tier.sql} AS tier, COUNT(*) OVER () AS total FROM ${from.sql}${rank.join.sql}${where}`,
              params: [...rank.tier.params, ...from.params, ...rank.join.params, ...whereParams],
            };
        // Every match is ranked here anyway: their number comes with the page (totalCount needs no second query).
        rows = await db.manager.query(
          `SELECT ${userSelect('u')}, p.tier, p.total FROM (
           SELECT r.id, r.tier, r.total FROM (${matches.sql}) r${cursor}
           ORDER BY r.tier, r.id DESC LIMIT ${limit}
         ) p JOIN users u ON u.id = p.id ${primaryEmailJoin('u')} ORDER BY p.tier, p.id DESC`,
          [...matches.params, ...(after === null ? [] : [after[0], after[0], after[1]])],
        );
      } else if (sort) {
        const col = `u.${SORT_COLUMN[sort.field]}`;
        const [op, dir] = sort.direction === 'ASC' ? ['>', 'ASC'] : ['<', 'DESC'];
        const cursor = after === null ? '' : ` AND (${col} ${op} ? OR (${col} = ? AND u.id ${op} ?))`;
        rows = await db.manager.query(
          `${base} FROM ${from.sql} ${primaryEmailJoin('u')}${where}${cursor} ORDER BY ${col} ${dir}, u.id ${dir} LIMIT ${limit}`,
          [...from.params, ...whereParams, ...(after === null ? [] : [after[0], after[0], after[1]])],
        );
      } else {
        rows = await db.manager.query(
          `${base} FROM ${from.sql} ${primaryEmailJoin('u')}${where}${after === null ? '' : ' AND u.id < ?'} ORDER BY u.id DESC LIMIT ${limit}`,
          [...from.params, ...whereParams, ...(after === null ? [] : [after[0]])],
        );
      }
      return rows;
    },
  );
  const total = rows.length && rows[0].total !== undefined ? Number(rows[0].total) : counted ? 0 : undefined;
  return { ...page, items: page.items.map(userFromRow), cursors: page.items.map(cursorOf), query, ...(total === undefined ? {} : { total }) };
}

export async function countUsers(db: Database, query: string | null, filter?: UserFilter): Promise<number> {
  const q = normalizeQuery(query);
  const f = filterSql(filter);
  const words = q === null ? [] : queryWords(q);
  const onlyRoles = filter !== undefined && Object.keys(filter).every((k) => k === 'roles');
  if (words.length === 1 && [...words[0]].length <= MAX_PREFIX && (f.sql === '' || onlyRoles)) {
    // One short word: the prefix counts (search/prefix-counts.ts) answer at once. With a role filter that
    // keeps end users, the users of the other roles (a few staff) are counted and taken away.
    const all = await prefixCount(db.manager, words[0]);
    const roles = filter?.roles;
    if (!roles) return all;
    const others = Object.values(Role).filter((r) => !roles.includes(r));
    if (others.length === 0) return all;
    if (!roles.includes(Role.END_USER)) return countWhere(db, words, filterSql({ roles }));
    return all - (await countWhere(db, words, filterSql({ roles: others })));
  }
  if (q !== null && f.sql === '') {
    // Deleted users keep no words: the word index alone answers, without reading users.
    if (words.length === 0) return 0;
    const { ordered } = await narrowestFirst(db, words);
    const ids = matchingIds(db.dialect, ordered)!;
    const [row] = await db.manager.query(`SELECT COUNT(*) AS n FROM ${ids.sql}`, ids.params);
    return Number(row.n);
  }
  if (q !== null) return countWhere(db, words, f);
  // No query: every account, or those of some roles, are prefix counts of the role markers (search-words.ts).
  if (f.sql === '' || onlyRoles) {
    const roles = filter?.roles;
    if (!roles) return prefixCount(db.manager, ROLE_MARK);
    let n = 0;
    for (const r of new Set(roles)) n += await prefixCount(db.manager, roleMarker(r));
    return n;
  }
  const [row] = await db.manager.query(`SELECT COUNT(*) AS n FROM users u WHERE u.deleted_at IS NULL${f.sql}`, f.params);
  return Number(row.n);
}

/** The users with every word and the filter (no words: nobody). */
async function countWhere(db: Database, words: string[], f: Sql): Promise<number> {
  const src = await matchesSource(db, words);
  if (src === null) return 0;
  const [row] = await db.manager.query(`SELECT COUNT(*) AS n FROM ${src.from.sql} WHERE u.deleted_at IS NULL${src.where.sql}${f.sql}`, [
    ...src.from.params,
    ...src.where.params,
    ...f.params,
  ]);
  return Number(row.n);
}

/** Queries one edit away that match someone with the same filter ("Did you mean …?"); [] when the query matches or has nothing to correct. */
export async function suggestUsers(db: Database, query: string | null, filter?: UserFilter): Promise<string[]> {
  const q = normalizeQuery(query);
  if (q === null) return [];
  const f = filterSql(filter);
  const matches = async (words: string[]): Promise<boolean> => {
    const src = await matchesSource(db, words);
    if (!src) return false;
    const rows = await db.manager.query(`SELECT u.id FROM ${src.from.sql} WHERE u.deleted_at IS NULL${src.where.sql}${f.sql} LIMIT 1`, [
      ...src.from.params,
      ...src.where.params,
      ...f.params,
    ]);
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
  const ids = await matchingIdsSql(db, query, filter, beforeId, limit);
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
  const ids = await matchingIdsSql(db, query, filter, beforeId, limit);
  if (ids === null) return [];
  return db.manager.query(`SELECT ${select} FROM (${ids.sql}) p JOIN users u ON u.id = p.id${join ? ` ${join}` : ''} ORDER BY p.id DESC`, ids.params);
}

async function matchingIdsSql(
  db: Database,
  query: string | null,
  filter: UserFilter | undefined,
  beforeId: number | null,
  limit: number,
): Promise<Sql | null> {
  const src = await source(db, normalizeQuery(query));
  if (src === null) return null;
  const f = filterSql(filter);
  return {
    sql: `SELECT u.id FROM ${src.from.sql} WHERE u.deleted_at IS NULL${src.where.sql}${f.sql}${beforeId === null ? '' : ' AND u.id < ?'} ORDER BY u.id DESC LIMIT ${Math.floor(limit)}`,
    params: [...src.from.params, ...src.where.params, ...f.params, ...(beforeId === null ? [] : [beforeId])],
  };
}
