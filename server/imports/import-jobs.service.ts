import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable, type Writable } from 'node:stream';
import { In, LessThan, MoreThan, Not } from 'typeorm';
import type { Database } from '../db/database.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import { readCsv } from './csv-reader.js';
import { CSV_DELIMITERS, type CsvDelimiter, type CsvDelimiterName } from './csv-delimiter.js';
import type { CsvEncoding } from './csv-text-decoder.js';
import { csvField } from '../exports/csv-writer.js';
import { userColumns } from './user-columns.js';
import { ImportJobEntity, ImportRowErrorEntity, ImportRowWarningEntity } from './import-job.entity.js';
import { msg, type Message } from '../i18n/message.js';
import type { Lang } from '../i18n/language.js';
import { rowErrorText } from './row-error-text.js';
import type { Viewer } from '../auth/viewer.js';

export const IMPORT_MODES = ['CREATE', 'CREATE_OR_UPDATE', 'UPDATE'] as const;
export type ImportModeName = (typeof IMPORT_MODES)[number];
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const OPEN_STATUSES = ['PREVIEWING', 'PREVIEWED', 'QUEUED', 'RUNNING'];

export class FileTooLargeError extends Error {}

export interface NewImport {
  fileName: string;
  file: Readable;
  mode: ImportModeName;
  blankCellsClear: boolean;
  /** true: preview only (the job stops at PREVIEWED); false: run at once. */
  dryRun: boolean;
  encoding: CsvEncoding;
  createdById: number | null;
  /** The API token that uploaded it, if a token did: the job runs only while the token is live. */
  createdByTokenId?: number | null;
  /**
   * Settles when the rest of the request is read (an upload: the end of the form). The job is made only once it
   * resolves; when it rejects, the stored file is deleted, no job is made, and `create` rejects with its error.
   */
  ready?: Promise<unknown>;
}

export const importJobCursor = cursorCodec('importJobs', ['int']);
export const importErrorCursor = cursorCodec('importErrors', ['int']);
export const importWarningCursor = cursorCodec('importWarnings', ['int']);

/**
 * Import jobs: the uploaded file kept on disk (IMPORT_DIR), the job row, its
 * failing rows and its rows' warnings, and what people do with a job (run a
 * preview, cancel). The
 * work itself is done by a worker (import-worker.ts) that claims the row.
 */
export class ImportJobService {
  /** Called when a job is ready for a worker (the worker of this process starts at once). */
  onQueued: () => void = () => undefined;

  constructor(
    private readonly db: Database,
    private readonly dir: string,
    private readonly fieldValues: FieldValuesService,
  ) {}

  /** Stores the file (streamed, at most 200 MB) and makes the job (once `ready`): PREVIEWING, or QUEUED without a preview. */
  async create(input: NewImport): Promise<ImportJobEntity> {
    if (!(IMPORT_MODES as readonly string[]).includes(input.mode)) {
      throw new UserInputError('mode', msg('imports.modeMustOne', { value: IMPORT_MODES.join(', ') }));
    }
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `${Date.now()}-${randomBytes(6).toString('hex')}.csv`);
    let bytes = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > MAX_IMPORT_BYTES) done(new FileTooLargeError('The file is over 200 MB.'));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(input.file, cap, createWriteStream(path));
      await input.ready;
    } catch (err) {
      await unlink(path).catch(() => undefined);
      throw err;
    }
    const job = Object.assign(new ImportJobEntity(), {
      status: input.dryRun ? 'PREVIEWING' : 'QUEUED',
      mode: input.mode,
      fileName: (input.fileName || 'import.csv').slice(0, 255),
      filePath: path,
      fileBytes: bytes,
      encoding: input.encoding,
      delimiter: null,
      blankCellsClear: input.blankCellsClear,
      previewOnly: input.dryRun,
      rowsTotal: null,
      rowsRead: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      warningCount: 0,
      committedLine: 0,
      fileError: null,
      createdById: input.createdById,
      createdByTokenId: input.createdByTokenId ?? null,
      claimedBy: null,
      heartbeatAt: null,
      startedAt: null,
      finishedAt: null,
      createdAt: new Date(),
    });
    await this.db.transaction((m) => m.save(ImportJobEntity, job));
    this.onQueued();
    return job;
  }

  async byId(id: number): Promise<ImportJobEntity | null> {
    return this.db.manager.findOneBy(ImportJobEntity, { id });
  }

  /** Imports, newest first. */
  list(req: PageRequest): Promise<Page<ImportJobEntity>> {
    return readPage(req, { defaultSize: 25, decode: importJobCursor.decode }, (limit, after) =>
      this.db.manager.find(ImportJobEntity, { where: after ? { id: LessThan(after[0]) } : {}, order: { id: 'DESC' }, take: limit }),
    );
  }

  /** How many imports there are. */
  count(): Promise<number> {
    return this.db.manager.count(ImportJobEntity);
  }

  /** A job's failing rows, in file order. */
  errors(jobId: number, req: PageRequest): Promise<ImportRowErrorEntity[]> {
    return this.kept(ImportRowErrorEntity, importErrorCursor.decode, jobId, req);
  }

  /** A job's kept warnings (the first KEPT_WARNINGS), in file order. */
  warnings(jobId: number, req: PageRequest): Promise<ImportRowWarningEntity[]> {
    return this.kept(ImportRowWarningEntity, importWarningCursor.decode, jobId, req);
  }

  /** Rows of import_row_errors or import_row_warnings (the same columns), by id. */
  private async kept(
    entity: typeof ImportRowErrorEntity | typeof ImportRowWarningEntity,
    decode: (cursor: string) => readonly [number],
    jobId: number,
    req: PageRequest,
  ): Promise<ImportRowErrorEntity[]> {
    const page = await readPage(req, { defaultSize: 100, decode }, (limit, after) =>
      this.db.manager.find(entity as typeof ImportRowErrorEntity, {
        where: after ? { jobId, id: MoreThan(after[0]) } : { jobId },
        order: { id: 'ASC' },
        take: limit,
      }),
    );
    return page.items;
  }

  /**
   * Deletes the uploaded files of jobs that ended (DONE, FAILED, CANCELLED, or
   * PREVIEWED and never run) longer than `retentionMs` ago; the jobs, their
   * counts and errors stay, without a failed-rows download. Returns how many.
   */
  async sweepFiles(retentionMs: number, now = new Date()): Promise<number> {
    const ended = await this.db.manager.find(ImportJobEntity, {
      where: {
        status: In(['DONE', 'FAILED', 'CANCELLED', 'PREVIEWED']),
        finishedAt: LessThan(new Date(now.getTime() - retentionMs)),
        filePath: Not(''),
      },
      select: { id: true, filePath: true, status: true },
      take: 500,
    });
    let deleted = 0;
    for (const job of ended) {
      // The status is checked again as the path is cleared: a preview run meanwhile keeps its file.
      const r = await this.db.transaction((m) =>
        m.update(ImportJobEntity, { id: job.id, status: job.status, filePath: job.filePath }, { filePath: '' }),
      );
      if (!r.affected) continue;
      await unlink(job.filePath).catch(() => undefined);
      deleted++;
    }
    return deleted;
  }

  /** A job that ended with nothing to download deletes its file at once. */
  async dropFileIfClean(id: number): Promise<void> {
    const job = await this.db.manager.findOneBy(ImportJobEntity, { id });
    if (!job || job.status !== 'DONE' || job.failed > 0 || job.fileError || !job.filePath) return;
    const r = await this.db.transaction((m) => m.update(ImportJobEntity, { id, status: 'DONE', filePath: job.filePath }, { filePath: '' }));
    if (r.affected) await unlink(job.filePath).catch(() => undefined);
  }

  /** A previewed job runs, without uploading the file again. */
  async run(id: number): Promise<ImportJobEntity> {
    const file = await this.db.manager.findOne(ImportJobEntity, { where: { id }, select: { id: true, filePath: true, status: true } });
    if (file?.status === 'PREVIEWED' && !file.filePath) throw new UserInputError('id', msg('imports.filePreviewWasDeleted'));
    const r = await this.db.transaction((m) =>
      m.update(ImportJobEntity, { id, status: 'PREVIEWED' }, { status: 'QUEUED', committedLine: 0, previewOnly: false }),
    );
    if (!r.affected) await this.refuse(id, msg('imports.onlyPreviewedRun'));
    this.onQueued();
    return (await this.byId(id))!;
  }

  /** Stops a job; the chunks already committed stay. */
  async cancel(id: number): Promise<ImportJobEntity> {
    const r = await this.db.transaction((m) =>
      m.update(ImportJobEntity, { id, status: In(OPEN_STATUSES) }, { status: 'CANCELLED', finishedAt: new Date(), claimedBy: null }),
    );
    if (!r.affected) await this.refuse(id, msg('imports.endedCannotCancel'));
    return (await this.byId(id))!;
  }

  private async refuse(id: number, message: Message): Promise<never> {
    if (!(await this.byId(id))) throw new NotFoundError(msg('notFound.import', { id }));
    throw new UserInputError('id', message);
  }

  /**
   * The failing rows as CSV, ready to fix and import again, with the uploaded file's delimiter: the file's header
   * and the failing rows' cells as they were, with an `errors` column (in `lang`: the reader's; naming the owner of a
   * taken value only to a `viewer` who may list users, row-error-text.ts; null: the command line).
   * The import reads past that column (csv-header.ts), so the file, fixed, imports again; a file that
   * had one already (a failed-rows file imported again) gets the new messages in place of the old.
   * The file and the errors are both read in row order, a page at a time, so a
   * million failed rows take no more memory than ten.
   */
  async writeFailedRows(job: ImportJobEntity, out: Writable, lang: Lang, viewer: Viewer | null): Promise<void> {
    const failed = this.errorsByLine(job.id, lang, viewer);
    let next = await failed.next();
    const columns = userColumns((await this.fieldValues.definitions()).filter((f) => f.active).map((f) => f.key));
    const write = (line: string) => (out.write(`${line}\r\n`) ? Promise.resolve() : new Promise<void>((ok) => out.once('drain', () => ok())));
    let header: string[] = [];
    // The uploaded file's delimiter (a semicolon file gives a semicolon file back, to open in the same spreadsheet).
    let delimiter: CsvDelimiter = ',';
    const record = (cells: string[]) => cells.map((c) => csvField(c, delimiter)).join(delimiter);
    try {
      for await (const item of readCsv(createReadStream(job.filePath), { columns, encoding: job.encoding as CsvEncoding })) {
        if (item.kind === 'header') {
          // Without the columns read past (an `errors` column of a failed-rows file imported again).
          header = item.header.columns.filter((c) => c !== '');
          delimiter = item.delimiter;
          await write(record([...header.map((c) => item.header.spelled[c] ?? c), 'errors']));
          continue;
        }
        while (!next.done && next.value.line < item.line) next = await failed.next();
        if (next.done) break;
        if (next.value.line !== item.line) continue;
        const cells = item.kind === 'row' ? header.map((c) => item.cells[c] ?? '') : header.map(() => '');
        await write(record([...cells, next.value.messages.join('; ')]));
      }
    } catch {
      // A file that cannot be read has no rows to give back; its problem is in the job's errors.
    } finally {
      await failed.return(undefined);
    }
    out.end();
  }

  /**
   * The kept warnings as CSV (`row`, `column`, `code`, `message`), with the uploaded file's delimiter, the messages in
   * `lang` and naming a shared number's holder only to a `viewer` who may list users (null: the command line). Read
   * from the job's rows, not from the file: there even once the file is deleted. At most KEPT_WARNINGS lines.
   */
  async writeWarnings(job: ImportJobEntity, out: Writable, lang: Lang, viewer: Viewer | null): Promise<void> {
    const delimiter = CSV_DELIMITERS[(job.delimiter ?? 'COMMA') as CsvDelimiterName];
    const record = (cells: string[]) => `${cells.map((c) => csvField(c, delimiter)).join(delimiter)}\r\n`;
    out.write(record(['row', 'column', 'code', 'message']));
    for (let after: string | null = null; ;) {
      const rows = await this.warnings(job.id, { first: 100, after });
      if (rows.length === 0) break;
      for (const r of rows) out.write(record([String(r.line), r.column ?? '', r.code, rowErrorText(r, lang, viewer)]));
      after = importWarningCursor.encode(rows.at(-1)!.id);
    }
    out.end();
  }

  /** A job's errors grouped by row, in row order (then in the order they were found), read a page at a time. */
  private async *errorsByLine(
    jobId: number,
    lang: Lang,
    viewer: Viewer | null,
  ): AsyncGenerator<{ line: number; messages: string[] }, void, undefined> {
    let current = null as { line: number; messages: string[] } | null;
    for (let after = { line: -1, id: 0 }; ;) {
      const rows = await this.db.manager.find(ImportRowErrorEntity, {
        where: [
          { jobId, line: MoreThan(after.line) },
          { jobId, line: after.line, id: MoreThan(after.id) },
        ],
        order: { line: 'ASC', id: 'ASC' },
        take: 1000,
      });
      if (rows.length === 0) break;
      for (const r of rows) {
        const message = rowErrorText(r, lang, viewer);
        const text = r.column ? `${r.column}: ${message}` : message;
        if (current?.line === r.line) current.messages.push(text);
        else {
          if (current) yield current;
          current = { line: r.line, messages: [text] };
        }
      }
      after = { line: rows.at(-1)!.line, id: rows.at(-1)!.id };
    }
    if (current) yield current;
  }
}
