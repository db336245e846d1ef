import { FAILED_ROWS_ERRORS_COLUMN } from './csv-header.js';

/**
 * The field delimiter of an imported CSV file, found from its header row.
 * Pure. Excel writes "CSV" with commas in English, with semicolons where the
 * comma is the decimal separator (French and most of continental Europe), and
 * "Unicode text" (.tsv) with tabs. The header is split with each candidate,
 * outside double quotes; the one that splits it into only known column names
 * wins, else the one giving the most known names; ties (and a header of no
 * known name at all) go to the comma, so such a file is refused as before,
 * naming its unknown columns.
 */
export const CSV_DELIMITERS = { COMMA: ',', SEMICOLON: ';', TAB: '\t' } as const;
export type CsvDelimiterName = keyof typeof CSV_DELIMITERS;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[CsvDelimiterName];

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

export const delimiterName = (d: CsvDelimiter): CsvDelimiterName =>
  (Object.keys(CSV_DELIMITERS) as CsvDelimiterName[]).find((k) => CSV_DELIMITERS[k] === d)!;

/**
 * The cells of the first record of `text` split by `delimiter` (quotes taken off, `""` read as `"`); the record ends
 * at the first line break outside quotes, or with the text. A quote opened and never closed runs to the end.
 */
export function splitHeader(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') break;
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Where the first record of `text` ends (the index of its line break outside quotes), or -1 when it does not end in `text`. */
export function headerEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return i;
  }
  return -1;
}

/** The delimiter of a file whose text starts with `text` (at least its header row), given the allowed columns (lower case). */
export function detectDelimiter(text: string, columns: readonly string[]): CsvDelimiter {
  const known = new Set(columns.map((c) => c.toLowerCase()));
  let best: CsvDelimiter = ',';
  let bestKnown = 0;
  for (const d of CANDIDATES) {
    const names = splitHeader(text, d).map((c) => c.trim());
    const count = names.filter((n) => known.has(n.toLowerCase()) || n === FAILED_ROWS_ERRORS_COLUMN).length;
    if (count > 0 && count === names.length) return d;
    if (count > bestKnown) {
      best = d;
      bestKnown = count;
    }
  }
  return best;
}
