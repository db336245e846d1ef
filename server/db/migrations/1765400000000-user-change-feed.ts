import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed for partner apps' incremental sync (userChanges): a log
 * written inside each user write's transaction, the feed numbered from the
 * committed log when it is read, and the guard row that numbers it one
 * reader at a time (see server/users/user-change-feed.ts).
 */
export class UserChangeFeed1765400000000 implements MigrationInterface {
  name = 'UserChangeFeed1765400000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query(`CREATE TABLE user_change_log (
      id ${id},
      user_id INT NOT NULL,
      kind VARCHAR(16) NOT NULL,
      changed_at ${dt} NOT NULL
    )${table}`);
    await q.query(`CREATE TABLE user_changes (
      seq INT NOT NULL PRIMARY KEY,
      user_id INT NOT NULL,
      kind VARCHAR(16) NOT NULL,
      changed_at ${dt} NOT NULL
    )${table}`);
    await q.query('CREATE INDEX ix_user_changes_user ON user_changes (user_id)');
    await q.query(`CREATE TABLE user_change_sequence (
      id INT NOT NULL PRIMARY KEY,
      last_seq INT NOT NULL
    )${table}`);
    await q.query('INSERT INTO user_change_sequence (id, last_seq) VALUES (1, 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_change_sequence');
    await q.query('DROP TABLE user_changes');
    await q.query('DROP TABLE user_change_log');
  }
}
