import { RE2JS } from 're2js';
import { UserInputError } from '../graphql/errors.js';
import { checkedText } from '../users/profile-rules.js';
import { fitKey, quoteInput } from '../text/text-rules.js';
import { UserFieldType, type UserField, type UserFieldOption } from './user-field.types.js';
import { msg, type Message, type Text } from '../i18n/message.js';
import { CONTROL } from '../text/text-rules.js';

/**
 * The rules of custom user fields, pure and without I/O: titles, options,
 * patterns, and the value rules of every type (the key rules are in
 * field-key-rules.ts). A value rule takes what a client sent (text as in a
 * CSV cell, or a list for MULTISELECT) and returns the stored form, or throws
 * BAD_USER_INPUT naming the field key.
 */

export const FIELD_LIMITS = {
  key: 64,
  title: 255,
  description: 65_536,
  patternHint: 1_000,
  pattern: 255,
  /** RE2 program size (instructions); bounds the cost of one match to about a quarter second for the longest value. */
  patternProgram: 2_000,
  options: 2_000,
  optionTitle: 255,
  optionValue: 255,
  text: 65_536,
  integerDigits: 12,
  decimalDigits: 12,
  decimalFraction: 6,
  /** Raw text of a number, date, checkbox or id before it is read. */
  shortValue: 64,
} as const;

const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** Length in characters (code points), so an emoji counts as one. */
export function length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const KEY_PLAIN = 190;
/**
 * The comparison key of a text: NFC, lower case. Up to 190 characters it is
 * the text itself; a longer one keeps its first 120 characters and a SHA-256
 * of the whole, so an index (VARCHAR(191), utf8mb4_bin) can still answer an
 * equality search on a value of 65,536 characters.
 */
export function comparisonKey(text: string): string {
  return fitKey(text.normalize('NFC').toLowerCase(), KEY_PLAIN, 120);
}

// ---------------------------------------------------------------- definitions

/** One line of text (a value); `name` for what names a field or an option (needs a visible character). */
const line = (field: string, label: Text, value: string, max: number, kind: 'line' | 'name' = 'line'): string =>
  checkedText(field, label, value, max, kind);

const text = (field: string, label: string, value: string, max: number): string => checkedText(field, label, value, max, 'multiline');

export function normalizeTitle(value: string | null | undefined): string {
  const v = value === null || value === undefined ? '' : line('title', 'The title', value, FIELD_LIMITS.title, 'name');
  if (v === '') throw new UserInputError('title', msg('fields.titleRequired'));
  return v;
}

export function normalizeDescription(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = text('description', 'The description', value, FIELD_LIMITS.description);
  return v === '' ? null : v;
}

export function normalizePatternHint(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = line('patternHint', 'The pattern hint', value, FIELD_LIMITS.patternHint);
  return v === '' ? null : v;
}

const compiled = new Map<string, RE2JS>();

/**
 * An admin's pattern, compiled by RE2 (re2js): matching takes time linear in
 * the value, whatever the pattern, so no pattern can hang the server. RE2
 * refuses what would need backtracking (backreferences, lookarounds) as a
 * syntax error; a pattern whose program is very large is refused too, which
 * bounds the constant factor (see FIELD_LIMITS.patternProgram).
 */
export function compilePattern(pattern: string): RE2JS {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  if (pattern.trim() === '') throw new UserInputError('pattern', msg('fields.rEGEXPFieldNeedsPattern'));
  if (length(pattern) > FIELD_LIMITS.pattern)
    throw new UserInputError('pattern', msg('fields.patternAtMostCharacters', { pattern: FIELD_LIMITS.pattern }));
  if (CONTROL_OR_BREAK.test(pattern)) {
    throw new UserInputError('pattern', msg('fields.patternContainLineBreaks'));
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : 'it cannot be read';
    throw new UserInputError('pattern', msg('fields.patternNotValidRe2', { reason }));
  }
  if (re.programSize() > FIELD_LIMITS.patternProgram) {
    throw new UserInputError('pattern', msg('fields.patternTooComplexLarge'));
  }
  if (compiled.size >= 500) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

export interface NormalizedOption {
  title: string;
  value: string;
  valueKey: string;
  titleKey: string;
}

/** The choices of a DROPDOWN or MULTISELECT: 1 to 2,000, values and titles unique ignoring letter case. */
export function normalizeOptions(options: readonly { title: string; value: string }[] | null | undefined): NormalizedOption[] {
  if (!options || options.length === 0) throw new UserInputError('options', msg('fields.dropDownMultiSelect'));
  if (options.length > FIELD_LIMITS.options) {
    throw new UserInputError('options', msg('fields.fieldHaveAtMost', { options: FIELD_LIMITS.options }));
  }
  const out: NormalizedOption[] = [];
  const values = new Set<string>();
  const titles = new Set<string>();
  options.forEach((o, i) => {
    const n = i + 1;
    const title = line('options', msg('labels.optionTitle', { n }), String(o.title ?? ''), FIELD_LIMITS.optionTitle, 'name');
    const value = line('options', msg('labels.optionValue', { n }), String(o.value ?? ''), FIELD_LIMITS.optionValue, 'name');
    if (title === '') throw new UserInputError('options', msg('fields.optionNeedsTitle', { n }));
    if (value === '') throw new UserInputError('options', msg('fields.optionNeedsValue', { n }));
    if (/[,;]/.test(value)) {
      throw new UserInputError('options', msg('fields.valueContainCommaSemicolon', { value: quoteInput(value) }));
    }
    const valueKey = comparisonKey(value);
    const titleKey = comparisonKey(title);
    if (values.has(valueKey)) throw new UserInputError('options', msg('fields.twoOptionsHaveValue', { value: quoteInput(value) }));
    if (titles.has(titleKey)) throw new UserInputError('options', msg('fields.twoOptionsHaveTitle', { title: quoteInput(title) }));
    values.add(valueKey);
    titles.add(titleKey);
    out.push({ title, value, valueKey, titleKey });
  });
  return out;
}

// ---------------------------------------------------------------- values

/** One stored row of a value: its text and its comparison key. A MULTISELECT has one per chosen option. */
export interface StoredValue {
  value: string;
  key: string;
}

export interface RawFieldValue {
  value?: string | null;
  values?: readonly string[] | null;
}

/** Nothing but spaces, tabs and line breaks: a control character (text-rules' CONTROL: String.trim drops VT, FF, U+2028 and U+2029 too) is never blank, so the type's rule refuses it rather than clearing with it. */
const blankText = (v: string): boolean => v.trim() === '' && !CONTROL.test(v);

const isBlank = (raw: RawFieldValue): boolean =>
  (raw.value === null || raw.value === undefined || blankText(raw.value)) &&
  (raw.values === null || raw.values === undefined || raw.values.every((v) => typeof v === 'string' && blankText(v)));

function fail(field: UserField, message: Message): never {
  throw new UserInputError(field.key, msg('fields.fieldProblem', { title: field.title, message }));
}

function shortText(field: UserField, value: string): string {
  if (value.length > FIELD_LIMITS.shortValue || CONTROL_OR_BREAK.test(value))
    fail(field, msg('fieldValues.notValidValue', { value: quoteInput(value, 40) }));
  return value.trim();
}

const stored = (value: string): StoredValue[] => [{ value, key: comparisonKey(value) }];

const CHECKBOX: Record<string, string> = { true: 'true', false: 'false', '1': 'true', '0': 'false', yes: 'true', no: 'false' };

function checkbox(field: UserField, raw: string): string {
  const v = CHECKBOX[shortText(field, raw).toLowerCase()];
  if (!v) fail(field, msg('fieldValues.useTrueFalse1'));
  return v;
}

/** Whether YYYY-MM-DD text names a day of the calendar (years 0001 to 9999): 2020-02-29 does, 2020-02-30 does not. */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function date(field: UserField, raw: string): string {
  const v = shortText(field, raw);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(field, msg('fieldValues.notDateInForm', { v }));
  if (!isCalendarDate(v)) fail(field, msg('fieldValues.notCalendarDate', { v }));
  return v;
}

/** Digits without leading zeros ("0" for zero). */
const significant = (digits: string): string => digits.replace(/^0+(?=\d)/, '');

function integer(field: UserField, raw: string): string {
  const v = shortText(field, raw);
  const m = /^([+-]?)(\d+)$/.exec(v);
  if (!m) fail(field, msg('fieldValues.notWholeNumberDigits', { v }));
  const digits = significant(m[2]);
  if (digits.length > FIELD_LIMITS.integerDigits) fail(field, msg('fieldValues.wholeNumberHaveAt', { integerDigits: FIELD_LIMITS.integerDigits }));
  return m[1] === '-' && digits !== '0' ? `-${digits}` : digits;
}

function decimal(field: UserField, raw: string): string {
  const v = shortText(field, raw);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(v);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    fail(field, msg('fieldValues.notDecimalNumberDigits', { v }));
  }
  const whole = significant(m[2] === '' ? '0' : m[2]);
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (whole.length > FIELD_LIMITS.decimalDigits) fail(field, msg('fieldValues.decimalNumberHaveAt', { decimalDigits: FIELD_LIMITS.decimalDigits }));
  if (fraction.length > FIELD_LIMITS.decimalFraction)
    fail(field, msg('fieldValues.decimalNumberHaveAt2', { decimalFraction: FIELD_LIMITS.decimalFraction }));
  const abs = fraction ? `${whole}.${fraction}` : whole;
  return m[1] === '-' && abs !== '0' ? `-${abs}` : abs;
}

/** The option a text names, by value first, then by title; letter case ignored. */
export function findOption(field: UserField, text: string): UserFieldOption | undefined {
  const key = comparisonKey(text);
  return field.options.find((o) => o.valueKey === key) ?? field.options.find((o) => o.titleKey === key);
}

function optionOrFail(field: UserField, raw: string): UserFieldOption {
  const v = raw.trim();
  const o = length(v) <= FIELD_LIMITS.optionTitle ? findOption(field, v) : undefined;
  if (o) return o;
  const some = field.options
    .slice(0, 10)
    .map((x) => x.value)
    .join(', ');
  fail(field, msg('fieldValues.notOneOptions', { v: quoteInput(v), some, value: field.options.length > 10 ? ', …' : '' }));
}

function lookup(field: UserField, raw: string): string {
  const v = shortText(field, raw);
  if (!/^\d{1,15}$/.test(v))
    fail(field, field.lookupTarget === 'ORGANIZATION' ? msg('fieldValues.notOrganizationId', { v }) : msg('fieldValues.notUserId', { v }));
  return String(Number(v));
}

function regexp(field: UserField, raw: string): string {
  const v = line(field.key, field.title, raw, FIELD_LIMITS.text);
  if (v === '') return v;
  if (!compilePattern(field.pattern ?? '').matches(v)) {
    fail(
      field,
      field.patternHint
        ? msg('fieldValues.notExpectedForm', { hint: field.patternHint })
        : msg('fieldValues.mustMatchPattern', { pattern: String(field.pattern) }),
    );
  }
  return v;
}

/**
 * The stored rows of one value: [] clears. LOOKUP ids come back unchecked;
 * the caller checks that they exist (that needs the database).
 */
export function parseFieldValue(field: UserField, raw: RawFieldValue): StoredValue[] {
  if (raw.value !== null && raw.value !== undefined && typeof raw.value !== 'string') fail(field, msg('fieldValues.valueMustText'));
  if (raw.values !== null && raw.values !== undefined && (!Array.isArray(raw.values) || raw.values.some((v) => typeof v !== 'string'))) {
    fail(field, msg('fieldValues.valuesMustListTexts'));
  }
  if (raw.values !== null && raw.values !== undefined) {
    if (field.type !== UserFieldType.MULTISELECT) fail(field, msg('fieldValues.fieldTakesOneValue'));
    if (raw.value !== null && raw.value !== undefined) fail(field, msg('fieldValues.giveEitherValueValues'));
  }
  if (isBlank(raw)) return [];
  const value = raw.value ?? '';
  switch (field.type) {
    case UserFieldType.TEXT:
      return stored(line(field.key, field.title, value, FIELD_LIMITS.text));
    case UserFieldType.MULTILINE:
      return stored(text(field.key, field.title, value, FIELD_LIMITS.text));
    case UserFieldType.REGEXP:
      return stored(regexp(field, value));
    case UserFieldType.CHECKBOX:
      return stored(checkbox(field, value));
    case UserFieldType.DATE:
      return stored(date(field, value));
    case UserFieldType.INTEGER:
      return stored(integer(field, value));
    case UserFieldType.DECIMAL:
      return stored(decimal(field, value));
    case UserFieldType.LOOKUP:
      return stored(lookup(field, value));
    case UserFieldType.DROPDOWN: {
      const o = optionOrFail(field, value);
      return [{ value: o.value, key: o.valueKey }];
    }
    case UserFieldType.MULTISELECT: {
      // A CSV cell lists choices separated by commas or semicolons; a whole cell
      // that names one option (a title may contain a comma) is that option.
      const whole = raw.values ? undefined : findOption(field, value.trim());
      const items = raw.values ?? (whole ? [value] : value.split(/[,;]/));
      const chosen = new Map<number, UserFieldOption>();
      for (const item of items) {
        if (typeof item !== 'string' || blankText(item)) continue;
        const o = optionOrFail(field, item);
        chosen.set(o.id, o);
      }
      return [...chosen.values()].sort((a, b) => a.position - b.position).map((o) => ({ value: o.value, key: o.valueKey }));
    }
  }
}
