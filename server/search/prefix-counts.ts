import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { placeholders } from '../db/sql.js';
import { WorkLoop } from '../db/work-loop.js';

/**
 * How many users have a word starting with each one- and two-letter prefix
 * (issue 9), so that the count of a one- or two-letter search ("a", "jo"),
 * which matches most users, is one small read instead of a scan of a large
 * part of the word index (80 ms at 100,000 users, about a second at a
 * million). The role marker words (search-words.ts) make "every account" and
 * "the end users" such counts too.
 *
 * Exact and transactional, and no writer waits for another:
 * - A write appends its differences to `user_search_prefix_deltas`, inside
 *   its own transaction (a rolled-back write leaves nothing). Appends take no
 *   lock another writer needs: a shared counter row would make every user
 *   write wait for every other one's commit (every account has the role
 *   marker), and an import chunk or a long transaction would hold them all.
 * - A count is the folded total (`user_search_prefix_counts`) plus the
 *   committed deltas, read in one statement (one snapshot).
 * - Every process folds, every few seconds, the deltas it can lock (FOR
 *   UPDATE SKIP LOCKED: another folder's rows and rows of transactions not
 *   yet committed are skipped) into the totals, and zeroes them, in one
 *   transaction: a delta is counted in the totals or in the log, never both.
 *   Zeroed rows are then deleted when no writer is in the way.
 */

/** The longest prefix counted. */
export const MAX_PREFIX = 2;
const FOLD_ROWS = 5000;

/** The prefixes (one and two code points) of a user's words. */
export function prefixesOf(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    const chars = [...word];
    for (let n = 1; n <= Math.min(MAX_PREFIX, chars.length); n++) out.add(chars.slice(0, n).join(''));
  }
  return out;
}

/** Appends `delta` (prefix → change in users), inside the caller's transaction. */
export async function addPrefixCounts(m: EntityManager, delta: Map<string, number>): Promise<void> {
  const rows = [...delta].filter(([, n]) => n !== 0);
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await m.query(
      `INSERT INTO user_search_prefix_deltas (prefix, users) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
      part.flatMap(([prefix, n]) => [prefix, n]),
    );
  }
}

/** The number of users with a word starting with `prefix` (one or two code points). */
export async function prefixCount(m: EntityManager, prefix: string): Promise<number> {
  const [row] = await m.query(
    `SELECT COALESCE((SELECT users FROM user_search_prefix_counts WHERE prefix = ?), 0)
          + COALESCE((SELECT SUM(users) FROM user_search_prefix_deltas WHERE prefix = ?), 0) AS n`,
    [prefix, prefix],
  );
  return Number(row.n);
}

/** Folds committed deltas into the totals (see above); returns how many were folded. */
export async function foldPrefixDeltas(db: Database, max = FOLD_ROWS): Promise<number> {
  const mysql = db.dialect === 'mysql';
  const folded = await db.transaction(async (m) => {
    const rows: { id: unknown; prefix: string; users: unknown }[] = await m.query(
      `SELECT id, prefix, users FROM user_search_prefix_deltas WHERE users <> 0 ORDER BY id LIMIT ${Math.floor(max)}${mysql ? ' FOR UPDATE SKIP LOCKED' : ''}`,
    );
    if (rows.length === 0) return [];
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(r.prefix, (sums.get(r.prefix) ?? 0) + Number(r.users));
    const totals = [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < totals.length; i += 500) {
      const part = totals.slice(i, i + 500);
      await m.query(
        `INSERT INTO user_search_prefix_counts (prefix, users) VALUES ${part.map(() => '(?, ?)').join(', ')} ` +
          (mysql ? 'ON DUPLICATE KEY UPDATE users = users + VALUES(users)' : 'ON CONFLICT (prefix) DO UPDATE SET users = users + excluded.users'),
        part.flatMap(([prefix, n]) => [prefix, n]),
      );
    }
    const ids = rows.map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      // MySQL: zeroed, not deleted. On a small table the optimizer scans it for a DELETE, and a DELETE waits
      // for every row a writer has inserted and not yet committed; an UPDATE reads past them (semi-consistent
      // read), so folding never waits for a writer, and no writer waits for it.
      await m.query(
        mysql
          ? `UPDATE user_search_prefix_deltas SET users = 0 WHERE id IN (${placeholders(part.length)})`
          : `DELETE FROM user_search_prefix_deltas WHERE id IN (${placeholders(part.length)})`,
        part,
      );
    }
    return ids;
  });
  if (mysql && folded.length) await removeZeroed(db, Math.max(...folded));
  return folded.length;
}

/**
 * Deletes the zeroed deltas up to `throughId`, giving up after a second if a
 * writer's uncommitted row is in the way (nothing is lost: they are zero, and
 * the next fold tries again).
 */
async function removeZeroed(db: Database, throughId: number): Promise<void> {
  await db
    .transaction(async (m) => {
      const [{ t }] = await m.query('SELECT @@SESSION.innodb_lock_wait_timeout AS t');
      await m.query('SET SESSION innodb_lock_wait_timeout = 1');
      try {
        await m.query('DELETE FROM user_search_prefix_deltas WHERE users = 0 AND id <= ?', [throughId]);
      } finally {
        await m.query(`SET SESSION innodb_lock_wait_timeout = ${Number(t)}`);
      }
    })
    .catch(() => undefined);
}

/**
 * Started: folds the deltas every `intervalMs` in this process (SEARCH_FOLD_SECONDS; every process may: see
 * above), one run at a time; 0: never in this process (the returned loop is stopped).
 */
export function startPrefixDeltaFolder(db: Database, log: Logger, intervalMs: number): WorkLoop {
  const loop = new WorkLoop(
    async () => {
      while ((await foldPrefixDeltas(db)) === FOLD_ROWS);
    },
    intervalMs,
    (err) => log.warn({ err }, 'folding the search prefix counts failed (they stay exact; retried later)'),
  );
  if (intervalMs > 0) loop.start();
  return loop;
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
    'DELETE FROM user_search_prefix_deltas',
    'DELETE FROM user_search_prefix_counts',
    ...Array.from(
      { length: MAX_PREFIX },
      (_, i) =>
        `INSERT INTO user_search_prefix_counts (prefix, users)
         SELECT ${left(i + 1)}, COUNT(DISTINCT user_id) FROM user_search_words WHERE ${length} >= ${i + 1} GROUP BY ${left(i + 1)}`,
    ),
  ];
}
