import type { DataSource } from 'typeorm';

/**
 * Column kinds the entities share, written as the MySQL migrations create
 * them: keys compared byte for byte, long text, times with milliseconds.
 */
export const BIN = { collation: 'utf8mb4_bin' } as const;
export const MEDIUMTEXT = { type: 'mediumtext' } as const;
export const TIMESTAMP = { type: 'datetime', precision: 3 } as const;
/** A reference to the owner row, deleted with it; MySQL reports the unnamed ON UPDATE rule as RESTRICT (ids never change). */
export const OWNED_BY = { onDelete: 'CASCADE', onUpdate: 'RESTRICT' } as const;

interface SqliteTypes {
  supportedDataTypes: string[];
  withLengthColumnTypes: string[];
}

/**
 * SQLite runs the same migrations in its own dialect: it takes any type name
 * (CHAR(64) and MEDIUMTEXT have TEXT affinity), which TypeORM's SQLite driver
 * does not list. Call before `initialize()` so that the entities' MySQL
 * spelling passes its checks.
 */
export function speakSqlite(ds: DataSource): void {
  const driver = ds.driver as unknown as SqliteTypes;
  driver.supportedDataTypes.push('char', MEDIUMTEXT.type);
  driver.withLengthColumnTypes.push('char');
}
