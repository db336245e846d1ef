import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { dialectOfDataSource } from './data-source.js';

/**
 * Row locks for rules that read and then write: the rows a query reads stay
 * locked until the transaction ends (MySQL `FOR UPDATE`, `FOR SHARE`), and a
 * locking read sees the latest committed rows. SQLite needs none: its
 * transactions take turns (see Database.transaction).
 */
export function forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return dialectOfDataSource(qb.connection) === 'mysql' ? qb.setLock('pessimistic_write') : qb;
}

/** Like forUpdate, for rows that must not change (or appear, for an absent key) while the transaction reads them. */
export function forShare<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return dialectOfDataSource(qb.connection) === 'mysql' ? qb.setLock('pessimistic_read') : qb;
}

/** The same for plain SQL (the hot paths): ` FOR UPDATE` to append on MySQL, nothing on SQLite. */
export function forUpdateSql(m: { connection: { options: { type: string } } }): string {
  return dialectOfDataSource(m.connection) === 'mysql' ? ' FOR UPDATE' : '';
}
