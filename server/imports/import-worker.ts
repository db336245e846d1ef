import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { sqlDate } from '../db/sql.js';
import { WorkLoop } from '../db/work-loop.js';
import { ImportJobEntity } from './import-job.entity.js';
import type { ImportRunner } from './import-runner.js';
import type { ImportJobService } from './import-jobs.service.js';

export interface WorkerOptions {
  /** How often to look for work when nothing told this process (ms). */
  pollMs: number;
  /** A claim whose heartbeat is older than this is taken over (ms). */
  staleMs: number;
  /** How long an ended job's uploaded file is kept (ms); see ImportJobService.sweepFiles. */
  fileRetentionMs?: number;
}

/** How often a process looks for uploaded files to delete. */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Runs import jobs in this process, one at a time. A job is claimed in the
 * database: `SELECT … FOR UPDATE SKIP LOCKED` (MySQL; SQLite has one writer)
 * picks a job nobody holds, or one whose holder stopped beating (its process
 * died), and writes this process's name on it, so whatever the number of
 * processes or machines a job is run by one of them at a time. The claim is
 * renewed every few seconds and by each committed chunk; every chunk checks
 * that the claim is still this process's before it commits.
 */
export class ImportWorker {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly loop: WorkLoop;

  constructor(
    private readonly db: Database,
    private readonly runner: ImportRunner,
    private readonly log: Logger,
    private readonly files: Pick<ImportJobService, 'sweepFiles' | 'dropFileIfClean'>,
    private readonly opts: WorkerOptions,
  ) {
    this.loop = new WorkLoop(
      () => this.work(),
      opts.pollMs,
      (err) => this.log.error({ err }, 'import worker failed'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Look for work now. */
  kick(): void {
    this.loop.kick();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  private lastSweep = 0;

  private async work(): Promise<void> {
    if (this.opts.fileRetentionMs !== undefined && Date.now() - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = Date.now();
      const n = await this.files.sweepFiles(this.opts.fileRetentionMs);
      if (n) this.log.info({ files: n }, 'deleted the uploaded files of ended imports');
    }
    // Checked before each claim: a stopping process takes no job (it would hold it until the claim went stale).
    for (let job = await this.claim(); job; job = this.loop.isStopped ? null : await this.claim()) {
      const beat = setInterval(() => void this.heartbeat(job!.id), Math.max(200, this.opts.staleMs / 3));
      beat.unref();
      try {
        await this.runner.execute(job, this.owner, () => this.loop.isStopped);
        await this.files.dropFileIfClean(job.id);
      } catch (err) {
        this.log.error({ err, job: job.id }, 'import job stopped; it resumes from its last committed chunk');
        return;
      } finally {
        clearInterval(beat);
      }
    }
  }

  /** Takes one job that needs work and that nobody live holds; null when there is none. */
  async claim(): Promise<ImportJobEntity | null> {
    const mysql = this.db.dialect === 'mysql';
    const stale = sqlDate(new Date(Date.now() - this.opts.staleMs));
    const claimable = `SELECT id FROM import_jobs WHERE status IN ('PREVIEWING', 'QUEUED', 'RUNNING') AND (claimed_by IS NULL OR heartbeat_at < ?)
         ORDER BY id LIMIT 1`;
    // Most looks find nothing: one plain read, no transaction.
    if ((await this.db.manager.query(claimable, [stale])).length === 0) return null;
    return this.db.transaction(async (m) => {
      const rows: { id: unknown }[] = await m.query(`${claimable}${mysql ? ' FOR UPDATE SKIP LOCKED' : ''}`, [stale]);
      if (rows.length === 0) return null;
      const id = Number(rows[0].id);
      await m.update(ImportJobEntity, { id }, { claimedBy: this.owner, heartbeatAt: new Date() });
      return m.findOneBy(ImportJobEntity, { id });
    });
  }

  private async heartbeat(id: number): Promise<void> {
    await this.db
      .transaction((m) => m.update(ImportJobEntity, { id, claimedBy: this.owner }, { heartbeatAt: new Date() }))
      .catch((err: unknown) => this.log.warn({ err, job: id }, 'import heartbeat failed'));
  }
}
