import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { toSql } from '../sql.js';

export const DEFAULT_WELCOME_SUBJECT = 'Welcome to {{desk_name}}';
export const DEFAULT_WELCOME_BODY =
  'Hello {{name}},\n\nWelcome to {{desk_name}}. Confirm your address and choose a password here:\n{{verify_link}}\n\nThe link works for 3 days.\n';

/**
 * Issue 12, the end users' door: the desk's settings (one row, with the
 * secret its links are signed with), the single-use tokens behind
 * verification and password-reset links, and the hold on a ticket
 * (SUSPENDED by the block list, UNVERIFIED until its requester verifies).
 */
export class SettingsDoor1765500000200 implements MigrationInterface {
  name = 'SettingsDoor1765500000200';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const bool = mysql ? 'TINYINT(1) NOT NULL' : 'BOOLEAN NOT NULL';
    const text = mysql ? 'MEDIUMTEXT' : 'TEXT';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query(`CREATE TABLE settings (
      id INT NOT NULL PRIMARY KEY,
      version INT NOT NULL,
      request_access VARCHAR(16) NOT NULL,
      help_center_sign_up ${bool},
      require_verification ${bool},
      welcome_on_agent_create ${bool},
      welcome_subject VARCHAR(255) NOT NULL,
      welcome_body ${text} NOT NULL,
      desk_name VARCHAR(100) NOT NULL,
      allow_list ${text} NOT NULL,
      block_list ${text} NOT NULL,
      signing_secret VARCHAR(100) NOT NULL,
      updated_at ${dt} NOT NULL
    )${table}`);
    await q.query(
      `INSERT INTO settings (id, version, request_access, help_center_sign_up, require_verification, welcome_on_agent_create,
        welcome_subject, welcome_body, desk_name, allow_list, block_list, signing_secret, updated_at)
       VALUES (1, 1, 'ANYONE', ?, ?, ?, ?, ?, 'Accueil', '', '', ?, ?)`,
      [true, true, false, DEFAULT_WELCOME_SUBJECT, DEFAULT_WELCOME_BODY, randomBytes(32).toString('base64url'), new Date()].map(toSql),
    );
    await q.query(`CREATE TABLE account_links (
      id ${id},
      user_id INT NOT NULL,
      purpose VARCHAR(16) NOT NULL,
      email VARCHAR(320) NOT NULL,
      expires_at ${dt} NOT NULL,
      used_at ${dt} NULL,
      created_at ${dt} NOT NULL
    )${table}`);
    await q.query('CREATE INDEX ix_account_links_user ON account_links (user_id, purpose)');
    await q.query('ALTER TABLE tickets ADD COLUMN held VARCHAR(16) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tickets DROP COLUMN held');
    await q.query('DROP TABLE account_links');
    await q.query('DROP TABLE settings');
  }
}
