import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 13: a setting says whether agents may delete customers (as before: yes). */
export class AgentsDelete1765600000400 implements MigrationInterface {
  name = 'AgentsDelete1765600000400';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query(`ALTER TABLE settings ADD COLUMN agents_may_delete_users ${mysql ? 'TINYINT(1)' : 'BOOLEAN'} NOT NULL DEFAULT 1`);
    // The default only filled the one row; like the other settings, the column has none (the entity says what it is).
    if (mysql) await q.query('ALTER TABLE settings ALTER COLUMN agents_may_delete_users DROP DEFAULT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE settings DROP COLUMN agents_may_delete_users');
  }
}
