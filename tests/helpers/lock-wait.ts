// MySQL tests that hold a row from the side and check that a request waits for it.

/** Runs SQL and answers its rows: a TypeORM manager's `query`, or a mysql2 connection's with its rows unwrapped. */
export type RowsQuery = (sql: string) => Promise<Record<string, unknown>[]>;

const LOCK_WAITS = `SELECT COUNT(*) AS n FROM information_schema.innodb_trx t JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
 WHERE t.trx_state = 'LOCK WAIT' AND p.db = DATABASE()`;

/**
 * Polls until a transaction in the database `query` runs on waits for a lock (true), or `answered()` says the
 * request being watched ended first, without waiting (false); throws after `ms`. InnoDB refreshes innodb_trx only
 * when it was not read in the last 100 ms, so it is asked less often than that; the table is the whole server's,
 * so only a wait in this database counts (other test files wait on locks of their own).
 */
export async function lockWaitSeen(query: RowsQuery, opts: { answered?: () => boolean; ms?: number } = {}): Promise<boolean> {
  const until = Date.now() + (opts.ms ?? 10_000);
  for (;;) {
    const [row] = await query(LOCK_WAITS);
    if (Number(row?.n) > 0) return true;
    if (opts.answered?.()) return false;
    if (Date.now() > until) throw new Error(`no transaction waited for a lock within ${opts.ms ?? 10_000} ms`);
    await new Promise((ok) => setTimeout(ok, 150));
  }
}

/** `promise`, with a flag that turns true once it has settled (for lockWaitSeen's `answered`). */
export function watched<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const p = promise.finally(() => (settled = true));
  return { promise: p, settled: () => settled };
}
