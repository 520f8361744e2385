/**
 * Typo correction against the fact base's own vocabulary: a word the facts
 * never use is replaced by the one fact word within one edit (insert, delete,
 * substitute or swap two neighbours), so "bytdance" and "opneai" find their
 * facts. Lookups use a deletion index (the SymSpell idea), so a question
 * costs a few map lookups per unknown word, not a scan of the vocabulary.
 */

/** Words shorter than this are too easily "corrected" into something else... */
const MIN_LENGTH = 5;
/** ...except names ("nico" -> "niko"), which people misspell and rarely mean otherwise. */
const MIN_NAME_LENGTH = 4;

export interface Speller {
  /** The vocabulary word a typo most likely meant, or undefined. */
  correct(word: string): string | undefined;
  has(word: string): boolean;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance, stopping early past 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length <= 1) return true;
    const [i, j] = diffs as [number, number];
    return diffs.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

export function createSpeller(
  frequencies: Map<string, number>,
  names: Set<string> = new Set(),
): Speller {
  const byDeletion = new Map<string, string[]>();
  for (const word of frequencies.keys()) {
    if (word.length < MIN_NAME_LENGTH - 1) continue;
    for (const key of [word, ...deletions(word)]) {
      const list = byDeletion.get(key);
      if (list) list.push(word);
      else byDeletion.set(key, [word]);
    }
  }
  return {
    has: (word) => frequencies.has(word),
    correct(word) {
      if (word.length < MIN_NAME_LENGTH || frequencies.has(word) || /\d/.test(word))
        return undefined;
      let best: string | undefined;
      for (const key of [word, ...deletions(word)]) {
        for (const candidate of byDeletion.get(key) ?? []) {
          if (word.length < MIN_LENGTH && !names.has(candidate)) continue;
          if (!withinOneEdit(word, candidate)) continue;
          const better =
            !best ||
            (frequencies.get(candidate) ?? 0) > (frequencies.get(best) ?? 0) ||
            ((frequencies.get(candidate) ?? 0) === (frequencies.get(best) ?? 0) &&
              candidate < best);
          if (better) best = candidate;
        }
      }
      return best;
    },
  };
}
