import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 (records): versions of users and organizations (+1 per save) with
 * what each save changed (`record_versions`, the ground for merging concurrent
 * saves and for restoring an earlier note), and soft deletion that can be
 * undone: who deleted an account, and when its personal data was erased.
 */
export class Records1765500000300 implements MigrationInterface {
  name = 'Records1765500000300';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const text = mysql ? 'MEDIUMTEXT' : 'TEXT';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query('ALTER TABLE users ADD COLUMN version INT NOT NULL DEFAULT 1');
    await q.query('ALTER TABLE users ADD COLUMN deleted_by_id INT NULL');
    await q.query(`ALTER TABLE users ADD COLUMN erased_at ${dt} NULL`);
    await q.query('ALTER TABLE users ADD COLUMN merged_into_id INT NULL');
    await q.query('CREATE INDEX ix_users_deleted_at ON users (deleted_at, id)');
    await q.query('ALTER TABLE organizations ADD COLUMN version INT NOT NULL DEFAULT 1');
    await q.query(`CREATE TABLE record_versions (
      id ${id},
      subject_type VARCHAR(32) NOT NULL,
      subject_id INT NOT NULL,
      version INT NOT NULL,
      actor_user_id INT NULL,
      changes ${text} NOT NULL,
      created_at ${dt} NOT NULL
    )${table}`);
    await q.query('CREATE INDEX ix_record_versions_subject ON record_versions (subject_type, subject_id, version)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE record_versions');
    await q.query('ALTER TABLE organizations DROP COLUMN version');
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query(`DROP INDEX ix_users_deleted_at${mysql ? ' ON users' : ''}`);
    for (const c of ['merged_into_id', 'erased_at', 'deleted_by_id', 'version']) await q.query(`ALTER TABLE users DROP COLUMN ${c}`);
  }
}
