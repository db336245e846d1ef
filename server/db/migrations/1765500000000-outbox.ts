import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox (issue 12): outgoing emails and webhook calls, written with the change that causes them, claimed by one process. */
export class Outbox1765500000000 implements MigrationInterface {
  name = 'Outbox1765500000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query(`CREATE TABLE outbox_messages (
      id ${id},
      channel VARCHAR(16) NOT NULL,
      kind VARCHAR(64) NOT NULL,
      user_id INT NULL,
      webhook_id INT NULL,
      recipient VARCHAR(2000) NOT NULL,
      subject VARCHAR(1000) NOT NULL,
      text_body MEDIUMTEXT NOT NULL,
      html_body MEDIUMTEXT NULL,
      payload MEDIUMTEXT NULL,
      order_key VARCHAR(191) NULL,
      status VARCHAR(16) NOT NULL,
      reason VARCHAR(2000) NULL,
      attempts INT NOT NULL,
      next_attempt_at ${dt} NOT NULL,
      claimed_by VARCHAR(100) NULL,
      claimed_until ${dt} NULL,
      last_response VARCHAR(2000) NULL,
      created_at ${dt} NOT NULL,
      sent_at ${dt} NULL
    )${table}`);
    await q.query('CREATE INDEX ix_outbox_messages_due ON outbox_messages (status, next_attempt_at)');
    await q.query('CREATE INDEX ix_outbox_messages_user ON outbox_messages (user_id, id)');
    await q.query('CREATE INDEX ix_outbox_messages_webhook ON outbox_messages (webhook_id, id)');
    await q.query('CREATE INDEX ix_outbox_messages_order ON outbox_messages (order_key, id)');
    await q.query('CREATE INDEX ix_outbox_messages_status ON outbox_messages (status, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_messages');
  }
}
