import type { MigrationInterface, QueryRunner } from 'typeorm';
import { indexUsers } from '../../search/search-index.js';

/**
 * The word index of the user search (issue 9): `user_search_words`, one row
 * per (word, user), filled here for the users that exist, then kept in step
 * by the search index's listener inside every user write. Also an index on
 * users.updated_at for lists sorted by last change.
 */
export class SearchWords1765100000000 implements MigrationInterface {
  name = 'SearchWords1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    if (mysql) {
      await q.query(`CREATE TABLE user_search_words (
        word VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
        user_id INT NOT NULL,
        PRIMARY KEY (word, user_id),
        KEY ix_user_search_words_user (user_id, word),
        CONSTRAINT fk_user_search_words_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    } else {
      await q.query(`CREATE TABLE user_search_words (
        word VARCHAR(64) NOT NULL,
        user_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (word, user_id)
      )`);
      await q.query('CREATE INDEX ix_user_search_words_user ON user_search_words (user_id, word)');
    }
    // Lists sorted by last change (customer lists) read an index, not every user.
    await q.query('CREATE INDEX ix_users_updated_at ON users (updated_at)');
    // Fill for the users that exist, a batch of ids at a time.
    let after = 0;
    for (;;) {
      const rows: { id: number }[] = await q.query('SELECT id FROM users WHERE id > ? AND deleted_at IS NULL ORDER BY id LIMIT 1000', [after]);
      if (rows.length === 0) break;
      const ids = rows.map((r) => Number(r.id));
      await indexUsers(q.manager, ids, false, false); // the prefix counts come later (1765730000000)
      after = ids[ids.length - 1];
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query('DROP TABLE user_search_words');
    await q.query(mysql ? 'ALTER TABLE users DROP INDEX ix_users_updated_at' : 'DROP INDEX ix_users_updated_at');
  }
}
