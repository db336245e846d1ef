import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 (the team): when a person last signed in, and when a pending
 * invitation to join the team was last sent (null once they chose a password).
 */
export class Team1765600000000 implements MigrationInterface {
  name = 'Team1765600000000';

  async up(q: QueryRunner): Promise<void> {
    const dt = q.connection.options.type !== 'better-sqlite3' ? 'DATETIME(3)' : 'DATETIME';
    await q.query(`ALTER TABLE users ADD COLUMN last_sign_in_at ${dt} NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN invited_at ${dt} NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['invited_at', 'last_sign_in_at']) await q.query(`ALTER TABLE users DROP COLUMN ${c}`);
  }
}
