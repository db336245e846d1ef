import { createReadStream } from 'node:fs';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { insertMany } from '../db/inserts.js';
import { can } from '../auth/policy.js';
import type { Actor, Viewer } from '../auth/viewer.js';
import { AuditSource } from '../audit/audit.types.js';
import { CreatedVia } from '../users/role.js';
import type { UserService } from '../users/user.service.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import { UserFieldType } from '../fields/user-field.types.js';
import { organizationPolicy } from '../organizations/organization.policy.js';
import { batchGuard } from '../users/bulk-guard.js';
import type { BatchInput, BatchMode, BulkOutcome, PreparedBatch } from '../users/user-batch.js';
import { CsvFileError, readCsv } from './csv-reader.js';
import { delimiterName } from './csv-delimiter.js';
import type { CsvHeader } from './csv-header.js';
import type { CsvEncoding } from './csv-text-decoder.js';
import { mapRow } from './row-mapper.js';
import { userColumns } from './user-columns.js';
import { ImportJobEntity, ImportRowErrorEntity, ImportRowWarningEntity } from './import-job.entity.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import { messageToJson } from '../i18n/message-json.js';
import { batchInputOf, columnOf, InFileDuplicates } from './import-rows.js';
import { uploaderStanding, type UploaderStanding } from './import-uploader.js';
import { unnamedWarningText } from '../users/user.inputs.js';

export interface RunnerDeps {
  db: Database;
  users: UserService;
  fieldValues: FieldValuesService;
  log: Logger;
  /** Rows per chunk (one transaction each). */
  chunkRows: number;
}

/** The job was cancelled, or another process took it over: stop without writing. */
export class JobLost extends Error {}

/** This process is stopping: the job stops after its last committed chunk, for a process to resume it. */
class Stopping extends Error {}

/** The uploader may no longer import (import-uploader.ts): the job stops FAILED before the chunk, saying why. */
class UploaderLost extends Error {
  constructor(readonly standing: UploaderStanding & { ok: false }) {
    super(standing.code);
  }
}

/** How many warnings a job keeps (the first ones, in file order); every one is counted (warningCount). */
export const KEPT_WARNINGS = 1000;

/** A row's error or warning, as kept. */
interface RowMessage {
  line: number;
  column: string | null;
  code: string;
  /** Kept as its catalog message: rendered in the language of whoever reads it (English in the `message` column). */
  text: Text;
  /** The same without the other account it names, for readers who may not list users (BulkProblem.publicText). */
  publicText?: Text;
}

interface Chunk {
  inputs: BatchInput[];
  lines: number[];
  errors: RowMessage[];
  /** Rows failed before the service saw them (cell errors, in-file duplicates, ragged rows). */
  failedLines: Set<number>;
  lastLine: number;
}

const emptyChunk = (): Chunk => ({ inputs: [], lines: [], errors: [], failedLines: new Set(), lastLine: 0 });

/**
 * Runs one claimed import job: a preview (PREVIEWING -> PREVIEWED: every
 * chunk written through the user service and rolled back, so the counts,
 * errors and warnings are what a run would do and nothing is kept) or a run
 * (QUEUED / RUNNING -> DONE: each chunk's users, its failing rows, its rows'
 * warnings and the job's progress in one transaction). The warnings are the
 * user service's, those createUser gives for the same values. A run resumes after `committed_line`: rows up to it are
 * read again only to remember their keys for the in-file duplicate check.
 */
export class ImportRunner {
  constructor(private readonly deps: RunnerDeps) {}

  /**
   * `stopping`: asked before each chunk; when it says yes, the run waits for the chunk being written, lets the job go
   * (no claim) and returns, and whoever claims it next resumes after that chunk (a graceful stop does not wait for the
   * rest of a million rows).
   */
  async execute(job: ImportJobEntity, owner: string, stopping: () => boolean = () => false): Promise<void> {
    const preview = job.status === 'PREVIEWING';
    // A job waits in a queue: it starts only if its uploader (and the token that uploaded it) may still import.
    const standing = await uploaderStanding(this.deps, job);
    if (!standing.ok) return this.uploaderLost(job, owner, standing);
    if (preview || (job.status === 'QUEUED' && job.committedLine === 0)) await this.reset(job, owner, preview);
    const creator = standing.viewer?.user ?? null;
    // The uploader's rights apply row by row; an operator's import (npm run import, no uploader) may do anything.
    const viewer: Viewer | null = creator ? { kind: 'session', user: creator, sessionId: 0 } : null;
    const actor: Actor = {
      userId: job.createdById,
      tokenId: null,
      tokenName: `Import #${job.id}: ${job.fileName}`.slice(0, 255),
      via: CreatedVia.IMPORT,
      source: AuditSource.IMPORT,
    };
    const mode = job.mode as BatchMode;
    const opts = {
      mode,
      wo: { canCreateOrganization: viewer ? can(viewer, organizationPolicy.manage) : true },
      guard: viewer ? batchGuard(viewer) : undefined,
    };
    const active = (await this.deps.fieldValues.definitions()).filter((f) => f.active);
    const columns = userColumns(active.map((f) => f.key));
    // A file separated by semicolons writes decimals with a comma (row-mapper.ts).
    const decimalFields = new Set(active.filter((f) => f.type === UserFieldType.DECIMAL).map((f) => f.key));
    let decimalComma: ReadonlySet<string> | undefined;
    if (!preview && job.rowsTotal === null) await this.countRows(job, columns);
    const duplicates = new InFileDuplicates();
    let header: CsvHeader | null = null;
    let chunk = emptyChunk();
    let rowsSeen = 0;
    // One chunk is written while the next is read and checked (the database and Node each keep a core
    // busy); chunks are still written one after the other, in order, each in its own transaction.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (chunk.lastLine === 0) return;
      if (stopping()) throw new Stopping();
      const current = chunk;
      chunk = emptyChunk();
      const checked = await this.deps.users.prepareBatch(current.inputs);
      await writing;
      writing = this.writeChunk(job, owner, current, header!, actor, { ...opts, dryRun: preview, duplicates }, checked);
      writing.catch(() => {}); // awaited (and thrown) by the next flush or at the end
    };
    try {
      const source = createReadStream(job.filePath);
      for await (const item of readCsv(source, { columns, encoding: job.encoding as CsvEncoding })) {
        if (item.kind === 'header') {
          header = item.header;
          decimalComma = item.delimiter === ';' ? decimalFields : undefined;
          await this.recordDelimiter(job, owner, delimiterName(item.delimiter));
          continue;
        }
        rowsSeen++;
        const resumed = item.line <= job.committedLine;
        if (item.kind === 'error') {
          if (!resumed) fail(chunk, item.line, null, item.code, item.text);
        } else {
          const mapped = mapRow(item, header!, { blankCells: job.blankCellsClear ? 'clear' : 'leave', decimalComma });
          const dup = duplicates.check(item.line, mapped.user);
          if (resumed) continue;
          if (mapped.errors.length) for (const e of mapped.errors) fail(chunk, item.line, e.column, e.code, e.text);
          else if (dup) {
            const column = header!.spelled[dup.column] ?? (dup.column === 'email' ? header!.spelled.emails : null) ?? dup.column;
            const code = dup.column === 'email' ? 'imports.duplicateEmail' : 'imports.duplicateExternalId';
            fail(chunk, item.line, column, 'DUPLICATE_IN_FILE', msg(code, { line: String(dup.line) }));
          } else {
            chunk.inputs.push(batchInputOf(mapped.user));
            chunk.lines.push(item.line);
          }
        }
        if (resumed) continue;
        chunk.lastLine = item.line;
        if (chunk.inputs.length + chunk.failedLines.size >= this.deps.chunkRows) await flush();
      }
      await flush();
      await writing;
    } catch (err) {
      await writing.catch(() => {});
      if (err instanceof JobLost) return;
      if (err instanceof UploaderLost) return this.uploaderLost(job, owner, err.standing);
      if (err instanceof Stopping) {
        await this.deps.db.transaction((m) => m.update(ImportJobEntity, { id: job.id, claimedBy: owner }, { claimedBy: null }));
        return;
      }
      if (!(err instanceof CsvFileError)) throw err;
      await this.fileFailed(job, owner, err, rowsSeen);
      return;
    }
    await this.finish(job, owner, preview ? (job.previewOnly ? 'PREVIEWED' : 'QUEUED') : 'DONE', rowsSeen);
  }

  /** A run without a preview counts the rows first (a quick read, no database), for its progress bar and time left. */
  private async countRows(job: ImportJobEntity, columns: string[]): Promise<void> {
    let rows = 0;
    try {
      for await (const item of readCsv(createReadStream(job.filePath), { columns, encoding: job.encoding as CsvEncoding }))
        if (item.kind !== 'header') rows++;
    } catch {
      return; // the run itself reports what is wrong with the file
    }
    job.rowsTotal = rows;
    await this.deps.db.transaction((m) => m.update(ImportJobEntity, { id: job.id }, { rowsTotal: rows }));
  }

  /** Which delimiter the header row showed (a resumed run reads the same). */
  private async recordDelimiter(job: ImportJobEntity, owner: string, delimiter: string): Promise<void> {
    if (job.delimiter === delimiter) return;
    await this.deps.db.transaction((m) => m.update(ImportJobEntity, { id: job.id, claimedBy: owner }, { delimiter }));
    job.delimiter = delimiter;
  }

  /** A fresh start: counts, errors and resume point cleared. */
  private async reset(job: ImportJobEntity, owner: string, preview: boolean): Promise<void> {
    await this.deps.db.transaction(async (m) => {
      await m.delete(ImportRowErrorEntity, { jobId: job.id });
      await m.delete(ImportRowWarningEntity, { jobId: job.id });
      const set = {
        rowsRead: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        failed: 0,
        warningCount: 0,
        committedLine: 0,
        status: preview ? 'PREVIEWING' : 'RUNNING',
        startedAt: new Date(),
        finishedAt: null,
      };
      const r = await m.update(ImportJobEntity, { id: job.id, claimedBy: owner, status: job.status }, set);
      if (!r.affected) throw new JobLost();
      Object.assign(job, set);
    });
  }

  private async writeChunk(
    job: ImportJobEntity,
    owner: string,
    chunk: Chunk,
    header: CsvHeader,
    actor: Actor,
    opts: { mode: BatchMode; wo: object; guard?: ReturnType<typeof batchGuard>; dryRun: boolean; duplicates: InFileDuplicates },
    checked: PreparedBatch,
  ): Promise<void> {
    // Asked again before each chunk: the uploader may have been suspended (or the token revoked) since the last one.
    const standing = await uploaderStanding(this.deps, job);
    if (!standing.ok) throw new UploaderLost(standing);
    let counts = { created: 0, updated: 0, unchanged: 0, failed: chunk.failedLines.size };
    let errors = chunk.errors;
    let warnings: RowMessage[] = [];
    const tally = (outcomes: BulkOutcome[]) => {
      counts = { created: 0, updated: 0, unchanged: 0, failed: chunk.failedLines.size };
      errors = [...chunk.errors];
      warnings = [];
      for (const o of outcomes) {
        const line = chunk.lines[o.index];
        if (o.status === 'FAILED') {
          counts.failed++;
          for (const p of o.errors) errors.push({ line, column: columnOf(p, header), code: p.code, text: p.text, publicText: p.publicText });
        } else counts[o.status === 'CREATED' ? 'created' : o.status === 'UPDATED' ? 'updated' : 'unchanged']++;
        // A written row's warnings (a failed row has none), in file order as the outcomes are.
        for (const w of o.warnings)
          warnings.push({ line, column: columnOf(w, header), code: w.code, text: w.text, publicText: unnamedWarningText(w) ?? undefined });
      }
      errors.sort((a, b) => a.line - b.line);
    };
    const record = async (m: EntityManager, running: boolean) => {
      await insertMany(
        m,
        ImportRowErrorEntity,
        errors.slice(0, 5000).map((e) => rowMessageOf(job.id, e)),
      );
      // The first KEPT_WARNINGS of the job are kept, in file order; every one is counted.
      const room = Math.max(0, KEPT_WARNINGS - job.warningCount);
      await insertMany(
        m,
        ImportRowWarningEntity,
        warnings.slice(0, room).map((w) => rowMessageOf(job.id, w)),
      );
      const n = chunk.lines.length + chunk.failedLines.size;
      const r = await m
        .createQueryBuilder()
        .update(ImportJobEntity)
        .set({
          rowsRead: () => `rows_read + ${n}`,
          created: () => `created + ${counts.created}`,
          updated: () => `updated + ${counts.updated}`,
          unchanged: () => `unchanged + ${counts.unchanged}`,
          failed: () => `failed + ${counts.failed}`,
          warningCount: () => `warning_count + ${warnings.length}`,
          committedLine: chunk.lastLine,
          heartbeatAt: new Date(),
        })
        .where('id = :id AND claimed_by = :owner AND status = :status', { id: job.id, owner, status: running ? 'RUNNING' : 'PREVIEWING' })
        .execute();
      if (!r.affected) throw new JobLost();
    };
    if (chunk.inputs.length === 0) {
      tally([]);
      await this.deps.db.transaction((m) => record(m, !opts.dryRun));
      return;
    }
    const outcomes = await this.deps.users.writeBatch(
      chunk.inputs,
      actor,
      {
        mode: opts.mode,
        guard: opts.guard,
        wo: opts.wo,
        dryRun: opts.dryRun,
        oncePerAccount: opts.duplicates.oncePerAccount(chunk.lines),
        inTransaction: opts.dryRun
          ? undefined
          : async (m, o) => {
              tally(o);
              await record(m, true);
            },
      },
      checked,
    );
    opts.duplicates.wrote(chunk.lines, outcomes, checked, opts.dryRun);
    if (opts.dryRun) {
      // The preview's writes were rolled back; its findings are kept.
      tally(outcomes);
      await this.deps.db.transaction((m) => record(m, false));
    }
    job.warningCount += warnings.length; // committed: the next chunk keeps what room is left
  }

  /**
   * The file stopped being readable (a refused header: before any row). `rowsTotal` becomes the rows read before
   * that (0 for a refused header), so the job reads "0 of 0 rows", not "0 of ? rows" waiting for a count that
   * never comes (the count before a run stops at the same problem).
   */
  private async fileFailed(job: ImportJobEntity, owner: string, err: CsvFileError, rowsSeen: number): Promise<void> {
    await this.deps.db.transaction(async (m) => {
      const problems = err.problems.length
        ? err.problems.map((p) => ({ column: p.column || null, code: p.code, text: p.text }))
        : [{ column: null, code: err.code, text: err.text }];
      await insertMany(
        m,
        ImportRowErrorEntity,
        problems.map((p) => rowMessageOf(job.id, { line: err.line ?? 0, ...p })),
      );
      const fileError = { fileError: err.message.slice(0, 2000), fileErrorJson: messageToJson(err.text) };
      await m.update(
        ImportJobEntity,
        { id: job.id, claimedBy: owner },
        { status: 'FAILED', ...fileError, rowsTotal: rowsSeen, finishedAt: new Date(), claimedBy: null },
      );
    });
  }

  /** The uploader may no longer import: FAILED with the reason as the job's error; the chunks committed before stay. */
  private async uploaderLost(job: ImportJobEntity, owner: string, standing: UploaderStanding & { ok: false }): Promise<void> {
    this.deps.log.warn({ job: job.id, reason: standing.code }, 'import job stopped: its uploader may no longer import');
    await this.deps.db.transaction((m) =>
      m.update(
        ImportJobEntity,
        { id: job.id, claimedBy: owner },
        {
          status: 'FAILED',
          fileError: renderText(standing.text, 'en').slice(0, 2000),
          fileErrorJson: messageToJson(standing.text),
          finishedAt: new Date(),
          claimedBy: null,
        },
      ),
    );
  }

  private async finish(job: ImportJobEntity, owner: string, status: string, rowsSeen: number): Promise<void> {
    await this.deps.db.transaction(async (m) => {
      const set: Partial<ImportJobEntity> = { status, rowsTotal: rowsSeen, claimedBy: null };
      if (status !== 'QUEUED') set.finishedAt = new Date();
      const r = await m.update(ImportJobEntity, { id: job.id, claimedBy: owner, status: job.status }, set);
      if (!r.affected) this.deps.log.info({ job: job.id }, 'import job ended elsewhere');
    });
  }
}

/** A row of import_row_errors or import_row_warnings: the message in English, and as its catalog message to render for each reader. */
function rowMessageOf(jobId: number, { line, column, code, text, publicText }: RowMessage) {
  return {
    jobId,
    line,
    column: column?.slice(0, 300) ?? null,
    code,
    message: renderText(text, 'en').slice(0, 2000),
    messageJson: messageToJson(text),
    publicMessageJson: publicText === undefined ? null : messageToJson(publicText),
  };
}

function fail(chunk: Chunk, line: number, column: string | null, code: string, text: Text): void {
  chunk.errors.push({ line, column, code, text });
  chunk.failedLines.add(line);
}
