import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: an import's row errors (and a refused file's reason) keep their
 * catalog message (code and parameters, as JSON) so each reader gets them in
 * their own language; `message` / `file_error` keep the English text. Rows
 * written before have no JSON and show their text.
 */
export class ImportErrorMessages1765600000600 implements MigrationInterface {
  name = 'ImportErrorMessages1765600000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_row_errors ADD COLUMN message_json TEXT NULL');
    await q.query('ALTER TABLE import_jobs ADD COLUMN file_error_json TEXT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_jobs DROP COLUMN file_error_json');
    await q.query('ALTER TABLE import_row_errors DROP COLUMN message_json');
  }
}
