import { foldForSearch } from './fold.js';

/**
 * How a text is cut into search words, shared by the index side and the query
 * side. Pure, without I/O.
 *
 * - Words are runs of letters, marks and digits. Everything else separates
 *   words: spaces, apostrophes, hyphens, dots, @, commas, underscores,
 *   brackets, symbols, controls. "Jean-Luc" -> jean, luc; "O'Brien" -> o, brien.
 * - Scripts written without spaces (Han, Hiragana, Katakana, Hangul) form
 *   their own runs, cut from any Latin letters next to them. The index keeps
 *   EVERY SUFFIX of such a run ("王小明" -> 王小明, 小明, 明) and the query keeps
 *   the run whole, so any contiguous part of a name is found as the prefix of
 *   one suffix: "王" finds 王小明, and so do "小明" and "王小明"; "明王" does not.
 *   This is a superset of single characters and bigrams with exact order, at
 *   the cost of one word per character of the run.
 * - Every word is folded (foldForSearch) and cut to MAX_WORD characters.
 */

/** Longest word kept, in code points: the index column is VARCHAR(64) (utf8mb4: 256 bytes, well under InnoDB's 3072-byte key). */
export const MAX_WORD = 64;

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u30fc]';
const CJK = new RegExp(CJK_CLASS, 'u');
/** Runs: CJK characters (with their marks), or other letters, marks and digits. */
const RUN = new RegExp(`(?:${CJK_CLASS}\\p{M}*)+|(?:(?!${CJK_CLASS})[\\p{L}\\p{M}\\p{N}])+`, 'gu');
/** Characters that join the parts of one name ("O'Brien", "Jean-Luc", "J.R.R."): their parts also count as one word once joined. */
const JOINER_CLASS = "'\\u2019\\u2018\\u02bc\\u00b4`\\-\\u2010-\\u2014\\u2212.";
const JOINER = new RegExp(`[${JOINER_CLASS}]`, 'u');
/** What separates chunks: anything but letters, marks, digits and joiners. */
const CHUNK_BREAK = new RegExp(`[^\\p{L}\\p{M}\\p{N}${JOINER_CLASS}]+`, 'u');

/** A text cut to at most MAX_WORD code points. */
export function capWord(word: string): string {
  const chars = [...word];
  return chars.length <= MAX_WORD ? word : chars.slice(0, MAX_WORD).join('');
}

export const isCjkRun = (run: string): boolean => CJK.test(run);

/** The folded runs of a text, in order, each cut to MAX_WORD (CJK runs are not split further). */
export function runsOf(text: string): string[] {
  return (foldForSearch(text).match(RUN) ?? []).map(capWord);
}

/** Every suffix of a CJK run, each cut to MAX_WORD. */
export function cjkSuffixes(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    // A combining mark does not start a suffix.
    if (/\p{M}/u.test(chars[i])) continue;
    out.push(capWord(chars.slice(i).join('')));
  }
  return out;
}

/**
 * The words to index for a text: its runs (CJK runs as all their suffixes),
 * and, for a chunk whose parts are joined by apostrophes, hyphens or dots,
 * the parts joined ("O'Brien" -> obrien; "Jean-Luc" -> jeanluc), so a query
 * typed without the joiner still finds it.
 */
export function indexWordsOf(text: string): string[] {
  const words: string[] = [];
  for (const chunk of foldForSearch(text).split(CHUNK_BREAK)) {
    const runs = chunk.match(RUN) ?? [];
    for (const run of runs) {
      if (isCjkRun(run)) words.push(...cjkSuffixes(run));
      else words.push(capWord(run));
    }
    const latin = runs.filter((r) => !isCjkRun(r));
    if (latin.length > 1 && JOINER.test(chunk)) words.push(capWord(latin.join('')));
  }
  return words;
}
