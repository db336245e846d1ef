import type { EntityManager } from 'typeorm';

/**
 * How many users have a word starting with each one- and two-letter prefix
 * (issue 9), so that the count of a one- or two-letter search ("a", "jo"),
 * which matches most users, is one small read instead of a scan of a large
 * part of the word index (80 ms at 100,000 users, about a second at a
 * million).
 *
 * Exact and transactional: the search index's listener adds the difference
 * of a user's prefixes inside the write's own transaction, so a count read
 * after a commit includes it, and a rolled-back write leaves nothing.
 * Every user has words starting with a few letters, so one row per prefix
 * would be a hot row that serializes every user write; each prefix's count
 * is split over SLOTS rows instead (a write adds to one slot chosen at
 * random, a read sums the slots), and a write's rows are touched in prefix
 * order, so two writers never wait on each other in opposite orders.
 */

export const SLOTS = 16;
/** The longest prefix counted. */
export const MAX_PREFIX = 2;

/** The prefixes (one and two code points) of a user's words. */
export function prefixesOf(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    const chars = [...word];
    for (let n = 1; n <= Math.min(MAX_PREFIX, chars.length); n++) out.add(chars.slice(0, n).join(''));
  }
  return out;
}

/** Adds `delta` (prefix → change in users) to one random slot, inside the caller's transaction. */
export async function addPrefixCounts(m: EntityManager, delta: Map<string, number>): Promise<void> {
  const rows = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (rows.length === 0) return;
  const slot = Math.floor(Math.random() * SLOTS);
  const mysql = m.connection.options.type !== 'better-sqlite3';
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await m.query(
      `INSERT INTO user_search_prefix_counts (prefix, slot, users) VALUES ${part.map(() => '(?, ?, ?)').join(', ')} ` +
        (mysql ? 'ON DUPLICATE KEY UPDATE users = users + VALUES(users)' : 'ON CONFLICT (prefix, slot) DO UPDATE SET users = users + excluded.users'),
      part.flatMap(([prefix, n]) => [prefix, slot, n]),
    );
  }
}

/** The number of users with a word starting with `prefix` (one or two code points). */
export async function prefixCount(m: EntityManager, prefix: string): Promise<number> {
  const [row] = await m.query('SELECT COALESCE(SUM(users), 0) AS n FROM user_search_prefix_counts WHERE prefix = ?', [prefix]);
  return Number(row.n);
}

/**
 * The statements that recompute every count from the word index (the
 * migration, and seeds that write words directly). Run them where no user is
 * being written.
 */
export function rebuildPrefixCountsSql(dialect: 'mysql' | 'sqlite'): string[] {
  const mysql = dialect === 'mysql';
  const left = (n: number) => (mysql ? `LEFT(word, ${n})` : `substr(word, 1, ${n})`);
  const length = mysql ? 'CHAR_LENGTH(word)' : 'length(word)';
  return [
    'DELETE FROM user_search_prefix_counts',
    ...Array.from(
      { length: MAX_PREFIX },
      (_, i) =>
        `INSERT INTO user_search_prefix_counts (prefix, slot, users)
         SELECT ${left(i + 1)}, 0, COUNT(DISTINCT user_id) FROM user_search_words WHERE ${length} >= ${i + 1} GROUP BY ${left(i + 1)}`,
    ),
  ];
}
