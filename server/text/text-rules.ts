import { createHash } from 'node:crypto';
import { msg, type Message } from '../i18n/message.js';

/**
 * Rules for the text people type, pure and without I/O, shared by every input
 * rule (profiles, organizations, custom fields, email addresses, passwords).
 *
 * - A lone surrogate (half of a UTF-16 pair; JSON carries it as "\ud800") is
 *   refused: both databases would silently store U+FFFD instead.
 * - Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
 *   U+061C) are refused in every text: they make text display in another
 *   order than it is stored.
 * - Identifying texts ("name" kind: names, aliases, tags, organization names,
 *   external ids, field titles and options) need a visible character, and hold
 *   an invisible (default-ignorable) character only where a script or an emoji
 *   needs it: a joiner (ZWJ, ZWNJ, Mongolian vowel separator) between two
 *   visible characters, a variation selector or the combining grapheme joiner
 *   after one, tag characters after a black flag (subdivision flags), a Hangul
 *   filler inside a sequence of conjoining jamo.
 * - Stored text is in NFC.
 */

/** line: one line; name: one line that identifies something; multiline: line breaks and tabs allowed. */
export type TextKind = 'line' | 'name' | 'multiline';

/** The stored form, or what is wrong as the end of a sentence that starts with the field's label. */
export type TextResult = { ok: true; text: string } | { ok: false; reason: Message };

export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** C0 and C1 controls, DEL, line and paragraph separators. */
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** The same, less line feed, carriage return and tab. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;
/** Characters that show nothing by themselves: spaces, invisible and format characters, lone marks, unassigned code points, blank glyphs. */
const SHOWS_NOTHING = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{M}\u2800\u{1D159}]$/u;
// One joiner at a time is what this class matches (ZWNJ, ZWJ, Mongolian vowel separator), never a sequence.
// eslint-disable-next-line no-misleading-character-class
const JOINER = /^[\u200c\u200d\u180e]$/u;
const SELECTOR = /^[\u034f\u180b-\u180d\u180f\ufe00-\ufe0f\u{E0100}-\u{E01EF}]$/u;
const TAG = /^[\u{E0020}-\u{E007F}]$/u;
const MARK = /^\p{M}$/u;
const JAMO_FILLER = /^[\u115f\u1160]$/u;
const JAMO = /^[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]$/u;

export const isVisible = (ch: string): boolean => !SHOWS_NOTHING.test(ch);
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);
export const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Number of visible characters (code points), as isVisible counts them. */
export function visibleCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isVisible(ch)) n++;
  return n;
}

/** May this invisible character stand at `i`, between these neighbours? */
function invisibleAllowed(chars: string[], i: number): boolean {
  const ch = chars[i];
  const prev = chars[i - 1];
  const next = chars[i + 1];
  if (JOINER.test(ch)) return prev !== undefined && next !== undefined && (isVisible(prev) || MARK.test(prev)) && isVisible(next);
  if (SELECTOR.test(ch)) return prev !== undefined && (isVisible(prev) || MARK.test(prev));
  if (TAG.test(ch)) return prev === '\u{1F3F4}' || (prev !== undefined && TAG.test(prev));
  if (JAMO_FILLER.test(ch)) {
    const jamo = (c: string | undefined) => c !== undefined && JAMO.test(c) && !JAMO_FILLER.test(c);
    return jamo(prev) || jamo(next);
  }
  return false;
}

/** The first invisible character that no script or emoji needs where it stands, or null. */
export function strayInvisible(s: string): string | null {
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    if (DEFAULT_IGNORABLE.test(chars[i]) && !invisibleAllowed(chars, i)) return chars[i];
  }
  return null;
}

/**
 * What a text is stored as: controls, bidi controls and lone surrogates
 * refused; NFC; trimmed; line breaks as \n. A "name" also needs a visible
 * character (unless empty) and no stray invisible one. Lengths are the
 * caller's to check, on the returned text.
 */
export function cleanText(value: string, kind: TextKind): TextResult {
  if (hasLoneSurrogate(value)) return { ok: false, reason: msg('text.containsInvalidCharacterHalf') };
  if (kind === 'multiline') {
    if (CONTROL.test(value)) return { ok: false, reason: msg('text.containsControlCharacter') };
  } else if (CONTROL_OR_BREAK.test(value)) {
    return { ok: false, reason: msg('text.containLineBreaksTabs') };
  }
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) {
    return {
      ok: false,
      reason: msg('text.containBidirectionalControlCharacter', { bidi: codePoint(bidi[0]) }),
    };
  }
  let text = value.normalize('NFC');
  if (kind === 'multiline') text = text.replace(/\r\n?/g, '\n');
  text = text.trim();
  if (kind === 'name' && text !== '') {
    const stray = strayInvisible(text);
    if (stray) return { ok: false, reason: msg('text.containInvisibleCharacter', { stray: codePoint(stray) }) };
    if (visibleCount(text) === 0) return { ok: false, reason: msg('text.needsAtLeastOne') };
  }
  return { ok: true, text };
}

/**
 * What is wrong with a search (users', organizations', tickets' `query`, a saved list's `filter.query`, the
 * export's `query`), or null: control characters and lone surrogates are refused as in every text people type
 * (a lone surrogate would otherwise be searched for as U+FFFD, or match nothing, where `tags(query:)` refuses it).
 */
export function searchProblem(query: string): Message | null {
  if (/[\u0000-\u001f\u007f]/.test(query)) return msg('organizations.searchContainControlCharacters');
  if (hasLoneSurrogate(query)) return msg('text.searchContainsInvalidCharacterHalf');
  return null;
}

/**
 * The full case fold used to compare what people type in any letter case:
 * NFC, then lower(upper(lower(s))), so that final and medial sigma (ς, σ),
 * ß/ẞ/SS, ligatures (ﬃ), the long s (ſ) and the like compare equal; ASCII
 * comes out lower-cased, as before.
 */
export function foldCase(s: string): string {
  return s.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * A key that fits a column of `max` characters: itself when short enough,
 * else its first `keep` characters, "~" and a SHA-256 of the whole (so two
 * long keys are still equal only when they are the same, and a prefix search
 * of up to `keep` characters still finds it).
 */
export function fitKey(key: string, max: number, keep = max - 65): string {
  const chars = [...key];
  if (chars.length <= max) return key;
  return `${chars.slice(0, keep).join('')}~${createHash('sha256').update(key).digest('hex')}`;
}

/** User input quoted in a message, shortened to `max` characters with an ellipsis. */
export function quoteInput(value: unknown, max = 60): string {
  const chars = [...String(value)].map((c) => (hasLoneSurrogate(c) ? '\ufffd' : c));
  return `"${chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')}"`;
}

/**
 * A message with every long run of echoed input shortened: quoted strings and
 * unbroken runs of more than `max` characters keep their first `max` and an
 * ellipsis (GraphQL's own errors quote variable values and field names whole).
 */
export function shortenEchoes(message: string, max = 60): string {
  const cut = (s: string) => ([...s].length > max ? `${[...s].slice(0, max).join('')}…` : s);
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (_m, inner: string) => `"${cut(inner)}"`).replace(/[^\s"{}[\]:,]{61,}/g, (run) => cut(run));
}
