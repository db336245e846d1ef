import type { EntityManager } from 'typeorm';

/**
 * Plain SQL helpers for the hot paths, where TypeORM's entity hydration
 * costs more than the query (see the README's architecture: the list and
 * search, the per-request batches, the session and token of each request).
 * Everything else goes through the entities. Both drivers take `?`
 * placeholders; values are turned into what both bind the same way (UTC
 * datetime text, 0/1).
 */

export type SqlValue = string | number | null;

/** Date -> 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, the form TypeORM stores in both databases. */
export function sqlDate(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

export function toSql(v: unknown): SqlValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return sqlDate(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(`cannot bind a ${typeof v}`);
}

export function fromSqlDate(v: unknown): Date {
  if (v instanceof Date) return v;
  // SQLite text in UTC without a zone.
  return new Date(`${String(v).replace(' ', 'T')}Z`);
}

export function fromSqlBool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || (typeof v === 'bigint' && v === 1n);
}

/** INSERT one row by column name and return its new id (MySQL insertId, SQLite rowid). */
export async function insertRow(m: EntityManager, table: string, row: Record<string, unknown>): Promise<number> {
  const cols = Object.keys(row);
  const result = await m.query(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    cols.map((c) => toSql(row[c])),
  );
  const id = typeof result === 'object' && result !== null && 'insertId' in result ? result.insertId : result;
  if (id === undefined || id === null) throw new Error('insert returned no id');
  return Number(id);
}

/** `?, ?, ?` for an IN list. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
