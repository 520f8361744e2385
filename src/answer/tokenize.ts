/**
 * Text -> matching terms: the story's aliases rewritten, split on letters and
 * digits, stopwords dropped, a light suffix-stripping stem, synonyms mapped.
 * The same tokenizer runs over facts and questions, so both sides share one
 * vocabulary. The story's words come from its Vocabulary (src/facts/).
 */
import type { Vocabulary } from "../facts/vocabulary.ts";
import { ABBREVIATIONS, STOPWORDS } from "./english.ts";

const SUFFIXES = [
  "ational",
  "ations",
  "ation",
  "ments",
  "ment",
  "ings",
  "ing",
  "edly",
  "ied",
  "ies",
  "ed",
  "ers",
  "er",
  "ions",
  "ion",
  "ly",
  "es",
  "s",
];

/** A light stemmer: enough to join train/training/trained, not a linguistic one. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (suffix === "ies" || suffix === "ied") w += "y";
      break;
    }
  }
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  // Doubled final consonant left by -ing/-ed: "banned" -> "bann" -> "ban".
  if (w.length > 3 && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

export interface Tokenizer {
  /** Lower-cases and rewrites multi-word aliases to canonical words. */
  rewritePhrases(text: string): string;
  /** The raw words of a text (letters and digits, apostrophes kept inside words). */
  words(text: string): string[];
  /** Canonical term for one word, or undefined for a stopword. */
  termOf(word: string): string | undefined;
  /** The matching terms of a text, in order, duplicates kept. */
  tokenize(text: string): string[];
}

export function createTokenizer(vocabulary: Vocabulary): Tokenizer {
  const aliases = vocabulary.phraseAliases.map(
    ([pattern, means]) => [new RegExp(pattern, "g"), ` ${means} `] as const,
  );
  const synonyms = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(vocabulary.synonyms)) {
    for (const v of variants.split(/\s+/)) synonyms.set(v, canonical);
  }

  function rewritePhrases(text: string): string {
    let t = text.toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'");
    // Section numbers are names: "2(c)" and "3.3(e)" become one word each.
    t = t.replace(/\b(\d+)(?:\.(\d+))?\s*\(([a-z])\)/g, (_m, a, b, c) => ` sec${a}${b ?? ""}${c} `);
    for (const [pattern, replacement] of aliases) t = t.replace(pattern, replacement);
    return t;
  }

  function words(text: string): string[] {
    const found = rewritePhrases(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
    // Possessives name the same thing: "anthropic's" is "anthropic".
    return found.map((w) => w.replace(/'s$/, ""));
  }

  function termOf(word: string): string | undefined {
    const typed = word.replace(/'s$|'$/, "").replace(/'/g, "");
    const w = ABBREVIATIONS.get(typed) ?? typed;
    // Single letters ("x", "u") and short numbers ("2+2", "section 2") carry no topic; years do.
    if (!w || STOPWORDS.has(w) || w.length === 1 || /^\d{1,3}$/.test(w)) return undefined;
    const direct = synonyms.get(w);
    if (direct) return direct;
    const stemmed = stem(w);
    return synonyms.get(stemmed) ?? stemmed;
  }

  function tokenize(text: string): string[] {
    const terms: string[] = [];
    for (const word of words(text)) {
      const term = termOf(word);
      if (term) terms.push(term);
    }
    return terms;
  }

  return { rewritePhrases, words, termOf, tokenize };
}
