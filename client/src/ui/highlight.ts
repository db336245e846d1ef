// Which parts of a text a search matched, for highlighting (issue 9): a query
// word matches the start of a word of the text, ignoring case and accents
// (é = e, ß = ss, ø = o), as the server's search does. Pure.

const SPELLED: Record<string, string> = {
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
  ı: 'i',
};

/** One character, folded: lower case, accents off. */
export function foldChar(c: string): string {
  return (SPELLED[c] ?? c).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export const foldText = (s: string): string => [...s].map(foldChar).join('');

/** The words of a query (spaces, apostrophes, hyphens, dots and @ separate them), folded. */
export function queryWordsOf(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export interface TextPart {
  text: string;
  match: boolean;
}

/** The text cut into parts, the word starts a query word matches marked. */
export function highlightParts(text: string, query: string | null | undefined): TextPart[] {
  const words = queryWordsOf(query ?? '');
  const chars = [...text];
  if (words.length === 0 || chars.length === 0) return [{ text, match: false }];
  const marked = new Array<boolean>(chars.length).fill(false);
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const cjk = (c: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(c);
  for (let i = 0; i < chars.length; i++) {
    // A word starts after a separator; in CJK text any character starts one.
    const c = chars[i]!;
    if (!isWordChar(c) || (isWordChar(chars[i - 1]) && !cjk(c))) continue;
    for (const word of words) {
      let folded = '';
      let j = i;
      while (j < chars.length && folded.length < word.length) folded += foldChar(chars[j++]!);
      if (folded.startsWith(word)) for (let k = i; k < j; k++) marked[k] = true;
    }
  }
  const parts: TextPart[] = [];
  chars.forEach((c, i) => {
    const last = parts[parts.length - 1];
    const match = marked[i] === true;
    if (last && last.match === match) last.text += c;
    else parts.push({ text: c, match });
  });
  return parts;
}
