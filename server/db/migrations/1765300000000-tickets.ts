import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Minimal tickets (issue 10): tickets with their requester, CCs, comments
 * (public or internal, with the Message-ID of the mail they came from),
 * side conversations with their participants and messages. A ticket's
 * history is kept in audit_events (subject_type 'ticket'). Users are never
 * removed (deleting one is a soft delete), so a ticket's requester stays.
 */
export class Tickets1765300000000 implements MigrationInterface {
  name = 'Tickets1765300000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const bool = mysql ? 'TINYINT(1)' : 'BOOLEAN';
    const text = mysql ? 'MEDIUMTEXT' : 'TEXT';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    // SQLite declares references on the column, MySQL as table constraints.
    const ref = (target: string, rule = 'CASCADE') => (mysql ? '' : ` REFERENCES ${target} (id) ON DELETE ${rule}`);
    const fk = (name: string, col: string, target: string, rule = 'CASCADE') =>
      mysql ? `,\n      CONSTRAINT ${name} FOREIGN KEY (${col}) REFERENCES ${target} (id) ON DELETE ${rule}` : '';

    await q.query(`CREATE TABLE tickets (
      id ${id},
      subject VARCHAR(255) NOT NULL,
      status VARCHAR(16) NOT NULL,
      via VARCHAR(16) NOT NULL,
      requester_id INT NOT NULL${ref('users', 'RESTRICT')},
      submitter_id INT NULL,
      created_at ${dt} NOT NULL,
      updated_at ${dt} NOT NULL${fk('fk_tickets_requester', 'requester_id', 'users', 'RESTRICT')}
    )${table}`);
    await q.query('CREATE INDEX ix_tickets_requester ON tickets (requester_id, id)');
    await q.query('CREATE INDEX ix_tickets_status ON tickets (status, id)');

    await q.query(`CREATE TABLE ticket_ccs (
      ticket_id INT NOT NULL${ref('tickets')},
      user_id INT NOT NULL${ref('users')},
      created_at ${dt} NOT NULL,
      PRIMARY KEY (ticket_id, user_id)${fk('fk_ticket_ccs_ticket', 'ticket_id', 'tickets')}${fk('fk_ticket_ccs_user', 'user_id', 'users')}
    )${table}`);
    await q.query('CREATE INDEX ix_ticket_ccs_user ON ticket_ccs (user_id, ticket_id)');

    await q.query(`CREATE TABLE ticket_comments (
      id ${id},
      ticket_id INT NOT NULL${ref('tickets')},
      author_id INT NULL,
      body ${text} NOT NULL,
      is_public ${bool} NOT NULL,
      via VARCHAR(16) NOT NULL,
      message_id VARCHAR(255) NULL,
      attachments ${text} NULL,
      created_at ${dt} NOT NULL${fk('fk_ticket_comments_ticket', 'ticket_id', 'tickets')}
    )${table}`);
    await q.query('CREATE INDEX ix_ticket_comments_ticket ON ticket_comments (ticket_id, id)');
    await q.query('CREATE INDEX ix_ticket_comments_message_id ON ticket_comments (message_id)');

    await q.query(`CREATE TABLE side_conversations (
      id ${id},
      ticket_id INT NOT NULL${ref('tickets')},
      subject VARCHAR(255) NOT NULL,
      created_by_id INT NULL,
      created_at ${dt} NOT NULL${fk('fk_side_conversations_ticket', 'ticket_id', 'tickets')}
    )${table}`);
    await q.query('CREATE INDEX ix_side_conversations_ticket ON side_conversations (ticket_id, id)');

    await q.query(`CREATE TABLE side_conversation_participants (
      side_conversation_id INT NOT NULL${ref('side_conversations')},
      user_id INT NOT NULL${ref('users')},
      PRIMARY KEY (side_conversation_id, user_id)${fk('fk_side_conversation_participants_conversation', 'side_conversation_id', 'side_conversations')}${fk('fk_side_conversation_participants_user', 'user_id', 'users')}
    )${table}`);
    await q.query('CREATE INDEX ix_side_conversation_participants_user ON side_conversation_participants (user_id)');

    await q.query(`CREATE TABLE side_conversation_messages (
      id ${id},
      side_conversation_id INT NOT NULL${ref('side_conversations')},
      author_id INT NULL,
      body ${text} NOT NULL,
      created_at ${dt} NOT NULL${fk('fk_side_conversation_messages_conversation', 'side_conversation_id', 'side_conversations')}
    )${table}`);
    await q.query('CREATE INDEX ix_side_conversation_messages_conversation ON side_conversation_messages (side_conversation_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'side_conversation_messages',
      'side_conversation_participants',
      'side_conversations',
      'ticket_comments',
      'ticket_ccs',
      'tickets',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
