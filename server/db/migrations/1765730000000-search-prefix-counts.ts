import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildPrefixCountsSql } from '../../search/prefix-counts.js';

/**
 * Issue 9: the number of users with a word starting with each one- and
 * two-letter prefix (server/search/prefix-counts.ts), filled from the word
 * index, then kept in step by the search index's listener.
 */
export class SearchPrefixCounts1765730000000 implements MigrationInterface {
  name = 'SearchPrefixCounts1765730000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query(
      mysql
        ? `CREATE TABLE user_search_prefix_counts (
            prefix VARCHAR(2) COLLATE utf8mb4_bin NOT NULL,
            slot SMALLINT NOT NULL,
            users INT NOT NULL,
            PRIMARY KEY (prefix, slot)
          ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`
        : `CREATE TABLE user_search_prefix_counts (
            prefix VARCHAR(2) NOT NULL,
            slot SMALLINT NOT NULL,
            users INTEGER NOT NULL,
            PRIMARY KEY (prefix, slot)
          )`,
    );
    for (const sql of rebuildPrefixCountsSql(mysql ? 'mysql' : 'sqlite')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_search_prefix_counts');
  }
}
