/**
 * Bounded edit distances between two short strings, counted in code points
 * (so an emoji or a CJK character outside the BMP is one character).
 *
 * - `levenshtein`: insertions, deletions and substitutions.
 * - `damerauLevenshtein`: the same plus the swap of two adjacent characters
 *   ("gmial" -> "gmail" is 1), in its "optimal string alignment" form (no
 *   substring is edited twice), which is what typo matching needs.
 *
 * Both take a `max` and return `max + 1` as soon as the distance is known to
 * exceed it (length difference first, then a row minimum), so comparing a
 * word with many candidates stays cheap. They are written here rather than
 * taken from a package because the common packages (fastest-levenshtein,
 * leven) have no transpositions and no bound.
 */

/** Levenshtein distance of a and b, or max + 1 when it is larger than max. */
export function levenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  return distance([...a], [...b], max, false);
}

/** Damerau–Levenshtein (optimal string alignment) distance, or max + 1 when it is larger than max. */
export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  return distance([...a], [...b], max, true);
}

function distance(a: string[], b: string[], max: number, swaps: boolean): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const d = previous[b.length]!;
  return d > max ? max + 1 : d;
}
