/**
 * Typo correction against the fact base's own vocabulary: a word the facts
 * never use is replaced by the known word within one edit (insert, delete,
 * substitute or swap two neighbours), so "bytdance" and "opneai" find their
 * facts. Lookups use a deletion index (the SymSpell idea), so a question
 * costs a few map lookups per unknown word, not a scan of the vocabulary.
 *
 * Short words are where a one-edit "fix" is most often wrong, so they get
 * stricter rules: three letters only become a question word ("wht", "wen"),
 * four letters only swap two neighbours ("onws") or become a name ("nico").
 */

const MIN_LENGTH = 5;
const MIN_NAME_LENGTH = 4;

/** Short function words whose typos would otherwise read as unknown names. */
const FUNCTION_WORDS = new Set(
  "what when where which who whom whose why how does did was were this that the they them their there with about from have into".split(
    " ",
  ),
);

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

type Edit = "none" | "swap" | "other";

/** The one edit between two words, or undefined if they are further apart. */
function oneEdit(a: string, b: string): Edit | undefined {
  if (Math.abs(a.length - b.length) > 1) return undefined;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 0) return "none";
    if (diffs.length === 1) return "other";
    const [i, j] = diffs as [number, number];
    return diffs.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i] ? "swap" : undefined;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1) ? "other" : undefined;
}

/** Whether a word of this length may become this candidate through this edit. */
function allowed(word: string, candidate: string, edit: Edit, names: Set<string>): boolean {
  if (word.length >= MIN_LENGTH) return true;
  if (FUNCTION_WORDS.has(candidate)) return word.length >= 3;
  if (word.length < MIN_NAME_LENGTH) return false;
  return names.has(candidate) || edit === "swap";
}

export function createSpeller(
  frequencies: Map<string, number>,
  names: Set<string> = new Set(),
): Speller {
  const vocabulary = new Map(frequencies);
  for (const word of FUNCTION_WORDS) if (!vocabulary.has(word)) vocabulary.set(word, 1);
  const byDeletion = new Map<string, string[]>();
  for (const word of vocabulary.keys()) {
    if (word.length < 3) continue;
    for (const key of [word, ...deletions(word)]) {
      const list = byDeletion.get(key);
      if (list) list.push(word);
      else byDeletion.set(key, [word]);
    }
  }
  return {
    has: (word) => vocabulary.has(word),
    correct(word) {
      if (word.length < 3 || vocabulary.has(word) || /\d/.test(word)) return undefined;
      let best: string | undefined;
      for (const key of [word, ...deletions(word)]) {
        for (const candidate of byDeletion.get(key) ?? []) {
          const edit = oneEdit(word, candidate);
          if (!edit || !allowed(word, candidate, edit, names)) continue;
          const count = vocabulary.get(candidate) ?? 0;
          const bestCount = best ? (vocabulary.get(best) ?? 0) : -1;
          if (
            count > bestCount ||
            (count === bestCount && best !== undefined && candidate < best)
          ) {
            best = candidate;
          }
        }
      }
      return best;
    },
  };
}
