import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index on who is an active admin. The last-admin rule (a change that
 * would leave no active admin is refused) locks the active admins through it
 * (`SELECT … FOR UPDATE` on MySQL) before it counts them, so two admins
 * demoting each other at once take turns instead of both passing the count;
 * without the index the lock would cover every user.
 */
export class AdminIndex1764400000000 implements MigrationInterface {
  name = 'AdminIndex1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ix_users_role ON users (role, suspended, deleted_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(q.connection.options.type === 'better-sqlite3' ? 'DROP INDEX ix_users_role' : 'ALTER TABLE users DROP INDEX ix_users_role');
  }
}
