import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { connection } from '../graphql/connection.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { User } from '../users/user.entity.js';
import { importPolicy } from './import.policy.js';
import { ImportDelimiter, ImportJob, ImportJobConnection, ImportJobStatus, ImportMode, ImportRowError, ImportRowWarning } from './import.types.js';
import type { ImportJobEntity, ImportRowErrorEntity } from './import-job.entity.js';
import { importErrorCursor, importJobCursor, importWarningCursor } from './import-jobs.service.js';
import type { Lang } from '../i18n/language.js';
import { storedText } from '../i18n/message-json.js';
import { rowErrorText } from './row-error-text.js';

const ENDED = new Set(['DONE', 'FAILED', 'CANCELLED', 'PREVIEWED']);

/** A job row as the API shows it, with its pace computed now and its file error in `lang` (the asker's). */
export function importJobOf(e: ImportJobEntity, lang: Lang, now = Date.now()): ImportJob {
  const seconds = e.startedAt ? Math.max(0.001, ((e.finishedAt ?? new Date(now)).getTime() - e.startedAt.getTime()) / 1000) : 0;
  const rate = seconds > 0 ? e.rowsRead / seconds : 0;
  const ended = ENDED.has(e.status);
  const left = !ended && rate > 0 && e.rowsTotal !== null ? Math.max(0, Math.ceil((e.rowsTotal - e.rowsRead) / rate)) : null;
  return Object.assign(new ImportJob(), {
    id: String(e.id),
    status: e.status as ImportJobStatus,
    mode: e.mode as ImportMode,
    fileName: e.fileName,
    delimiter: e.delimiter as ImportDelimiter | null,
    blankCellsClear: e.blankCellsClear,
    rowsTotal: e.rowsTotal,
    rowsRead: e.rowsRead,
    created: e.created,
    updated: e.updated,
    unchanged: e.unchanged,
    failed: e.failed,
    warningCount: e.warningCount,
    rowsPerSecond: Math.round(rate),
    secondsLeft: left,
    fileError: e.fileError === null ? null : storedText(e.fileErrorJson, e.fileError, lang),
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
    createdAt: e.createdAt,
    failedRowsUrl: (e.failed > 0 || e.fileError) && e.filePath ? `/imports/users/${e.id}/failed-rows.csv` : null,
    warningsUrl: e.warningCount > 0 ? `/imports/users/${e.id}/warnings.csv` : null,
    createdById: e.createdById,
  });
}

/** Kept row errors or warnings as the API shows them: the message in the reader's language, naming others only to those who may list users. */
function shown(rows: ImportRowErrorEntity[], cursor: (id: number) => string, ctx: Context): ImportRowError[] {
  return rows.map((r) => ({ cursor: cursor(r.id), line: r.line, column: r.column, message: rowErrorText(r, ctx.lang, ctx.viewer), code: r.code }));
}

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Query(() => ImportJob, { nullable: true, description: 'One import, or null. Admins (tokens: IMPORT scope).' })
  @Authorized(importPolicy.manage)
  async importJob(@Arg('id', () => ID, { description: 'The import.' }) id: string, @Ctx() ctx: Context): Promise<ImportJob | null> {
    const n = parseId(id);
    const job = n === null ? null : await ctx.imports.byId(n);
    return job ? importJobOf(job, ctx.lang) : null;
  }

  @Query(() => ImportJobConnection, { description: 'Imports, newest first. `first` is capped at 100.' })
  @Authorized(importPolicy.manage)
  @listSize({ kind: 'page', max: 100 })
  async importJobs(
    @Arg('first', () => Int, { nullable: true, defaultValue: 25, description: 'How many imports to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ImportJobConnection> {
    const [page, totalCount] = await Promise.all([ctx.imports.list({ first, after }), ctx.imports.count()]);
    return {
      ...connection({ ...page, items: page.items.map((j) => importJobOf(j, ctx.lang)) }, (j) => importJobCursor.encode(Number(j.id))),
      totalCount,
    };
  }

  @Mutation(() => ImportJob, { description: 'Runs a previewed import, without uploading the file again.' })
  @Authorized(importPolicy.manage)
  async runImportJob(@Arg('id', () => ID, { description: 'The previewed import.' }) id: string, @Ctx() ctx: Context): Promise<ImportJob> {
    return importJobOf(await ctx.imports.run(parseId(id) ?? 0), ctx.lang);
  }

  @Mutation(() => ImportJob, { description: 'Stops an import; the chunks already written stay (each is whole).' })
  @Authorized(importPolicy.manage)
  async cancelImportJob(@Arg('id', () => ID, { description: 'The import to stop.' }) id: string, @Ctx() ctx: Context): Promise<ImportJob> {
    return importJobOf(await ctx.imports.cancel(parseId(id) ?? 0), ctx.lang);
  }

  @FieldResolver(() => [ImportRowError], { description: 'The failing rows (one entry per problem), in file order. `first` is capped at 100.' })
  @Authorized(importPolicy.manage)
  @listSize({ kind: 'page', max: 100 })
  async errors(
    @Root() job: ImportJob,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'How many errors to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last error read.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ImportRowError[]> {
    return shown(await ctx.imports.errors(Number(job.id), { first, after }), importErrorCursor.encode, ctx);
  }

  @FieldResolver(() => [ImportRowWarning], {
    description:
      'Warnings about rows written (one entry per warning), in file order: the first 1,000 of the import (warningCount counts them all). ' +
      'A shared number’s holder is named only to those who may list users. `first` is capped at 100.',
  })
  @Authorized(importPolicy.manage)
  @listSize({ kind: 'page', max: 100 })
  async warnings(
    @Root() job: ImportJob,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'How many warnings to return, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last warning read.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ImportRowWarning[]> {
    const rows = await ctx.imports.warnings(Number(job.id), { first, after });
    return shown(rows, importWarningCursor.encode, ctx) as ImportRowWarning[];
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who uploaded the file (null for the command line).' })
  @Authorized(importPolicy.manage)
  async createdBy(@Root() job: ImportJob, @Ctx() ctx: Context): Promise<User | null> {
    return job.createdById === null ? null : ctx.loaders.users.load(job.createdById);
  }
}
