import 'reflect-metadata';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, readConfig } from '../config.js';
import { Database } from '../db/database.js';
import { createApp } from '../app.js';
import { importJobOf } from './import.resolver.js';
import { IMPORT_MODES, type ImportModeName } from './import-jobs.service.js';

/**
 * `npm run import -- FILE [--mode CREATE_OR_UPDATE] [--dry-run] [--blank-cells-clear] [--encoding windows-1252]`:
 * an operator's import into DATABASE_URL, run by this process (or by any
 * server of the same database that claims it first), with a progress bar
 * and the summary. The failing rows go to FILE.failed.csv, the rows' warnings
 * (the first 1,000) to FILE.warnings.csv.
 */
const USAGE = 'usage: npm run import -- FILE [--mode CREATE|CREATE_OR_UPDATE|UPDATE] [--dry-run] [--blank-cells-clear] [--encoding windows-1252]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const n = (v: number) => v.toLocaleString('en-US');

function bar(done: number, total: number | null, width = 30): string {
  if (!total) return `[${'·'.repeat(width)}]   ?%`;
  const share = Math.min(1, done / total);
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'·'.repeat(width - full)}] ${String(Math.floor(share * 100)).padStart(3)}%`;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        mode: { type: 'string', default: 'CREATE_OR_UPDATE' },
        'dry-run': { type: 'boolean', default: false },
        'blank-cells-clear': { type: 'boolean', default: false },
        encoding: { type: 'string', default: 'utf-8' },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) fail(USAGE);
  if (!existsSync(file)) fail(`${file}: no such file.`);
  const mode = args.values.mode!.toUpperCase() as ImportModeName;
  if (!(IMPORT_MODES as readonly string[]).includes(mode)) fail(`--mode must be one of ${IMPORT_MODES.join(', ')}.`);
  const encoding = /^(windows-1252|cp1252)$/i.test(args.values.encoding!) ? 'windows-1252' : 'utf-8';

  let config;
  try {
    config = readConfig({ ...process.env, IMPORT_WORKER: 'true' });
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  const log = pino({ level: 'warn' });
  const db = await Database.open(config.databaseUrl);
  const app = await createApp(config, db, log);
  const job = await app.services.imports.create({
    fileName: basename(file),
    file: createReadStream(file),
    mode,
    dryRun: args.values['dry-run']!,
    blankCellsClear: args.values['blank-cells-clear']!,
    encoding,
    createdById: null,
  });
  console.log(`Import #${job.id}: ${basename(file)} (${mode}${args.values['dry-run'] ? ', preview only' : ''})`);
  const tty = process.stdout.isTTY;
  let last = '';
  for (;;) {
    const row = (await app.services.imports.byId(job.id))!;
    const j = importJobOf(row, 'en');
    const left = j.secondsLeft === null ? '' : `  ~${n(j.secondsLeft)} s left`;
    const line = `${bar(j.rowsRead, j.rowsTotal)} ${n(j.rowsRead)}${j.rowsTotal !== null ? `/${n(j.rowsTotal)}` : ''} rows  ${n(j.rowsPerSecond)} rows/s${left}  ${j.status}`;
    if (line !== last) {
      if (tty) process.stdout.write(`\r${line.padEnd(last.length)}`);
      else console.log(line);
      last = line;
    }
    if (['PREVIEWED', 'DONE', 'FAILED', 'CANCELLED'].includes(j.status)) {
      if (tty) process.stdout.write('\n');
      const what = j.status === 'PREVIEWED' ? 'would be ' : '';
      console.log(
        `${j.status}: ${n(j.rowsRead)} rows read, ${n(j.created)} ${what}created, ${n(j.updated)} ${what}updated, ${n(j.unchanged)} unchanged, ${n(j.failed)} failed.`,
      );
      if (j.warningCount > 0) console.log(`Warnings: ${n(j.warningCount)} (about rows written, or that would be).`);
      if (j.fileError) console.log(j.fileError);
      if (j.failed > 0 || j.fileError) {
        const errors = await app.services.imports.errors(row.id, { first: 20 });
        for (const e of errors) console.log(`  row ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
        const out = `${file}.failed.csv`;
        const stream = createWriteStream(out);
        await app.services.imports.writeFailedRows(row, stream, 'en', null); // the command line: everything
        await new Promise<void>((ok) => stream.on('close', () => ok()));
        console.log(`Failed rows, with an errors column: ${out}`);
      }
      if (j.warningCount > 0) {
        const out = `${file}.warnings.csv`;
        const stream = createWriteStream(out);
        await app.services.imports.writeWarnings(row, stream, 'en', null);
        await new Promise<void>((ok) => stream.on('close', () => ok()));
        console.log(`Warnings (row, column, code, message): ${out}`);
      }
      await app.stop();
      await db.close();
      process.exit(j.status === 'FAILED' ? 1 : 0);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err), 1));
