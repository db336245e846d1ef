import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, EntityMetadata } from 'typeorm';
import { openDatabase } from '../../server/db/data-source.js';
import { freshDatabase, testDialects } from '../helpers/databases.js';

/**
 * Every table the migrations make has an entity that describes it exactly,
 * so that repositories and the query builder can be trusted on it.
 */
describe.each(testDialects())('entities and migrated tables on %s', (dialect) => {
  let ds: DataSource;
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const db = freshDatabase(dialect, 'e');
    cleanup = db.cleanup;
    ds = await openDatabase(db.url);
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await cleanup();
  });

  it('has one entity per table', async () => {
    const rows: { name: string }[] = await ds.query(
      dialect === 'mysql'
        ? 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()'
        : "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    const tables = rows.map((r) => r.name).filter((t) => t !== 'migrations' && t !== 'sqlite_sequence');
    expect(ds.entityMetadatas.map((m) => m.tableName).sort()).toEqual(tables.sort());
  });

  if (dialect === 'mysql') {
    it("TypeORM's schema builder finds nothing to change", async () => {
      const log = await ds.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
    });

    it('every text column has the collation its entity names (utf8mb4_unicode_ci unless said otherwise)', async () => {
      const rows: { TABLE_NAME: string; COLUMN_NAME: string; CHARACTER_SET_NAME: string; COLLATION_NAME: string }[] = await ds.query(
        `SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS
         WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL`,
      );
      const actual = rows
        .map((r) => `${r.TABLE_NAME}.${r.COLUMN_NAME} ${r.CHARACTER_SET_NAME} ${r.COLLATION_NAME}`)
        .filter((r) => !r.startsWith('migrations.'));
      const declared = ds.entityMetadatas.flatMap((m) =>
        m.columns
          .filter((c) => ['varchar', 'char', 'mediumtext', 'text'].includes(String(c.type)))
          .map((c) => `${m.tableName}.${c.databaseName} utf8mb4 ${c.collation ?? 'utf8mb4_unicode_ci'}`),
      );
      expect(actual.sort()).toEqual(declared.sort());
    });
  } else {
    // TypeORM's SQLite reader cannot judge tables written by hand (it finds AUTOINCREMENT only
    // in quoted DDL and names a foreign key only when it has a CONSTRAINT clause), so the
    // comparison is made here, on what matters: columns, their kind and nullability, keys,
    // indexes and foreign keys.
    const kind = (type: string): string => {
      const t = type.toLowerCase().replace(/\(.*$/, '');
      if (t === 'int' || t === 'integer') return 'integer';
      if (t === 'mediumtext') return 'text';
      return t;
    };
    const describeEntity = (m: EntityMetadata) => ({
      columns: m.columns
        .map(
          (c) =>
            `${c.databaseName} ${kind(String(c.type))}${c.length ? `(${c.length})` : ''}${c.isNullable ? ' null' : ''}${c.isPrimary ? ' pk' : ''}`,
        )
        .sort(),
      indexes: m.indices.map((i) => `${i.name}${i.isUnique ? ' unique' : ''} (${i.columns.map((c) => c.databaseName).join(', ')})`).sort(),
      foreignKeys: m.foreignKeys
        .map((f) => `(${f.columnNames.join(', ')}) -> ${f.referencedTablePath} (${f.referencedColumnNames.join(', ')}) on delete ${f.onDelete}`)
        .sort(),
    });

    it('every table has the columns, keys, indexes and foreign keys of its entity', async () => {
      const qr = ds.createQueryRunner();
      try {
        for (const m of ds.entityMetadatas) {
          const t = (await qr.getTable(m.tableName))!;
          const found = {
            columns: t.columns
              // An INTEGER PRIMARY KEY is the rowid: never null, whatever PRAGMA table_info says.
              .map(
                (c) =>
                  `${c.name} ${kind(c.type)}${c.length ? `(${c.length})` : ''}${c.isNullable && !c.isPrimary ? ' null' : ''}${c.isPrimary ? ' pk' : ''}`,
              )
              .sort(),
            indexes: t.indices.map((i) => `${i.name}${i.isUnique ? ' unique' : ''} (${i.columnNames.join(', ')})`).sort(),
            foreignKeys: t.foreignKeys
              .map((f) => `(${f.columnNames.join(', ')}) -> ${f.referencedTableName} (${f.referencedColumnNames.join(', ')}) on delete ${f.onDelete}`)
              .sort(),
          };
          expect({ table: m.tableName, ...found }).toEqual({ table: m.tableName, ...describeEntity(m) });
        }
      } finally {
        await qr.release();
      }
    });
  }
});
