/**
 * RFC 4180 CSV text, written by hand (a few lines; no dependency): fields
 * separated by commas, records by CRLF; a field holding a comma, a quote, a
 * CR or LF, or spaces at either end is quoted, its quotes doubled. The BOM
 * makes spreadsheet programs read the file as UTF-8.
 */
export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/u;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
