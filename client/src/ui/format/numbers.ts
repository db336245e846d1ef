// Numbers as people type and read them in the app's language: in French a
// decimal comma and (narrow) no-break spaces between thousands ("1 234,5"),
// in English a decimal point and commas ("1,234.5"). The server stays
// locale-free: it reads and answers plain decimal strings ("1234.5"). Parsing
// never goes through a float, so a value keeps every digit it was typed with.

/** Why a typed number was refused; each has a text under `format.number.<code>`. */
export type NumberProblem = 'invalid' | 'invalidInteger' | 'ambiguous' | 'notInteger';

export type ParsedNumber = { ok: true; value: string } | { ok: false; problem: NumberProblem };

/** Spaces people (and Intl) put between thousands: space, no-break, narrow no-break, thin. */
const SPACES = /[\s\u00a0\u202f\u2009]/gu;
const MINUS = /^[-\u2212]/u;

function localeBase(locale: string): string {
  return locale.split('-')[0]?.toLowerCase() ?? 'en';
}

/** Whether the locale writes a decimal comma (French) rather than a point (English). */
function usesDecimalComma(locale: string): boolean {
  const parts = new Intl.NumberFormat(localeBase(locale)).formatToParts(1.5);
  return parts.find((part) => part.type === 'decimal')?.value === ',';
}

/** Digits with optional thousands groups made of `separator` (groups of three after the first). */
function groupedDigits(text: string, separator: RegExp): string | null {
  if (/^\d+$/u.test(text)) return text;
  const groups = text.split(separator);
  if (groups.length < 2) return null;
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/u.test(first) || rest.some((group) => !/^\d{3}$/u.test(group))) return null;
  return groups.join('');
}

/**
 * A number as typed in `locale`, as the decimal string the server reads
 * ("-1234.5"), or why it cannot be one. '' (blank) is a value: nothing.
 *
 * French: "1 234,5", "1234,5", "-0,5". A point is refused as ambiguous ("1.234"
 * is a thousand to some, one and a bit to others). English: "1,234.5",
 * "1234.5", "1 234.5". A comma that does not separate thousands ("12,5") is
 * ambiguous.
 */
export function parseNumber(text: string, locale: string, options: { integer?: boolean } = {}): ParsedNumber {
  const parsed = parseDecimal(text, locale, options);
  // A whole number's example has no decimals ("12a" in an Integer field is not asked for "1,234.5").
  return !parsed.ok && parsed.problem === 'invalid' && options.integer ? { ok: false, problem: 'invalidInteger' } : parsed;
}

function parseDecimal(text: string, locale: string, options: { integer?: boolean }): ParsedNumber {
  let rest = text.trim();
  if (rest === '') return { ok: true, value: '' };
  let sign = '';
  if (MINUS.test(rest)) {
    sign = '-';
    rest = rest.slice(1).trimStart();
  } else if (rest.startsWith('+')) {
    rest = rest.slice(1).trimStart();
  }
  if (!/^[\d\s\u00a0\u202f\u2009.,]+$/u.test(rest) || !/\d/u.test(rest)) return { ok: false, problem: 'invalid' };

  const comma = usesDecimalComma(locale);
  const decimal = comma ? ',' : '.';
  const other = comma ? '.' : ',';
  let whole = rest;
  let fraction = '';
  const at = rest.lastIndexOf(decimal);
  if (at >= 0) {
    if (rest.indexOf(decimal) !== at) return { ok: false, problem: comma ? 'invalid' : 'ambiguous' };
    whole = rest.slice(0, at).trimEnd();
    fraction = rest.slice(at + 1);
    if (!/^\d+$/u.test(fraction)) return { ok: false, problem: 'invalid' };
  }
  // French: spaces between thousands; a point means nothing certain. English: commas or spaces.
  if (whole.includes(other) && comma) return { ok: false, problem: 'ambiguous' };
  const separator = comma ? SPACES : /,|[\s\u00a0\u202f\u2009]/u;
  const digits = whole === '' ? '0' : groupedDigits(whole, separator);
  if (digits === null) return { ok: false, problem: !comma && whole.includes(',') ? 'ambiguous' : 'invalid' };
  // As the server keeps it: no leading zeros, no trailing zeros after the point ("012,50" -> "12.5").
  const integerPart = digits.replace(/^0+(?=\d)/u, '');
  const fractionPart = fraction.replace(/0+$/u, '');
  if (options.integer && fractionPart !== '') return { ok: false, problem: 'notInteger' };
  const value = fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`;
  return { ok: true, value: value === '0' ? value : `${sign}${value}` };
}

/**
 * A number for people to read in `locale`: "1 234,5" in French, "1,234.5" in
 * English. Takes a number or the server's exact decimal string (every digit
 * after the point is kept); '' or null is ''. Text that is not a number is
 * returned as it is.
 */
export function formatNumber(value: number | string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '';
  const base = localeBase(locale);
  if (typeof value === 'number') return Number.isFinite(value) ? new Intl.NumberFormat(base).format(value) : String(value);
  const exact = value.trim();
  if (!/^[-+]?\d+(\.\d+)?$/u.test(exact)) return value;
  const digits = exact.split('.')[1]?.length ?? 0;
  const format = new Intl.NumberFormat(base, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // A decimal string is formatted exactly (no float in between): Intl.NumberFormat v3.
  return format.format(exact as unknown as number);
}

/** A number typed in one language as it is written in another ("1 234,5" in French -> "1,234.5" in English), or as it was. */
export function reformatNumber(text: string, from: string, to: string): string {
  const parsed = parseNumber(text, from);
  return parsed.ok ? formatNumber(parsed.value, to) : text;
}
