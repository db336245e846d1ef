/** The largest id a column holds: every primary key is a signed 32-bit INT (MySQL's INT, SQLite's integer within it). */
export const MAX_ID = 2_147_483_647;

/** The canonical decimal the server writes: no sign, no leading zero, no space, no other digits than 0–9. */
const CANONICAL = /^(?:0|[1-9][0-9]{0,9})$/;

/**
 * The one decoder of ids sent to the server (GraphQL `ID` arguments and input fields, ids in URLs and in
 * custom field values): the number a canonical id within the columns' range names, else null. Null names
 * nothing, and every caller answers it as it answers an id that does not exist (a read: null or an empty
 * list; a change: NOT_FOUND; a reference inside an input: that input's "there is no … with id …"), so
 * `"02"`, `" 2"`, `"+2"`, `"-1"`, `"2.0"`, `"٢"` or `"2147483648"` never reach a row, and never a
 * different one than the id the server itself wrote.
 */
export function parseId(id: string): number | null {
  if (!CANONICAL.test(id)) return null;
  const n = Number(id);
  return n <= MAX_ID ? n : null;
}
