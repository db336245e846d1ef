import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A setting says whether a request that comes in by its requester is acknowledged by mail (as before for no one: now on by default). */
export class AcknowledgeRequests1766100000000 implements MigrationInterface {
  name = 'AcknowledgeRequests1766100000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query(`ALTER TABLE settings ADD COLUMN acknowledge_requests ${mysql ? 'TINYINT(1)' : 'BOOLEAN'} NOT NULL DEFAULT 1`);
    // The default only filled the existing row; like the other settings, the column has none (the entity says what it is).
    if (mysql) await q.query('ALTER TABLE settings ALTER COLUMN acknowledge_requests DROP DEFAULT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE settings DROP COLUMN acknowledge_requests');
  }
}
