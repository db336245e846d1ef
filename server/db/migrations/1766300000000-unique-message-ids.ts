import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One mail, one comment: the Message-ID a ticket comment or a side-conversation
 * message came in as becomes unique (tickets/message-ids.ts), so that the same
 * mail delivered twice at once cannot make two tickets or two comments. Copies
 * made before (by such a race) keep their text and lose only the id, which the
 * first of them keeps: replies naming it thread to that one.
 */
const TABLES = [
  { table: 'ticket_comments', old: 'ix_ticket_comments_message_id', unique: 'ux_ticket_comments_message_id' },
  { table: 'side_conversation_messages', old: 'ix_side_conversation_messages_message_id', unique: 'ux_side_conversation_messages_message_id' },
];

export class UniqueMessageIds1766300000000 implements MigrationInterface {
  name = 'UniqueMessageIds1766300000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    for (const { table, old, unique } of TABLES) {
      // A Message-ID is compared byte for byte: ids differing only in case are two mails (the table's default collation folds case).
      if (mysql) await q.query(`ALTER TABLE ${table} MODIFY message_id VARCHAR(255) COLLATE utf8mb4_bin NULL`);
      // MySQL cannot read the table it updates in a subquery: the first row of each id is read through a derived table.
      await q.query(
        `UPDATE ${table} SET message_id = NULL WHERE message_id IS NOT NULL AND id NOT IN
          (SELECT first_id FROM (SELECT MIN(id) AS first_id FROM ${table} WHERE message_id IS NOT NULL GROUP BY message_id) AS firsts)`,
      );
      await q.query(mysql ? `DROP INDEX ${old} ON ${table}` : `DROP INDEX ${old}`);
      await q.query(`CREATE UNIQUE INDEX ${unique} ON ${table} (message_id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    for (const { table, old, unique } of TABLES) {
      await q.query(mysql ? `DROP INDEX ${unique} ON ${table}` : `DROP INDEX ${unique}`);
      await q.query(`CREATE INDEX ${old} ON ${table} (message_id)`);
      if (mysql) await q.query(`ALTER TABLE ${table} MODIFY message_id VARCHAR(255) NULL`);
    }
  }
}
