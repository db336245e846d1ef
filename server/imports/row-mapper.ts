import type { CsvHeader } from './csv-header.js';
import { msg, type Message } from '../i18n/message.js';
import { CUSTOM_FIELD_PREFIX } from './user-columns.js';

/**
 * One row of an imported users CSV file (csv-reader.ts) -> the plain input
 * the user service takes to create or update a user (issue 11). Pure.
 *
 * The mapper only reads the cells' format: it splits lists and reads roles
 * and yes/no cells. Whether a name, an address, a phone number, a time zone
 * or a custom field value is acceptable is the user service's rule, checked
 * there and only there, so there is no second copy of validation.
 *
 * Cells are trimmed. A column missing from the file leaves its field out.
 * - name -> name.
 * - email, emails -> emails: every address in the row, the `email` cell's
 *   first, then the `emails` cell's; several in one cell are separated by
 *   `|`; a repeat (in any letter case) is kept once.
 * - phone, phones -> phones, the same way.
 * - role: `end-user`, `agent`, `admin` as Zendesk's files write them, or the
 *   enum names END_USER, AGENT, ADMIN, in any case (also `end user`,
 *   `end_user`). Anything else is a cell error.
 * - tags: separated by spaces or commas.
 * - verified, suspended: true/false, yes/no, 1/0, and the French
 *   vrai/faux, oui/non (Excel in French writes VRAI and FAUX), any case.
 *   Anything else is a cell error.
 * - organization, time_zone, locale, alias, details, notes, external_id ->
 *   organization, timeZone, locale, alias, details, notes, externalId.
 * - custom_fields.<key> -> fields: [{ key, value }]; in a file separated by
 *   semicolons, "12,5" in a DECIMAL field is 12.5 (`decimalComma`).
 *
 * Blank cells (`blankCells`): 'leave' (the default) leaves the field out, so
 * an update keeps what the user has. 'clear' sets it to null (tags and
 * phones to [], a custom field to { key, value: null }). Whatever the
 * option, a blank name, email(s), role, verified or suspended cell is left
 * out: an account cannot be without a name or an address, an import does not
 * remove addresses, and a role or a flag has no "empty" value.
 */

export type RoleName = 'END_USER' | 'AGENT' | 'ADMIN';
export type BlankCells = 'leave' | 'clear';

export interface ImportedUser {
  name?: string;
  emails?: string[];
  phones?: string[];
  role?: RoleName;
  organization?: string | null;
  tags?: string[];
  timeZone?: string | null;
  locale?: string | null;
  externalId?: string | null;
  alias?: string | null;
  details?: string | null;
  notes?: string | null;
  verified?: boolean;
  suspended?: boolean;
  fields?: { key: string; value: string | null }[];
}

export interface CellError {
  line: number;
  /** The column as the file's header spells it. */
  column: string;
  code: 'INVALID_ROLE' | 'INVALID_BOOLEAN';
  /** In English. */
  message: string;
  /** The same, from the catalog: rendered in the reader's language. */
  text: Message;
}

export interface MappedRow {
  line: number;
  user: ImportedUser;
  errors: CellError[];
}

export interface RowMapperOptions {
  blankCells?: BlankCells;
  /**
   * The keys of the DECIMAL custom fields whose cells may write the decimal
   * separator as a comma ("12,5"): given for a file separated by semicolons,
   * as Excel writes CSV where the comma is the decimal separator (French,
   * German…). A cell of digits with one comma is then read with a point;
   * anything else goes to the user service as it is.
   */
  decimalComma?: ReadonlySet<string>;
}

const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/** Roles by their lower-case spellings (a Map: a cell such as "constructor" must not find Object's own members). */
const ROLES = new Map<string, RoleName>([
  ['end-user', 'END_USER'],
  ['end_user', 'END_USER'],
  ['end user', 'END_USER'],
  ['enduser', 'END_USER'],
  ['agent', 'AGENT'],
  ['admin', 'ADMIN'],
]);
const TRUE = new Set(['true', 'yes', '1', 'vrai', 'oui']);
const FALSE = new Set(['false', 'no', '0', 'faux', 'non']);

/** Plain text columns and the field each fills. */
const TEXT_COLUMNS = {
  organization: 'organization',
  time_zone: 'timeZone',
  locale: 'locale',
  alias: 'alias',
  details: 'details',
  notes: 'notes',
  external_id: 'externalId',
} as const;

/** The items of a `|`-separated cell, trimmed, without empty ones. */
export const splitList = (cell: string): string[] =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
/** Tags in a cell, separated by spaces or commas. */
export const splitTags = (cell: string): string[] => cell.split(/[\s,]+/u).filter((s) => s !== '');

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const shown = (cell: string): string => `"${[...cell].length > 40 ? `${[...cell].slice(0, 40).join('')}…` : cell}"`;

/** Map one row (see above). `header` is the one the reader yielded. */
export function mapRow(row: { line: number; cells: Record<string, string> }, header: CsvHeader, options: RowMapperOptions = {}): MappedRow {
  const clear = options.blankCells === 'clear';
  const user: ImportedUser = {};
  const errors: CellError[] = [];
  const has = (column: string) => Object.hasOwn(row.cells, column);
  const cell = (column: string) => (has(column) ? row.cells[column] : '').trim();
  const fail = (column: string, code: CellError['code'], text: Message) =>
    errors.push({ line: row.line, column: header.spelled[column] ?? column, code, message: String(text), text });

  if (cell('name') !== '') user.name = cell('name');

  const emails = uniqueIgnoringCase([...splitList(cell('email')), ...splitList(cell('emails'))]);
  if (emails.length > 0) user.emails = emails;

  if (has('phone') || has('phones')) {
    const phones = uniqueIgnoringCase([...splitList(cell('phone')), ...splitList(cell('phones'))]);
    if (phones.length > 0 || clear) user.phones = phones;
  }

  const role = cell('role');
  if (role !== '') {
    const known = ROLES.get(role.toLowerCase().replace(/\s+/gu, ' '));
    if (known) user.role = known;
    else fail('role', 'INVALID_ROLE', msg('imports.invalidRole', { value: shown(role) }));
  }

  for (const column of ['verified', 'suspended'] as const) {
    const value = cell(column).toLowerCase();
    if (value === '') continue;
    if (TRUE.has(value)) user[column] = true;
    else if (FALSE.has(value)) user[column] = false;
    else fail(column, 'INVALID_BOOLEAN', msg('imports.invalidBoolean', { value: shown(cell(column)) }));
  }

  if (has('tags')) {
    const tags = splitTags(cell('tags'));
    if (tags.length > 0 || clear) user.tags = tags;
  }

  for (const [column, field] of Object.entries(TEXT_COLUMNS) as [keyof typeof TEXT_COLUMNS, (typeof TEXT_COLUMNS)[keyof typeof TEXT_COLUMNS]][]) {
    if (!has(column)) continue;
    const value = cell(column);
    if (value !== '') user[field] = value;
    else if (clear) user[field] = null;
  }

  const fields: { key: string; value: string | null }[] = [];
  for (const column of header.columns) {
    if (!column.startsWith(CUSTOM_FIELD_PREFIX)) continue;
    const key = column.slice(CUSTOM_FIELD_PREFIX.length);
    const raw = cell(column);
    const value = options.decimalComma?.has(key) && DECIMAL_COMMA.test(raw) ? raw.replace(',', '.') : raw;
    if (value !== '') fields.push({ key, value });
    else if (clear) fields.push({ key, value: null });
  }
  if (fields.length > 0) user.fields = fields;

  return { line: row.line, user, errors };
}
