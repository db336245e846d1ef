import { levenshtein } from './edit-distance.js';

/**
 * "Did you mean …?" for a search that found nobody (issue 9), pure and
 * without I/O. For a query word, the caller fetches the indexed words that
 * share its first two characters and whose length is within one of its own
 * (`candidateRange`: one prefix range scan on the word index, then a length
 * filter), and keeps those one edit away (`oneEditAway`). A typo in the first
 * two characters is not suggested: that is what keeps the lookup an index
 * range instead of a scan of every word.
 */

/** Words shorter than this get no suggestion: one edit away from "ab" is half the dictionary. */
export const MIN_SUGGESTED_WORD = 3;

export interface CandidateRange {
  /** Candidates start with these two characters (`word >= prefix AND word < prefix + U+10FFFF`). */
  prefix: string;
  /** Inclusive bounds on the candidate's length in characters. */
  minLength: number;
  maxLength: number;
}

/** Where to look for candidates of a (folded) query word, or null when it is too short to suggest for. */
export function candidateRange(word: string): CandidateRange | null {
  const chars = [...word];
  if (chars.length < MIN_SUGGESTED_WORD) return null;
  return { prefix: chars.slice(0, 2).join(''), minLength: chars.length - 1, maxLength: chars.length + 1 };
}

/** The candidates at Levenshtein distance exactly 1 from the word, in the given order, without duplicates. */
export function oneEditAway(word: string, candidates: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const candidate of candidates) {
    if (candidate !== word && !out.has(candidate) && levenshtein(word, candidate, 1) === 1) out.add(candidate);
  }
  return [...out];
}
