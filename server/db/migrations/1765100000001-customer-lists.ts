import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer lists (issue 9): saved filters with their columns and sort, private or shared. */
export class CustomerLists1765100000001 implements MigrationInterface {
  name = 'CustomerLists1765100000001';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    if (mysql) {
      await q.query(`CREATE TABLE customer_lists (
        id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(255) NOT NULL,
        owner_id INT NOT NULL,
        shared TINYINT(1) NOT NULL DEFAULT 0,
        filter_json MEDIUMTEXT NOT NULL,
        columns_json MEDIUMTEXT NOT NULL,
        sort_json VARCHAR(255) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY ix_customer_lists_owner (owner_id),
        KEY ix_customer_lists_shared (shared),
        CONSTRAINT fk_customer_lists_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
      return;
    }
    await q.query(`CREATE TABLE customer_lists (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name VARCHAR(255) NOT NULL,
      owner_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      shared BOOLEAN NOT NULL DEFAULT 0,
      filter_json TEXT NOT NULL,
      columns_json TEXT NOT NULL,
      sort_json VARCHAR(255) NULL,
      created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query('CREATE INDEX ix_customer_lists_owner ON customer_lists (owner_id)');
    await q.query('CREATE INDEX ix_customer_lists_shared ON customer_lists (shared)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_lists');
  }
}
