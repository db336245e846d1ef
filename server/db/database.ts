import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf, dialectOfDataSource, openDatabase, type Dialect } from './data-source.js';

/** What a failed write tells about a unique index, in either database. */
export interface DuplicateKey {
  /** Name of the unique index (MySQL) or the columns (SQLite) that refused the row. */
  index: string;
}

const DEADLOCK_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

function driverError(err: unknown): { code?: string; errno?: number; message?: string } {
  const e = err as { driverError?: unknown };
  return (e?.driverError ?? err) as { code?: string; errno?: number; message?: string };
}

export function duplicateKeyOf(err: unknown): DuplicateKey | null {
  const d = driverError(err);
  if (d?.code === 'ER_DUP_ENTRY') {
    const m = /for key '(?:[^'.]*\.)?([^']+)'/.exec(d.message ?? '');
    return { index: m?.[1] ?? '' };
  }
  if (typeof d?.code === 'string' && d.code.startsWith('SQLITE_CONSTRAINT')) {
    const m = /UNIQUE constraint failed: (.*)$/.exec(d.message ?? '');
    if (m) return { index: m[1] };
  }
  return null;
}

/**
 * The database: a TypeORM DataSource plus the one way to write. Every write
 * runs in a transaction. On MySQL a deadlock (two inserts racing for one
 * unique key) is retried; on SQLite, whose single connection cannot hold two
 * transactions at once, writes take turns.
 */
export class Database {
  readonly dialect: Dialect;
  private queue: Promise<unknown> = Promise.resolve();
  /** SEARCH_BROAD_ENTRIES: when a search word counts as broad (search/word-match.ts broadThreshold); 0: from the number of accounts. */
  searchBroadEntries = 0;

  constructor(readonly ds: DataSource) {
    this.dialect = dialectOfDataSource(ds);
  }

  /** Connects; migrates unless `migrate: false` (a cluster's workers, whose primary migrated before forking them). */
  static async open(url: string, opts: { migrate?: boolean } = {}): Promise<Database> {
    const db = new Database(await openDatabase(url, opts));
    if (db.dialect !== dialectOf(url)) throw new Error('unexpected dialect');
    return db;
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      const run = this.queue.then(() => this.ds.transaction(work));
      this.queue = run.catch(() => undefined);
      return run;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ds.transaction(work);
      } catch (err) {
        const code = driverError(err)?.code;
        if (attempt < 4 && code && DEADLOCK_CODES.has(code)) continue;
        throw err;
      }
    }
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
