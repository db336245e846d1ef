import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import records the field delimiter found from its file's header row
 * (COMMA, SEMICOLON or TAB: imports/csv-delimiter.ts); null until the header
 * is read, for a file refused at its header, and for imports made before.
 */
export class ImportDelimiter1765900000000 implements MigrationInterface {
  name = 'ImportDelimiter1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_jobs ADD COLUMN delimiter VARCHAR(16) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_jobs DROP COLUMN delimiter');
  }
}
