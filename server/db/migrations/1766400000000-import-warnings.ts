import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import keeps its rows' warnings (an address never mailed, blocked, a
 * shared number: what createUser warns about) as it keeps their errors, the
 * first 1,000 of a job (imports/import-runner.ts), and counts them all
 * (`warning_count`; 0 for imports made before, which kept none).
 */
export class ImportWarnings1766400000000 implements MigrationInterface {
  name = 'ImportWarnings1766400000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query('ALTER TABLE import_jobs ADD COLUMN warning_count INT NOT NULL DEFAULT 0');
    await q.query(`CREATE TABLE import_row_warnings (
      id ${id},
      job_id INT NOT NULL,
      line INT NOT NULL,
      column_name VARCHAR(300) NULL,
      code VARCHAR(32) NOT NULL,
      message VARCHAR(2000) NOT NULL,
      message_json TEXT NULL,
      public_message_json TEXT NULL
    )${table}`);
    await q.query('CREATE INDEX ix_import_row_warnings_job ON import_row_warnings (job_id, line, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_row_warnings');
    await q.query('ALTER TABLE import_jobs DROP COLUMN warning_count');
  }
}
