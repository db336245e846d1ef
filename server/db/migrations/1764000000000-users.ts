import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, their identities and tags. Keys used for uniqueness and search
 * (`name_key`, `value_normalized`, `external_id_key`) are normalized by the
 * application and compared byte for byte (utf8mb4_bin on MySQL), so "ü" and
 * "u" never collide and the unique index, not a read, decides.
 */
export class Users1764000000000 implements MigrationInterface {
  name = 'Users1764000000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'better-sqlite3') {
      const table = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
      await q.query(`CREATE TABLE users (
        id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(255) NOT NULL,
        name_key VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
        role VARCHAR(16) NOT NULL DEFAULT 'END_USER',
        phone VARCHAR(32) NULL,
        organization VARCHAR(255) NULL,
        time_zone VARCHAR(64) NULL,
        locale VARCHAR(64) NULL,
        external_id VARCHAR(255) NULL,
        external_id_key VARCHAR(255) COLLATE utf8mb4_bin NULL,
        alias VARCHAR(255) NULL,
        details MEDIUMTEXT NULL,
        notes MEDIUMTEXT NULL,
        verified TINYINT(1) NOT NULL DEFAULT 0,
        suspended TINYINT(1) NOT NULL DEFAULT 0,
        created_via VARCHAR(16) NOT NULL,
        created_by_id INT NULL,
        deleted_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_users_external_id_key (external_id_key),
        KEY ix_users_name_key (name_key, deleted_at),
        KEY ix_users_created_at (created_at)
      ) ${table}`);
      await q.query(`CREATE TABLE user_identities (
        id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT NOT NULL,
        type VARCHAR(8) NOT NULL,
        value VARCHAR(320) NOT NULL,
        value_normalized VARCHAR(320) COLLATE utf8mb4_bin NOT NULL,
        is_primary TINYINT(1) NOT NULL DEFAULT 0,
        verified TINYINT(1) NOT NULL DEFAULT 0,
        deliverability VARCHAR(32) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY uq_user_identities_type_value (type, value_normalized),
        KEY ix_user_identities_user (user_id, type, value_normalized),
        CONSTRAINT fk_user_identities_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${table}`);
      await q.query(`CREATE TABLE user_tags (
        user_id INT NOT NULL,
        tag VARCHAR(80) COLLATE utf8mb4_bin NOT NULL,
        PRIMARY KEY (user_id, tag),
        KEY ix_user_tags_tag (tag),
        CONSTRAINT fk_user_tags_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${table}`);
      return;
    }
    await q.query(`CREATE TABLE users (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name VARCHAR(255) NOT NULL,
      name_key VARCHAR(255) NOT NULL,
      role VARCHAR(16) NOT NULL DEFAULT 'END_USER',
      phone VARCHAR(32) NULL,
      organization VARCHAR(255) NULL,
      time_zone VARCHAR(64) NULL,
      locale VARCHAR(64) NULL,
      external_id VARCHAR(255) NULL,
      external_id_key VARCHAR(255) NULL,
      alias VARCHAR(255) NULL,
      details TEXT NULL,
      notes TEXT NULL,
      verified BOOLEAN NOT NULL DEFAULT 0,
      suspended BOOLEAN NOT NULL DEFAULT 0,
      created_via VARCHAR(16) NOT NULL,
      created_by_id INTEGER NULL,
      deleted_at DATETIME NULL,
      created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_external_id_key ON users (external_id_key)`);
    await q.query(`CREATE INDEX ix_users_name_key ON users (name_key, deleted_at)`);
    await q.query(`CREATE INDEX ix_users_created_at ON users (created_at)`);
    await q.query(`CREATE TABLE user_identities (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      type VARCHAR(8) NOT NULL,
      value VARCHAR(320) NOT NULL,
      value_normalized VARCHAR(320) NOT NULL,
      is_primary BOOLEAN NOT NULL DEFAULT 0,
      verified BOOLEAN NOT NULL DEFAULT 0,
      deliverability VARCHAR(32) NOT NULL,
      created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_user_identities_type_value ON user_identities (type, value_normalized)`);
    await q.query(`CREATE INDEX ix_user_identities_user ON user_identities (user_id, type, value_normalized)`);
    await q.query(`CREATE TABLE user_tags (
      user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      tag VARCHAR(80) NOT NULL,
      PRIMARY KEY (user_id, tag)
    )`);
    await q.query(`CREATE INDEX ix_user_tags_tag ON user_tags (tag)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_tags');
    await q.query('DROP TABLE user_identities');
    await q.query('DROP TABLE users');
  }
}
