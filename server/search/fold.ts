/**
 * The search fold: what a text becomes before it is indexed or looked up, so
 * that case and accents never matter. Pure, without I/O.
 *
 * 1. Letters that are not "a base letter plus an accent" in Unicode, and so
 *    survive step 3, are spelled out first: ß and ẞ -> ss, æ -> ae, œ -> oe,
 *    ø -> o, ł -> l, đ -> d, ð -> d, þ -> th, ħ -> h, ŧ -> t, ı -> i, ĸ -> k,
 *    ŋ -> n (upper case too), and Cyrillic ё -> е.
 * 2. NFKD: compatibility forms become plain ones (ﬁ -> fi, full-width Ａ -> A,
 *    ² -> 2, ㎏ -> kg) and accented letters split into base + mark.
 * 3. Marks are dropped after a Latin or Greek letter only (é -> e, ά -> α):
 *    in other scripts a mark is part of the spelling (Devanagari vowel signs,
 *    the Japanese voicing marks of が, Cyrillic й) and stays.
 * 4. A full case fold (lower(upper(lower))): final and medial sigma compare
 *    equal, İ and ı both become i.
 * 5. NFC again, so Hangul syllables and kept marks are recomposed.
 */

const SPELLED_OUT: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
  ı: 'i',
  ĸ: 'k',
  ŋ: 'n',
  Ŋ: 'n',
  ё: 'е',
  Ё: 'е',
};
const SPELLED_OUT_RE = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'gu');
const LATIN_OR_GREEK_MARKS = /(?<=[\p{Script=Latin}\p{Script=Greek}]\p{M}*)\p{M}+/gu;

/** The folded form of a text: case-, accent- and compatibility-insensitive (see above). */
export function foldForSearch(text: string): string {
  const spelled = text.normalize('NFC').replace(SPELLED_OUT_RE, (c) => SPELLED_OUT[c]);
  const bare = spelled.normalize('NFKD').replace(LATIN_OR_GREEK_MARKS, '');
  return bare.toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}
