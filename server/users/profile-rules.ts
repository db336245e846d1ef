import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { UserInputError } from '../graphql/errors.js';
import { cleanText, fitKey, quoteInput, type TextKind } from '../text/text-rules.js';
import { msg, type Text } from '../i18n/message.js';
import { labelText } from '../i18n/labels.js';
import { currentZoneName, RENAMED_TIME_ZONES } from './time-zone-names.js';

/**
 * Rules for the profile's plain fields: each takes what a client sent and
 * returns the stored form, or throws BAD_USER_INPUT naming the field. Text
 * follows the shared rules of text-rules.ts (NFC; no controls, bidi controls
 * or lone surrogates; names need a visible character).
 */

export const LIMITS = {
  name: 255,
  alias: 255,
  organization: 255,
  externalId: 255,
  details: 65_535,
  notes: 65_535,
  tag: 80,
  tags: 200,
  /** Columns of the keys (name_key, external_id_key): VARCHAR(255). */
  key: 255,
} as const;

const length = (s: string): number => [...s].length;

/** A text by the shared rules (see cleanText), at most `max` characters once normalized. */
export function checkedText(field: string, label: Text, value: string, max: number, kind: TextKind): string {
  const r = cleanText(value, kind);
  if (!r.ok) throw new UserInputError(field, msg('text.labelled', { label: labelText(label), reason: r.reason }));
  if (length(r.text) > max) throw new UserInputError(field, msg('users.atMostCharacters', { label: labelText(label), max }));
  return r.text;
}

/** A one-line text: trimmed, no control characters or line breaks, at most `max` characters. `name`: it identifies someone or something. */
export function singleLine(field: string, label: string, value: string, max: number, kind: 'line' | 'name' = 'line'): string {
  return checkedText(field, label, value, max, kind);
}

/** A multi-line text: line breaks and tabs allowed, other control characters refused. */
export function multiLine(field: string, label: string, value: string, max: number): string {
  return checkedText(field, label, value, max, 'multiline');
}

export function normalizeName(value: string): string {
  const v = singleLine('name', 'Name', value, LIMITS.name, 'name');
  if (v === '') throw new UserInputError('name', msg('organizations.nameRequired'));
  return v;
}

/** Optional one-line text: empty after trimming means "not set". */
export function optionalLine(field: string, label: string, value: string, max: number, kind: 'line' | 'name' = 'line'): string | null {
  const v = singleLine(field, label, value, max, kind);
  return v === '' ? null : v;
}

export function optionalText(field: string, label: string, value: string, max: number): string | null {
  const v = multiLine(field, label, value, max);
  return v === '' ? null : v;
}

/** A phone number in E.164. Without a leading + the default country (if configured) applies. */
export function normalizePhone(value: string, defaultCountry?: string): string | null {
  const v = singleLine('phone', 'Phone', value, 64);
  if (v === '') return null;
  if (!/^\+?[\d\s().\-/]+$/.test(v)) {
    throw new UserInputError('phone', msg('users.phoneNumberContainsDigits'));
  }
  if (!v.startsWith('+') && !defaultCountry) {
    throw new UserInputError('phone', msg('users.enterNumberInInternational'));
  }
  const parsed = parsePhoneNumberFromString(v, defaultCountry as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) throw new UserInputError('phone', msg('users.notPossiblePhoneNumber'));
  return parsed.number;
}

let zoneCache: Map<string, string> | null = null;
function zones(): Map<string, string> {
  if (!zoneCache) {
    zoneCache = new Map();
    for (const z of [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']) zoneCache.set(z.toLowerCase(), currentZoneName(z));
    for (const z of Object.values(RENAMED_TIME_ZONES)) zoneCache.set(z.toLowerCase(), z);
  }
  return zoneCache;
}

/**
 * An IANA time zone name, returned in its canonical letter case and by its
 * current name: an old name (Asia/Calcutta, Europe/Kiev) is accepted and
 * stored as the current one (Asia/Kolkata, Europe/Kyiv); see time-zone-names.ts.
 */
export function normalizeTimeZone(value: string): string | null {
  const v = singleLine('timeZone', 'Time zone', value, 64);
  if (v === '') return null;
  const known = zones().get(v.toLowerCase());
  if (known) return known;
  // Links (old names such as Asia/Calcutta) that the runtime knows but does not list.
  if (/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(v)) {
    try {
      return currentZoneName(new Intl.DateTimeFormat('en', { timeZone: v }).resolvedOptions().timeZone);
    } catch {
      /* fall through */
    }
  }
  throw new UserInputError('timeZone', msg('users.notIanaTimeZone', { v: quoteInput(v) }));
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A BCP 47 language tag whose language is known, in canonical form (en-us -> en-US). */
export function normalizeLocale(value: string): string | null {
  const v = singleLine('locale', 'Language', value, 64).replace(/_/g, '-');
  if (v === '') return null;
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(v);
  } catch {
    throw new UserInputError('locale', msg('users.notLanguageTagSuch', { v: quoteInput(v) }));
  }
  const language = canonical.split('-')[0];
  if (!languageNames.of(language) || language === 'und') {
    throw new UserInputError('locale', msg('users.notKnownLanguage', { v: quoteInput(v) }));
  }
  return canonical;
}

/**
 * One tag: trimmed, lower-cased, inner spaces become underscores. The limit
 * counts the stored form (lower-casing can lengthen: "İ" becomes "i̇").
 */
export function normalizeTag(value: string): string {
  const v = singleLine('tags', 'A tag', value, LIMITS.tag, 'name').toLowerCase().normalize('NFC').replace(/\s+/gu, '_');
  if (/[,]/.test(v)) throw new UserInputError('tags', msg('users.tagContainComma'));
  if (length(v) > LIMITS.tag) throw new UserInputError('tags', msg('users.tagAtMostCharacters', { tag: LIMITS.tag }));
  return v;
}

export function normalizeTags(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const tag = normalizeTag(value);
    if (tag !== '') out.add(tag);
  }
  if (out.size > LIMITS.tags) throw new UserInputError('tags', msg('users.userHaveAtMost', { tags: LIMITS.tags }));
  return [...out];
}

/**
 * Key used for case- and accent-insensitive prefix search on both databases
 * (users' and organizations' name_key). It fits its column: a key that
 * compatibility decomposition made longer than 255 characters ("ﷺ" is 18)
 * keeps its first 190 and a hash of the whole (see fitKey).
 */
export function searchKey(value: string): string {
  return fitKey(value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase(), LIMITS.key);
}

/** The unique key of an external id: lower case, fitted to its column. */
export function externalIdKey(id: string): string {
  return fitKey(id.toLowerCase(), LIMITS.key);
}

/** `have` (the tags as locked) after `edit`, in order: the removed go, the added join once, a tag in both goes; within the tag limit. */
export function editedTags(have: readonly string[], edit: { add: readonly string[]; remove: readonly string[] }): string[] {
  const remove = new Set(edit.remove);
  const after = [...new Set([...have, ...edit.add])].filter((t) => !remove.has(t)).sort();
  if (after.length > LIMITS.tags) throw new UserInputError('tags', msg('users.userHaveAtMost', { tags: LIMITS.tags }));
  return after;
}
