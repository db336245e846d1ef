import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import records the API token that uploaded it (null: a session, the
 * command line, or an import made before): the job runs only while that
 * token is live, as it runs only while its uploader may import
 * (imports/import-uploader.ts).
 */
export class ImportUploaderToken1766000000000 implements MigrationInterface {
  name = 'ImportUploaderToken1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_jobs ADD COLUMN created_by_token_id INT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_jobs DROP COLUMN created_by_token_id');
  }
}
