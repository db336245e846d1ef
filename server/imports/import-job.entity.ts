import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/columns.js';

/**
 * An import of a users CSV file (issue 11): a row that outlives the request
 * that made it, claimed by one process at a time (`claimed_by`, kept alive by
 * `heartbeat_at`), resumable from `committed_line`: the last row whose chunk
 * committed, written in that chunk's transaction.
 */
@Entity('import_jobs')
@Index('ix_import_jobs_status', ['status', 'heartbeatAt'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 20 })
  mode: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Where the uploaded file is kept (under IMPORT_DIR). */
  @Column({ name: 'file_path', type: 'varchar', length: 1000 })
  filePath: string;

  @Column({ name: 'file_bytes', type: 'int' })
  fileBytes: number;

  @Column({ type: 'varchar', length: 16 })
  encoding: string;

  /** The field delimiter found from the header row: COMMA, SEMICOLON or TAB (csv-delimiter.ts); null until the header is read. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  delimiter: string | null;

  @Column({ name: 'blank_cells_clear', type: 'boolean' })
  blankCellsClear: boolean;

  /** Only a preview was asked for: the job stops at PREVIEWED. */
  @Column({ name: 'preview_only', type: 'boolean' })
  previewOnly: boolean;

  @Column({ name: 'rows_total', type: 'int', nullable: true })
  rowsTotal: number | null;

  @Column({ name: 'rows_read', type: 'int' })
  rowsRead: number;

  @Column({ type: 'int' })
  created: number;

  @Column({ type: 'int' })
  updated: number;

  @Column({ type: 'int' })
  unchanged: number;

  @Column({ type: 'int' })
  failed: number;

  /** Warnings the rows gave (one per problem, as errors), every one counted; the first 1,000 are kept (import_row_warnings). */
  @Column({ name: 'warning_count', type: 'int', default: 0 })
  warningCount: number;

  /** The last line (as a spreadsheet numbers it) of the last committed chunk: a resumed run starts after it. */
  @Column({ name: 'committed_line', type: 'int' })
  committedLine: number;

  /** A problem with the whole file (bad header, not UTF-8…), or why the job stopped (its uploader may no longer import); null otherwise. */
  @Column({ name: 'file_error', type: 'varchar', length: 2000, nullable: true })
  fileError: string | null;

  /** The file error's catalog message (see i18n/message-json.ts), rendered in the reader's language; null before issue 13. */
  @Column({ name: 'file_error_json', type: 'text', nullable: true })
  fileErrorJson: string | null;

  @Column({ name: 'created_by_id', type: 'int', nullable: true })
  createdById: number | null;

  /** The API token that uploaded the file (null: a session or the command line): the job runs only while it is live. */
  @Column({ name: 'created_by_token_id', type: 'int', nullable: true })
  createdByTokenId: number | null;

  @Column({ name: 'claimed_by', type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'heartbeat_at', ...TIMESTAMP, nullable: true })
  heartbeatAt: Date | null;

  @Column({ name: 'started_at', ...TIMESTAMP, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', ...TIMESTAMP, nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}

/** What an import keeps of a row's problem: an error (the row failed) or a warning (it was written, or would be). */
abstract class ImportRowMessage {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'job_id', type: 'int' })
  jobId: number;

  @Column({ type: 'int' })
  line: number;

  @Column({ name: 'column_name', type: 'varchar', length: 300, nullable: true })
  column: string | null;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  /** In English (for logs, and what rows written before issue 13 show). */
  @Column({ type: 'varchar', length: 2000 })
  message: string;

  /** The catalog message (see i18n/message-json.ts), rendered in the reader's language; null when only the text is known. */
  @Column({ name: 'message_json', type: 'text', nullable: true })
  messageJson: string | null;

  /** The same without the other account it names (EMAIL_TAKEN's owner, SHARED_PHONE's holder), for readers who may not list users; null: it names nobody. */
  @Column({ name: 'public_message_json', type: 'text', nullable: true })
  publicMessageJson: string | null;
}

/** A failing row of an import (or of its preview): one row per problem. */
@Entity('import_row_errors')
@Index('ix_import_row_errors_job', ['jobId', 'line', 'id'])
export class ImportRowErrorEntity extends ImportRowMessage {}

/**
 * A warning about a row an import wrote (or its preview would write), one per warning, as createUser answers them:
 * the first 1,000 of a job (ImportJobEntity.warningCount counts them all).
 */
@Entity('import_row_warnings')
@Index('ix_import_row_warnings_job', ['jobId', 'line', 'id'])
export class ImportRowWarningEntity extends ImportRowMessage {}
