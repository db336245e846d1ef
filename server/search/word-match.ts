import type { Database } from '../db/database.js';
import { externalIdKey, searchKey } from '../users/profile-rules.js';
import { emailSearchKey } from '../users/email-address.js';
import { candidateRange, oneEditAway } from './did-you-mean.js';
import { queryPhoneDigits, queryWords, ROLE_MARK } from './search-words.js';
import { prefixCount } from './prefix-counts.js';

/**
 * The SQL of the word search (issue 9) over `user_search_words`: a user
 * matches when every query word is the prefix of one of its words. The
 * longest query word drives (a prefix range scan of the primary key
 * (word, user_id)); each other word is joined on (user_id, word). No
 * branch reads the users table but by primary key.
 */

// The highest code point: `word >= p AND word < p + TOP` is a prefix match that
// both MySQL (utf8mb4_bin) and SQLite answer from an index.
export const TOP = '\u{10FFFF}';

export interface Sql {
  sql: string;
  params: unknown[];
}

/** An inner join that keeps the tables in the order written: the left one drives (MySQL's STRAIGHT_JOIN, SQLite's CROSS JOIN). */
export const fixedOrderJoin = (dialect: 'mysql' | 'sqlite'): string => (dialect === 'mysql' ? 'STRAIGHT_JOIN' : 'CROSS JOIN');

/**
 * The ids of the users whose words match every query word, as a derived
 * table `alias(id)`; null when the query has no word. `words` come narrowest
 * first (narrowestFirst): the first one's prefix range drives, and each other
 * word is a join on (user_id, word) in that fixed order (STRAIGHT_JOIN on
 * MySQL, CROSS JOIN on SQLite), which the DISTINCT lets MariaDB leave at a
 * user's first matching word. Left free, MariaDB may start from a frequent
 * word's whole range ("m" in "kalo.m"); as one correlated subquery per entry,
 * each check costs a subquery's setup (2,000 users with a one-letter second
 * word: 15 ms, against 8.5 ms joined).
 */
export function matchingIds(dialect: 'mysql' | 'sqlite', words: readonly string[], alias = 'm'): Sql | null {
  if (words.length === 0) return null;
  const [first, ...rest] = words;
  const join = fixedOrderJoin(dialect);
  const others = rest.map(
    (_, i) => ` ${join} user_search_words w${i + 1} ON w${i + 1}.user_id = w0.user_id AND w${i + 1}.word >= ? AND w${i + 1}.word < ?`,
  );
  return {
    sql: `(SELECT DISTINCT w0.user_id AS id FROM user_search_words w0${others.join('')} WHERE w0.word >= ? AND w0.word < ?) ${alias}`,
    params: [...rest.flatMap((w) => [w, w + TOP]), first, first + TOP],
  };
}

/**
 * ` AND …` conditions on alias `u`: the user has a word starting with each
 * query word. Written as a scalar subquery rather than EXISTS on purpose: an
 * EXISTS may be turned into a semi-join that reads the word's whole range
 * first (823,000 entries for "j" at a million users, 150 ms), while this is
 * one index lookup per user read, and the page stops after a few dozen.
 */
export function wordConditions(words: readonly string[]): Sql {
  return {
    sql: words
      .map((_, i) => ` AND (SELECT 1 FROM user_search_words x${i} WHERE x${i}.user_id = u.id AND x${i}.word >= ? AND x${i}.word < ? LIMIT 1) = 1`)
      .join(''),
    params: words.flatMap((w) => [w, w + TOP]),
  };
}

/**
 * How broad each word is: the number of distinct users among the first
 * `3 × limit` entries of its prefix range (an index range read of at most
 * that many entries). A user has several words starting with a surname
 * (the name, the address's local part, the address), so entries alone would
 * call a surname shared by 70 people broad; users are what a walk in page
 * order must find. Only the plan of a search depends on it, never its
 * answer (both plans return the same users), so each process remembers a
 * word's breadth for a minute, per database.
 */
export async function wordBreadths(db: Database, words: readonly string[], limit: number): Promise<number[]> {
  const now = Date.now();
  const breadthCache = breadthCaches.get(db) ?? breadthCaches.set(db, new Map()).get(db)!;
  const missing = [...new Set(words)].filter((w) => {
    const known = breadthCache.get(`${limit}:${w}`);
    return !known || known.until < now;
  });
  if (missing.length) {
    const [row] = await db.manager.query(
      `SELECT ${missing
        .map(
          (_, i) =>
            `(SELECT COUNT(DISTINCT user_id) FROM (SELECT user_id FROM user_search_words WHERE word >= ? AND word < ? LIMIT ${ENTRIES_PER_USER * limit}) t${i}) AS b${i}`,
        )
        .join(', ')}`,
      missing.flatMap((w) => [w, w + TOP]),
    );
    if (breadthCache.size > BREADTH_CACHE) breadthCache.clear();
    missing.forEach((w, i) => breadthCache.set(`${limit}:${w}`, { n: Number(row[`b${i}`]), until: now + BREADTH_TTL_MS }));
  }
  return words.map((w) => breadthCache.get(`${limit}:${w}`)!.n);
}

const BREADTH_TTL_MS = 60_000;
const ENTRIES_PER_USER = 3;
const BREADTH_CACHE = 10_000;
/** Per database (a test process opens many). */
const breadthCaches = new WeakMap<Database, Map<string, { n: number; until: number }>>();

/**
 * From how many users a word is broad (users/user-search.ts): the
 * fixed SEARCH_BROAD_ENTRIES, or by default where reading users in order
 * costs less than gathering the matches. A page of 25 among N users takes
 * about 25·N/M rows read in order when M match, against about M rows
 * gathered (each dearer: a distinct, a join and a sort); measured at 100,000
 * users, a walk of 25·N/M rows made of a row read and an index probe each
 * costs about as much as gathering M when M is near 8·√N (a domain shared by
 * 2,000 of 100,000 users answered 272/s gathered and 85/s walked). The number of accounts is a prefix
 * count (one small read), remembered a minute per database like the breadths.
 */
export async function broadThreshold(db: Database): Promise<number> {
  if (db.searchBroadEntries > 0) return db.searchBroadEntries;
  const now = Date.now();
  let known = accountCounts.get(db);
  if (!known || known.until < now) {
    known = { n: await prefixCount(db.manager, ROLE_MARK), until: now + BREADTH_TTL_MS };
    accountCounts.set(db, known);
  }
  return Math.max(MIN_BROAD, Math.round(BROAD_FACTOR * Math.sqrt(known.n)));
}

const MIN_BROAD = 300;
const BROAD_FACTOR = 8;
const accountCounts = new WeakMap<Database, { n: number; until: number }>();

/** The query's words, narrowest first, and whether every one is broad (at least `broadThreshold` users). */
export async function narrowestFirst(db: Database, words: readonly string[]): Promise<{ ordered: string[]; broad: boolean }> {
  const threshold = await broadThreshold(db);
  const breadths = await wordBreadths(db, words, threshold);
  const ordered = words
    .map((w, i) => ({ w, b: breadths[i] }))
    .sort((a, b) => a.b - b.b || [...b.w].length - [...a.w].length)
    .map((x) => x.w);
  return { ordered, broad: Math.min(...breadths) >= threshold };
}

/** The SQL of the users a query is exactly one of the addresses, phone number (typed with +country) or external id of: `id` rows. */
function exactMatchSql(query: string): Sql {
  const q = query.trim();
  const digits = queryPhoneDigits(q);
  const phone = digits && digits.length >= 6 && q.startsWith('+') ? `+${digits}` : null;
  return {
    sql: `SELECT id FROM users WHERE external_id_key = ? AND deleted_at IS NULL
     UNION SELECT user_id AS id FROM user_identities WHERE type = 'EMAIL' AND value_normalized = ?
     ${phone ? "UNION SELECT user_id AS id FROM user_identities WHERE type = 'PHONE' AND value_normalized = ?" : ''} LIMIT 100`,
    params: [externalIdKey(q), emailSearchKey(q), ...(phone ? [phone] : [])],
  };
}

/** The users a query is exactly one of the addresses, phone number (typed with +country) or external id of. */
export async function exactMatchIds(db: Database, query: string): Promise<number[]> {
  const exact = exactMatchSql(query);
  const rows: { id: unknown }[] = await db.manager.query(exact.sql, exact.params);
  return rows.map((r) => Number(r.id));
}

/**
 * The rank of a matching user, lower first: 0 when the query is exactly one
 * of its email addresses, its phone number (typed with +country) or its
 * external id; 1 when its name starts with the whole query; 2 otherwise.
 * `join` (LEFT JOINs to put after the table of the user ids, `id` its id
 * column) brings the exact matches as a derived table of a few rows, made
 * once by a few index lookups in the same statement: ranking a large match
 * set costs no lookup per row, and the search no round trip of its own.
 * `names`: how to tell a name that starts with the query. With `u` (the
 * users row is read anyway, for a filter) it is a test of `u.name_key`;
 * without, the names are a range of the name index, made once (DISTINCT
 * keeps MariaDB from turning it back into a read of each user's row), so
 * the match set is ranked from indexes alone: 5,000 matches among a million
 * users in 10 ms rather than 27.
 */
export function rankSql(query: string, id: string, names: 'u' | 'index'): { join: Sql; tier: Sql } {
  const exact = exactMatchSql(query);
  const name = searchKey(query.trim());
  const range = [name, name + TOP];
  const exactJoin = ` LEFT JOIN (${exact.sql}) x ON x.id = ${id}`;
  if (names === 'u')
    return {
      join: { sql: exactJoin, params: exact.params },
      tier: { sql: 'CASE WHEN x.id IS NOT NULL THEN 0 WHEN u.name_key >= ? AND u.name_key < ? THEN 1 ELSE 2 END', params: range },
    };
  return {
    join: {
      sql: `${exactJoin} LEFT JOIN (SELECT DISTINCT id FROM users WHERE name_key >= ? AND name_key < ?) n ON n.id = ${id}`,
      params: [...exact.params, ...range],
    },
    tier: { sql: 'CASE WHEN x.id IS NOT NULL THEN 0 WHEN n.id IS NOT NULL THEN 1 ELSE 2 END', params: [] },
  };
}

const MAX_SUGGESTIONS = 5;
const MAX_CANDIDATES = 200;

/**
 * "Did you mean …?": queries one edit away from the given one (one word
 * changed to an indexed word at Levenshtein distance 1) that match someone
 * with the same filter. `matches(words)` says whether a query matches anyone.
 */
export async function suggestQueries(db: Database, query: string, matches: (words: string[]) => Promise<boolean>): Promise<string[]> {
  const words = queryWords(query);
  const out: string[] = [];
  const length = db.dialect === 'mysql' ? 'CHAR_LENGTH' : 'LENGTH';
  for (let i = 0; i < words.length && out.length < MAX_SUGGESTIONS; i++) {
    const range = candidateRange(words[i]);
    if (!range) continue;
    const rows: { word: string }[] = await db.manager.query(
      `SELECT DISTINCT word FROM user_search_words WHERE word >= ? AND word < ? AND ${length}(word) BETWEEN ? AND ? ORDER BY word LIMIT ${MAX_CANDIDATES}`,
      [range.prefix, range.prefix + TOP, range.minLength, range.maxLength],
    );
    for (const candidate of oneEditAway(
      words[i],
      rows.map((r) => String(r.word)),
    )) {
      const next = words.map((w, j) => (j === i ? candidate : w));
      const text = next.join(' ');
      if (!out.includes(text) && (await matches(next))) out.push(text);
      if (out.length >= MAX_SUGGESTIONS) break;
    }
  }
  return out;
}
