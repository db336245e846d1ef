import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in (password hashes, sessions, lockout), API tokens and the audit
 * trail. Secrets are stored only as hashes (scrypt for passwords, SHA-256
 * for random session ids and token secrets).
 */
export class AuthAudit1764100000000 implements MigrationInterface {
  name = 'AuthAudit1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const bin = mysql ? ' COLLATE utf8mb4_bin' : '';
    const text = mysql ? 'MEDIUMTEXT' : 'TEXT';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    const fk = (tableName: string, col: string, cascade = true) =>
      mysql ? `, CONSTRAINT fk_${col}_${tableName} FOREIGN KEY (${col}) REFERENCES users (id)${cascade ? ' ON DELETE CASCADE' : ''}` : '';
    const ref = (cascade = true) => (mysql ? '' : ` REFERENCES users (id)${cascade ? ' ON DELETE CASCADE' : ''}`);

    await q.query(`ALTER TABLE users ADD COLUMN password_hash VARCHAR(255) NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN password_changed_at ${dt} NULL`);

    await q.query(`CREATE TABLE sessions (
      id ${id},
      token_hash CHAR(64)${bin} NOT NULL,
      user_id INT NOT NULL${ref()},
      created_at ${dt} NOT NULL,
      last_seen_at ${dt} NOT NULL,
      expires_at ${dt} NOT NULL,
      ip VARCHAR(64) NULL,
      user_agent VARCHAR(255) NULL${fk('sessions', 'user_id')}
    )${table}`);
    await q.query(`CREATE UNIQUE INDEX uq_sessions_token_hash ON sessions (token_hash)`);
    await q.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);

    await q.query(`CREATE TABLE api_tokens (
      id ${id},
      name VARCHAR(255) NOT NULL,
      token_hash CHAR(64)${bin} NOT NULL,
      scopes VARCHAR(255) NOT NULL,
      created_by_id INT NOT NULL${ref()},
      created_at ${dt} NOT NULL,
      last_used_at ${dt} NULL,
      revoked_at ${dt} NULL${fk('api_tokens', 'created_by_id')}
    )${table}`);
    await q.query(`CREATE UNIQUE INDEX uq_api_tokens_token_hash ON api_tokens (token_hash)`);

    await q.query(`CREATE TABLE sign_in_failures (
      id ${id},
      lock_key VARCHAR(400)${bin} NOT NULL,
      failed_at ${dt} NOT NULL
    )${table}`);
    await q.query(`CREATE INDEX ix_sign_in_failures_key ON sign_in_failures (lock_key, failed_at)`);
    await q.query(`CREATE TABLE sign_in_locks (
      lock_key VARCHAR(400)${bin} NOT NULL PRIMARY KEY,
      locked_until ${dt} NOT NULL
    )${table}`);

    await q.query(`CREATE TABLE audit_events (
      id ${id},
      subject_type VARCHAR(32) NOT NULL,
      subject_id INT NOT NULL,
      action VARCHAR(32) NOT NULL,
      source VARCHAR(16) NOT NULL,
      actor_kind VARCHAR(16) NOT NULL,
      actor_user_id INT NULL,
      actor_token_id INT NULL,
      actor_token_name VARCHAR(255) NULL,
      changes ${text} NOT NULL,
      created_at ${dt} NOT NULL
    )${table}`);
    await q.query(`CREATE INDEX ix_audit_events_subject ON audit_events (subject_type, subject_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_events', 'sign_in_locks', 'sign_in_failures', 'api_tokens', 'sessions']) await q.query(`DROP TABLE ${t}`);
    await q.query('ALTER TABLE users DROP COLUMN password_changed_at');
    await q.query('ALTER TABLE users DROP COLUMN password_hash');
  }
}
