import { escapeFormula } from './spreadsheet-formulas.js';

/**
 * RFC 4180 CSV text, written by hand (a few lines; no dependency): fields
 * separated by commas, records by CRLF; a field holding a comma, a quote, a
 * CR or LF, or spaces at either end is quoted, its quotes doubled. A value a
 * spreadsheet would read as a formula gets a leading `'` first
 * (spreadsheet-formulas.ts; the import takes it off). The BOM makes
 * spreadsheet programs read the file as UTF-8. Used by the users export and
 * the import's failed rows (with the uploaded file's delimiter: a semicolon
 * or a tab is then what quotes a field, besides quotes and line breaks).
 */
export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/u;

export function csvField(value: string, delimiter: ',' | ';' | '\t' = ','): string {
  const cell = escapeFormula(value);
  const quote = NEEDS_QUOTES.test(cell) || (delimiter !== ',' && cell.includes(delimiter));
  return quote ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvRecord(values: readonly string[]): string {
  return `${values.map((v) => csvField(v)).join(',')}\r\n`;
}
