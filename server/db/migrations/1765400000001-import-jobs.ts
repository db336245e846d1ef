import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CSV imports of users: the jobs (claimed by one process, resumable) and their failing rows. */
export class ImportJobs1765400000001 implements MigrationInterface {
  name = 'ImportJobs1765400000001';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const bool = mysql ? 'TINYINT(1) NOT NULL' : 'BOOLEAN NOT NULL';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query(`CREATE TABLE import_jobs (
      id ${id},
      status VARCHAR(16) NOT NULL,
      mode VARCHAR(20) NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      file_path VARCHAR(1000) NOT NULL,
      file_bytes INT NOT NULL,
      encoding VARCHAR(16) NOT NULL,
      blank_cells_clear ${bool},
      preview_only ${bool},
      rows_total INT NULL,
      rows_read INT NOT NULL,
      created INT NOT NULL,
      updated INT NOT NULL,
      unchanged INT NOT NULL,
      failed INT NOT NULL,
      committed_line INT NOT NULL,
      file_error VARCHAR(2000) NULL,
      created_by_id INT NULL,
      claimed_by VARCHAR(100) NULL,
      heartbeat_at ${dt} NULL,
      started_at ${dt} NULL,
      finished_at ${dt} NULL,
      created_at ${dt} NOT NULL
    )${table}`);
    await q.query('CREATE INDEX ix_import_jobs_status ON import_jobs (status, heartbeat_at)');
    await q.query(`CREATE TABLE import_row_errors (
      id ${id},
      job_id INT NOT NULL,
      line INT NOT NULL,
      column_name VARCHAR(300) NULL,
      code VARCHAR(32) NOT NULL,
      message VARCHAR(2000) NOT NULL
    )${table}`);
    await q.query('CREATE INDEX ix_import_row_errors_job ON import_row_errors (job_id, line, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_row_errors');
    await q.query('DROP TABLE import_jobs');
  }
}
