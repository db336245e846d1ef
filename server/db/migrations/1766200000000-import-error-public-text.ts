import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A row error that names another account (the owner of a taken address or
 * external id) keeps beside it the same message without that name, written
 * when the error is: what a reader who may not list users is told
 * (imports/row-error-text.ts). Null: the message names nobody, or the row was
 * written before (its code then decides).
 */
export class ImportErrorPublicText1766200000000 implements MigrationInterface {
  name = 'ImportErrorPublicText1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_row_errors ADD COLUMN public_message_json TEXT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE import_row_errors DROP COLUMN public_message_json');
  }
}
