import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Side conversations by email: a message keeps the Message-ID of the mail it
 * came in as (a second delivery of it adds nothing; a reply may name it).
 */
export class SideConversationMail1765800000000 implements MigrationInterface {
  name = 'SideConversationMail1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE side_conversation_messages ADD COLUMN message_id VARCHAR(255) NULL');
    await q.query('CREATE INDEX ix_side_conversation_messages_message_id ON side_conversation_messages (message_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query(
      mysql
        ? 'DROP INDEX ix_side_conversation_messages_message_id ON side_conversation_messages'
        : 'DROP INDEX ix_side_conversation_messages_message_id',
    );
    await q.query('ALTER TABLE side_conversation_messages DROP COLUMN message_id');
  }
}
