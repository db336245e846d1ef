import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildPrefixCountsSql } from '../../search/prefix-counts.js';
import { ROLE_MARK, roleMarker } from '../../search/search-words.js';

/**
 * Issue 9: the number of users with a word starting with each one- and
 * two-letter prefix (server/search/prefix-counts.ts), filled from the word
 * index, then kept in step by the search index's listener; and each
 * account's role marker word, so that the number of accounts of a role is
 * one of those counts.
 */
export class SearchPrefixCounts1765730000000 implements MigrationInterface {
  name = 'SearchPrefixCounts1765730000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    if (mysql) {
      await q.query(`CREATE TABLE user_search_prefix_counts (
        prefix VARCHAR(2) COLLATE utf8mb4_bin NOT NULL,
        users INT NOT NULL,
        PRIMARY KEY (prefix)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
      await q.query(`CREATE TABLE user_search_prefix_deltas (
        id INT NOT NULL AUTO_INCREMENT,
        prefix VARCHAR(2) COLLATE utf8mb4_bin NOT NULL,
        users INT NOT NULL,
        PRIMARY KEY (id),
        KEY ix_user_search_prefix_deltas_prefix (prefix)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    } else {
      await q.query('CREATE TABLE user_search_prefix_counts (prefix VARCHAR(2) NOT NULL PRIMARY KEY, users INTEGER NOT NULL)');
      await q.query(
        'CREATE TABLE user_search_prefix_deltas (id INTEGER PRIMARY KEY AUTOINCREMENT, prefix VARCHAR(2) NOT NULL, users INTEGER NOT NULL)',
      );
      await q.query('CREATE INDEX ix_user_search_prefix_deltas_prefix ON user_search_prefix_deltas (prefix)');
    }
    // Each account's role marker (search-words.ts; the word index's own migration, running today's code, may
    // have written some), then the counts of everything.
    await q.query('DELETE FROM user_search_words WHERE word >= ? AND word < ?', [ROLE_MARK, ROLE_MARK + '\u{10FFFF}']);
    await q.query(
      `INSERT INTO user_search_words (word, user_id)
       SELECT CASE role WHEN 'END_USER' THEN ? WHEN 'AGENT' THEN ? WHEN 'ADMIN' THEN ? END, id FROM users WHERE deleted_at IS NULL`,
      [roleMarker('END_USER'), roleMarker('AGENT'), roleMarker('ADMIN')],
    );
    for (const sql of rebuildPrefixCountsSql(mysql ? 'mysql' : 'sqlite')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM user_search_words WHERE word >= ? AND word < ?', [ROLE_MARK, ROLE_MARK + '\u{10FFFF}']);
    await q.query('DROP TABLE user_search_prefix_deltas');
    await q.query('DROP TABLE user_search_prefix_counts');
  }
}
