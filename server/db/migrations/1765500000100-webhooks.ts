import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints (issue 12); their deliveries are outbox messages (channel WEBHOOK). */
export class Webhooks1765500000100 implements MigrationInterface {
  name = 'Webhooks1765500000100';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const bin = mysql ? ' COLLATE utf8mb4_bin' : '';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query(`CREATE TABLE webhooks (
      id ${id},
      url VARCHAR(2000) NOT NULL,
      events VARCHAR(500) NOT NULL,
      secret VARCHAR(255)${bin} NOT NULL,
      created_at ${dt} NOT NULL,
      updated_at ${dt} NOT NULL
    )${table}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhooks');
  }
}
