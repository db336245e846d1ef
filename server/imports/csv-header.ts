/**
 * The header row of an imported CSV file: which columns it has, checked
 * against the columns the caller allows before any row is read. Pure.
 *
 * Names are trimmed and compared in any letter case ("E-mail" is not
 * "email", but " EMAIL " is). Every problem is listed at once, each naming
 * the column as the header spells it and its position (1 = column A):
 * - UNKNOWN_COLUMN: not an allowed column (a custom field that does not
 *   exist or is inactive counts as unknown: nothing is silently dropped);
 *   its message names the column probably meant, when there is one: a custom
 *   field's own column for its bare key ("plan": "custom_fields.plan"), else
 *   a column one or two edits away ("e-mail", "timezone", "external id");
 * - EMPTY_COLUMN: a header cell with nothing in it;
 * - DOUBLED_COLUMN: the same column twice, in any letter case.
 * One column is read past rather than refused: `errors`, exactly as the
 * failed-rows file adds it (FAILED_ROWS_ERRORS_COLUMN), so that file, fixed,
 * imports again; its position holds '' in `columns`, like no column at all.
 */
import { msg, type Message } from '../i18n/message.js';
import { damerauLevenshtein } from '../search/edit-distance.js';
import { CUSTOM_FIELD_PREFIX } from './user-columns.js';

export interface CsvHeader {
  /** The allowed (canonical, lower-case) name of each column, in file order. */
  columns: string[];
  /** Each column as the header spells it (trimmed), by canonical name: for messages. */
  spelled: Record<string, string>;
}

/** The column the failed-rows file adds after the file's own (import-jobs.service.ts writeFailedRows). */
export const FAILED_ROWS_ERRORS_COLUMN = 'errors';

export type HeaderProblemCode = 'UNKNOWN_COLUMN' | 'EMPTY_COLUMN' | 'DOUBLED_COLUMN';

export interface HeaderProblem {
  code: HeaderProblemCode;
  /** As the header spells it (trimmed); empty for an empty column. */
  column: string;
  /** 1-based position: 1 is the spreadsheet's column A. */
  position: number;
  /** In English. */
  message: string;
  /** The same, from the catalog: rendered in the reader's language. */
  text: Message;
}

/** A spreadsheet's column letters for a 1-based position: 1 -> A, 27 -> AA. */
export function columnLetters(position: number): string {
  let n = position;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const quoted = (s: string): string => `"${[...s].length > 60 ? `${[...s].slice(0, 60).join('')}…` : s}"`;

export function checkHeader(cells: readonly string[], allowed: readonly string[]): { header: CsvHeader; problems: HeaderProblem[] } {
  const canonical = new Map(allowed.map((c) => [c.toLowerCase(), c]));
  // The columns the header has already: never suggested for another (that would make it a doubled column).
  const present = new Set(cells.map((c) => canonical.get(c.trim().toLowerCase())).filter((c) => c !== undefined));
  const columns: string[] = [];
  const spelled: Record<string, string> = {};
  const problems: HeaderProblem[] = [];
  let errorsColumnSeen = false;
  const problem = (code: HeaderProblemCode, column: string, i: number, text: Message): HeaderProblem => ({
    code,
    column,
    position: i + 1,
    message: String(text),
    text,
  });
  cells.forEach((cell, i) => {
    const name = cell.trim();
    if (name === '') {
      problems.push(problem('EMPTY_COLUMN', '', i, msg('imports.headerEmpty', { letters: columnLetters(i + 1) })));
      columns.push('');
      return;
    }
    const column = canonical.get(name.toLowerCase());
    if (!column && name === FAILED_ROWS_ERRORS_COLUMN && !errorsColumnSeen) {
      // The failed-rows file's messages: not data, read past.
      errorsColumnSeen = true;
      columns.push('');
      return;
    }
    if (!column) {
      const letters = columnLetters(i + 1);
      const separated = /[;\t]/.test(name);
      const meant = separated ? null : probablyMeant(name.toLowerCase(), canonical, present);
      const text = meant
        ? msg('imports.unknownColumnDidYouMean', { name: quoted(name), letters, suggestion: quoted(meant) })
        : msg(separated ? 'imports.unknownColumnSeparator' : 'imports.unknownColumn', { name: quoted(name), letters });
      problems.push(problem('UNKNOWN_COLUMN', name, i, text));
      columns.push('');
      return;
    }
    if (column in spelled) {
      const text = msg('imports.doubledColumn', { name: quoted(name), letters: columnLetters(i + 1), first: quoted(spelled[column]) });
      problems.push(problem('DOUBLED_COLUMN', name, i, text));
      columns.push('');
      return;
    }
    spelled[column] = name;
    columns.push(column);
  });
  return { header: { columns, spelled }, problems };
}

/** The allowed column an unknown name probably meant (lower case in, as allowed spells it out), or null. */
function probablyMeant(name: string, canonical: ReadonlyMap<string, string>, present: ReadonlySet<string>): string | null {
  const max = [...name].length >= 8 ? 2 : [...name].length >= 4 ? 1 : 0;
  let best: { column: string; d: number } | null = null;
  for (const [lower, column] of canonical) {
    if (present.has(column)) continue;
    // A custom field's column is also known by its bare key ("plan" for "custom_fields.plan").
    const bare = lower.startsWith(CUSTOM_FIELD_PREFIX) ? lower.slice(CUSTOM_FIELD_PREFIX.length) : null;
    const d = Math.min(damerauLevenshtein(name, lower, max), bare === null ? Infinity : damerauLevenshtein(name, bare, max));
    if (d <= max && (!best || d < best.d)) best = { column, d };
  }
  return best?.column ?? null;
}
