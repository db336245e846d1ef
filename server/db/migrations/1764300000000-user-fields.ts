import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom user fields that admins define at run time: definitions, the
 * options of drop-downs and multi-selects, and users' values. Adding a field
 * is a row, never a schema change.
 *
 * A value is one row per (user, field) — one per chosen option for a
 * multi-select — holding its canonical text and a comparison key
 * (`value_key`: lower case, at most 190 characters; a long text's key ends in
 * a SHA-256 of the whole). Keys compare byte for byte (utf8mb4_bin), and
 * (field_id, value_key) is indexed so users(fields: …) is an index lookup.
 */
export class UserFields1764300000000 implements MigrationInterface {
  name = 'UserFields1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const bool = mysql ? 'TINYINT(1)' : 'BOOLEAN';
    const bin = mysql ? ' COLLATE utf8mb4_bin' : '';
    const text = mysql ? 'MEDIUMTEXT' : 'TEXT';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    // SQLite declares references on the column, MySQL as table constraints.
    const ref = (target: string) => (mysql ? '' : ` REFERENCES ${target} (id) ON DELETE CASCADE`);
    const fk = (name: string, col: string, target: string) =>
      mysql ? `,\n      CONSTRAINT ${name} FOREIGN KEY (${col}) REFERENCES ${target} (id) ON DELETE CASCADE` : '';

    await q.query(`CREATE TABLE user_fields (
      id ${id},
      field_key VARCHAR(64)${bin} NOT NULL,
      title VARCHAR(255) NOT NULL,
      description ${text} NULL,
      type VARCHAR(16) NOT NULL,
      pattern VARCHAR(255)${bin} NULL,
      pattern_hint VARCHAR(1000) NULL,
      lookup_target VARCHAR(16) NULL,
      is_required ${bool} NOT NULL DEFAULT 0,
      is_active ${bool} NOT NULL DEFAULT 1,
      position INT NOT NULL,
      created_at ${dt} NOT NULL,
      updated_at ${dt} NOT NULL
    )${table}`);
    await q.query('CREATE UNIQUE INDEX uq_user_fields_key ON user_fields (field_key)');

    await q.query(`CREATE TABLE user_field_options (
      id ${id},
      field_id INT NOT NULL${ref('user_fields')},
      title VARCHAR(255) NOT NULL,
      value VARCHAR(255) NOT NULL,
      value_key VARCHAR(191)${bin} NOT NULL,
      position INT NOT NULL${fk('fk_user_field_options_field', 'field_id', 'user_fields')}
    )${table}`);
    await q.query('CREATE UNIQUE INDEX uq_user_field_options_value ON user_field_options (field_id, value_key)');

    await q.query(`CREATE TABLE user_field_values (
      user_id INT NOT NULL${ref('users')},
      field_id INT NOT NULL${ref('user_fields')},
      value_key VARCHAR(191)${bin} NOT NULL,
      value ${text} NOT NULL,
      updated_at ${dt} NOT NULL,
      PRIMARY KEY (user_id, field_id, value_key)${fk('fk_user_field_values_user', 'user_id', 'users')}${fk('fk_user_field_values_field', 'field_id', 'user_fields')}
    )${table}`);
    await q.query('CREATE INDEX ix_user_field_values_filter ON user_field_values (field_id, value_key, user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_field_values');
    await q.query('DROP TABLE user_field_options');
    await q.query('DROP TABLE user_fields');
  }
}
