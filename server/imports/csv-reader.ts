import { once } from 'node:events';
import { CsvError, parse } from 'csv-parse';
import { checkHeader, type CsvHeader, type HeaderProblem } from './csv-header.js';
import { detectDelimiter, headerEnd, type CsvDelimiter } from './csv-delimiter.js';
import { CsvTextDecoder, type CsvEncoding, type DecodeProblem } from './csv-text-decoder.js';
import { msg, type Message } from '../i18n/message.js';
import { unescapeFormula } from '../exports/spreadsheet-formulas.js';

/**
 * A streaming reader of an imported users CSV file (issue 11) over
 * csv-parse's stream API. No database; memory stays flat whatever the file's
 * size: one chunk of bytes and a few records at a time, and the source is
 * read only as fast as the caller consumes rows (backpressure).
 *
 * `readCsv(source, { columns })` yields, in order:
 * 1. `{ kind: 'header', header }` once, after the header row passed its check
 *    (csv-header.ts). A header with any unknown, empty or doubled column
 *    throws CsvFileError BAD_HEADER listing every problem, before any row;
 *    empty cells at its end are no columns (a spreadsheet's formatted but
 *    unused columns), so a row with something in them is a RAGGED_ROW.
 * 2. For each following row, `{ kind: 'row', line, cells }` (cells by
 *    canonical column name, as written: not trimmed, except that a cell
 *    written as `'=…`, `'+…`, `'-…`, `'@…`, `'` TAB or `'` CR loses that
 *    leading `'`, the one the export and the failed rows add against formula
 *    injection: ../exports/spreadsheet-formulas.ts), or
 *    `{ kind: 'error', line, code: 'RAGGED_ROW', message }` when the row has
 *    fewer cells than the header, or more with something in the extra ones
 *    (extra cells that are all empty, as some spreadsheets write, are fine).
 *    Rows that are empty or only blank cells are skipped.
 *
 * `line` is the row as a spreadsheet shows it: the header is row 1, a line
 * break inside quotes stays in its row, an empty line is a row.
 *
 * RFC 4180, with the field delimiter found from the header row (comma,
 * semicolon or tab: csv-delimiter.ts) unless the caller gives one, or the
 * file's first line names it as Excel writes it (`sep=;`: that line is no
 * row, the header after it is row 1); the header item says which. Fields in double quotes may hold commas, line
 * breaks and doubled quotes (""). A quote inside an unquoted field is kept as
 * a character (x"y), as spreadsheets read it. Line ends: \n, \r\n or \r.
 *
 * File-level failures throw CsvFileError (the import stops; rows already
 * yielded were good, but the caller should treat the file as refused):
 * EMPTY_FILE, NOT_UTF8, NOT_UTF16 and BINARY (naming the row of the first bad
 * byte; see csv-text-decoder.ts, which also reads UTF-16 files), MALFORMED (a quote opened and never closed),
 * RECORD_TOO_LARGE (a row over `maxRowChars`, default 1,000,000 characters:
 * usually a quote left open), BAD_HEADER.
 */

export interface CsvReaderOptions {
  /** The allowed columns (see user-columns.ts), in lower case. */
  columns: readonly string[];
  /** What the caller declared the file to be; UTF-8 unless said otherwise. */
  encoding?: CsvEncoding;
  /** The longest row accepted, in characters. */
  maxRowChars?: number;
  /** The field delimiter; found from the header row when not given. */
  delimiter?: CsvDelimiter;
}

export type CsvItem =
  | { kind: 'header'; header: CsvHeader; delimiter: CsvDelimiter }
  | { kind: 'row'; line: number; cells: Record<string, string> }
  | { kind: 'error'; line: number; code: 'RAGGED_ROW'; message: string; text: Message };

export type CsvFileErrorCode = 'EMPTY_FILE' | 'NOT_UTF8' | 'NOT_UTF16' | 'BINARY' | 'MALFORMED' | 'RECORD_TOO_LARGE' | 'BAD_HEADER';

export class CsvFileError extends Error {
  constructor(
    readonly code: CsvFileErrorCode,
    /** What is wrong, from the catalog (the error's `message` is its English text). */
    readonly text: Message,
    /** The row the problem is in, as a spreadsheet numbers rows; null for the whole file. */
    readonly line: number | null,
    /** For BAD_HEADER: every problem of the header. */
    readonly problems: HeaderProblem[] = [],
  ) {
    super(String(text));
    this.name = 'CsvFileError';
  }
}

export const DEFAULT_MAX_ROW_CHARS = 1_000_000;

/** Written after the last good text when a bad byte stops the decoding: the record holding it is the bad byte's row. No decoded text holds a NUL. */
const SENTINEL = '\u0000';

/** Excel's first line naming the delimiter: `sep=;`, `sep=,` or `sep=` TAB. */
const SEP_LINE = /^sep=([,;\t])(?:\r\n|\n|\r|$)/i;

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

function decodeError(problem: DecodeProblem, line: number): CsvFileError {
  if (problem.kind === 'BINARY') {
    return new CsvFileError('BINARY', msg('imports.binaryFile', { line: String(line), byte: hex(problem.byte) }), line);
  }
  if (problem.kind === 'NOT_UTF16') {
    return new CsvFileError('NOT_UTF16', msg('imports.notUtf16', { line: String(line), unit: hex(problem.byte) }), line);
  }
  return new CsvFileError('NOT_UTF8', msg('imports.notUtf8', { line: String(line), byte: hex(problem.byte) }), line);
}

function parseError(err: CsvError, maxRowChars: number): CsvFileError {
  const line = Number((err as unknown as { records?: number }).records ?? 0) + 1;
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return new CsvFileError('RECORD_TOO_LARGE', msg('imports.rowTooLong', { line: String(line), max: maxRowChars }), line);
  }
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return new CsvFileError('MALFORMED', msg('imports.quoteNotClosed', { line: String(line) }), line);
  return new CsvFileError('MALFORMED', msg('imports.notCsv', { line: String(line), detail: err.message }), line);
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Read a CSV byte stream into checked rows (see above). */
export async function* readCsv(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: CsvReaderOptions,
): AsyncGenerator<CsvItem, void, undefined> {
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
  // Every record comes out, empty lines included ([""]), so counting them gives
  // the spreadsheet's row number (csv-parse's on_record context would too, at
  // a fifth of the reading time).
  const decoder = new CsvTextDecoder(options.encoding ?? 'utf-8');
  const stop = new AbortController();
  let problem: DecodeProblem | null = null;

  // The header row is read first (as far as its line break outside quotes, the file's end, a bad byte or the longest
  // row), to find the delimiter; the parser then reads that text again, and the rest.
  const chunks = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()) as
    AsyncIterator<Uint8Array | string> | Iterator<Uint8Array | string>;
  let head = '';
  let ended = false;
  let named: CsvDelimiter | undefined;
  // The first line is read whole (a \r at the end of what was read may be the start of a \r\n).
  const lineRead = () => {
    const end = headerEnd(head);
    return end >= 0 && !(end === head.length - 1 && head.endsWith('\r'));
  };
  try {
    for (;;) {
      while (!ended && !lineRead() && head.length <= maxRowChars) {
        const next = await chunks.next();
        if (next.done) {
          const rest = decoder.end();
          problem = rest.problem;
          head += rest.text + (problem ? SENTINEL : '');
          ended = true;
          break;
        }
        const decoded = decoder.decode(next.value);
        head += decoded.text;
        if (decoded.problem) {
          problem = decoded.problem;
          head += SENTINEL;
          ended = true;
        }
      }
      // Excel's `sep=;` first line names the delimiter and is no row (Excel does not show it): the header stays row 1.
      const sep = named === undefined ? SEP_LINE.exec(head) : null;
      if (!sep) break;
      named = sep[1] as CsvDelimiter;
      head = head.slice(sep[0].length);
    }
  } catch (err) {
    await chunks.return?.();
    throw err;
  }
  const delimiter = options.delimiter ?? named ?? detectDelimiter(head.replace(SENTINEL, ''), options.columns);
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: maxRowChars });

  const pump = async () => {
    try {
      if (ended) {
        await chunks.return?.();
        parser.end(head);
        return;
      }
      if (head !== '' && !parser.write(head)) await once(parser, 'drain', { signal: stop.signal });
      for await (const chunk of { [Symbol.asyncIterator]: () => chunks as AsyncIterator<Uint8Array | string> }) {
        const decoded = decoder.decode(chunk);
        if (decoded.problem) {
          problem = decoded.problem;
          parser.end(decoded.text + SENTINEL);
          return;
        }
        if (decoded.text !== '' && !parser.write(decoded.text)) await once(parser, 'drain', { signal: stop.signal });
      }
      const rest = decoder.end();
      problem = rest.problem;
      parser.end(rest.text + (problem ? SENTINEL : ''));
    } catch (err) {
      await chunks.return?.(); // the source is released whether the pump stopped in its loop or before
      if (!stop.signal.aborted) parser.destroy(err as Error);
    }
  };
  const pumping = pump();

  let header: CsvHeader | null = null;
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (problem && record.some((cell) => cell.includes(SENTINEL))) throw decodeError(problem, line);
      if (!header) {
        if (isBlank(record)) throw new CsvFileError('BAD_HEADER', msg('imports.row1Empty'), 1);
        // Empty cells at its end (columns a spreadsheet once formatted) are no columns: a row's cells there must be empty.
        let named = record.length;
        while (record[named - 1].trim() === '') named--;
        const checked = checkHeader(record.slice(0, named), options.columns);
        if (checked.problems.length > 0) {
          const list = checked.problems.map((p) => p.text).reduceRight((then, first) => msg('imports.twoSentences', { first, then }));
          throw new CsvFileError('BAD_HEADER', msg('imports.headerProblems', { count: checked.problems.length, list }), 1, checked.problems);
        }
        header = checked.header;
        yield { kind: 'header', header, delimiter };
        continue;
      }
      if (isBlank(record)) continue;
      const width = header.columns.length;
      if (record.length < width || (record.length > width && !isBlank(record.slice(width)))) {
        const text = msg('imports.raggedRow', { line: String(line), cells: record.length, columns: String(width) });
        yield { kind: 'error', line, code: 'RAGGED_ROW', message: String(text), text };
        continue;
      }
      const cells: Record<string, string> = {};
      header.columns.forEach((column, i) => {
        // '' is a column read past (the failed-rows file's `errors`).
        if (column !== '') cells[column] = unescapeFormula(record[i]);
      });
      yield { kind: 'row', line, cells };
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const failure = parseError(err, maxRowChars);
      throw problem && failure.line !== null ? decodeError(problem, failure.line) : failure;
    }
    throw err;
  } finally {
    stop.abort();
    parser.destroy();
    await pumping;
  }
  if (!header) {
    if (problem) throw decodeError(problem, 1);
    throw new CsvFileError('EMPTY_FILE', msg('imports.fileEmpty'), null);
  }
}
