/**
 * Question -> candidate facts, each described by named features. Nothing here
 * decides: the learned model (model.ts) weighs the features, so a newcomer
 * changes behaviour by adding data, not factors. Every feature is explainable:
 * - coverage: the share of the question's weighted terms the fact matches
 *   (rare terms weigh more, a word the facts never use the most);
 * - overlap: how closely one of the fact's own questions matches (an F1);
 * - relevance and bm25: MiniSearch's BM25, relative to the best fact and absolute;
 * - fit of the question's kind (who, when, why...) to the fact's;
 * - names: only names matched, a side party not named, the speaker asked about;
 * - question-level: words no fact knows, other companies named;
 * - claim: for a yes/no question, how closely a yes/no claim the fact settles matches it;
 * - semantic: a sentence encoder's similarity, when one is loaded.
 */

import { questionKey } from "../facts/load.ts";
import type { Fact } from "../facts/schema.ts";
import { ABBREVIATIONS, COMMON_WORDS, STOPWORDS } from "./english.ts";
import { type FactIndex, matchingQuestions } from "./fact-index.ts";
import { detectKind, type QuestionKind } from "./intent.ts";

export const FEATURE_NAMES = [
  "coverage",
  "overlap",
  "coverageXoverlap",
  "relevance",
  "bm25",
  "evidence",
  "unknownShare",
  "kindFit",
  "kindMismatch",
  "namesOnly",
  "sideParty",
  "speaker",
  "exact",
  "otherEntity",
  "factUnknown",
  "claim",
  "termCount",
  "matchedWeight",
  "unknownCount",
  "semantic",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export interface Candidate {
  factId: string;
  features: Features;
  matchedTerms: string[];
}

export interface Analysis {
  kind: QuestionKind;
  terms: string[];
  /** Typos fixed before matching, as "typo>word". */
  corrections: string[];
  /** Terms that matched nothing in the fact base. */
  unknownTerms: string[];
  /** Companies or products the facts never discuss, named in the question. */
  otherEntities: string[];
  candidates: Candidate[];
}

export interface AnalyzeOptions {
  /** Per-fact semantic similarity (0..1), when a sentence encoder is loaded. */
  semantic?: ReadonlyMap<string, number>;
  /** Training only: leave one of a fact's own questions out, as if it were never written. */
  exclude?: { factId: string; questionIndex: number };
}

/** Whether a fact can answer this kind of question: a dated fact answers "when". */
export function answersKind(fact: Fact, kind: QuestionKind): boolean {
  if (fact.kind === kind) return true;
  if (kind === "when") return Boolean(fact.when) || /\b(?:19|20)\d{2}\b/.test(fact.statement);
  if (kind === "amount") return QUANTITY.test(fact.statement);
  return false;
}

/** Question kinds that a fact of another kind answers badly ("why" with a date). */
const STRICT_KINDS = new Set<QuestionKind>(["who", "when", "why", "how", "amount"]);
/** Words a statement about quantity uses. */
const QUANTITY =
  /\b(?:minimal|figures?|how much|how many|limits?|allowance|amount|extent|heavily|small|large|rampant|every (?:stage|phase)|nearly every)\b/i;
/** "What did X say": the fact to prefer is about what X said. */
const SAY_QUESTION =
  /\b(?:what|how) (?:did|does|do|has|have|had) (?:the )?(\S+) (?:say|said|tell|told|claim|state|respond|reply|comment|answer)\b/;
/** How many search hits (best first) are weighed: past these none can lead. */
const MAX_HITS = 150;
/** The weight of an everyday word the facts do not use. */
const COMMON_WEIGHT = 0.6;
/** Matched evidence (sum of term weights) at which a long question counts as on topic. */
const EVIDENCE_REF = 9;
/** How much an inexact match (typo fixed, prefix) counts against an exact one. */
const APPROX_MATCH = 0.7;

/**
 * Fixes typos word by word in the question as typed, before aliases are
 * rewritten and the kind is read, so "who onws tiktko" and "wen was it" work.
 */
function correctTypos(index: FactIndex, question: string, corrections: string[]): string {
  return question.toLowerCase().replace(/[\p{L}]+/gu, (word) => {
    // Other news's names and the short forms people type ("info", "abt") are not typos.
    if (index.otherEntities.has(word) || ABBREVIATIONS.has(word) || STOPWORDS.has(word))
      return word;
    const fixed = index.speller.correct(word);
    if (!fixed) return word;
    corrections.push(`${word}>${fixed}`);
    return fixed;
  });
}

/**
 * The fact's yes/no claim that best matches the question's terms, with its F1
 * and whether the claim holds every term of the question (`covers`): only then
 * is the claim the question asked. "Is China a supported region?" shares most
 * words with "Did OpenAI block China?" but asks the opposite.
 */
export function bestClaim(
  index: FactIndex,
  fact: Fact,
  questionTerms: ReadonlySet<string>,
): { ask: string; answer: string; fit: number; covers: boolean } | undefined {
  let best: { ask: string; answer: string; fit: number; covers: boolean } | undefined;
  for (const { ask, answer, terms } of index.claims.get(fact.id) ?? []) {
    let shared = 0;
    for (const t of terms) if (questionTerms.has(t)) shared++;
    if (!shared) continue;
    const fit = (2 * shared) / (terms.size + questionTerms.size);
    const covers = [...questionTerms].every((t) => terms.has(t));
    if (!best || fit > best.fit) best = { ask, answer, fit, covers };
  }
  return best;
}

interface Entry {
  question: number;
  body: number;
  overlap: number;
  matched: Map<string, number>;
}

/** Whether a word names a company or product the facts never discuss. */
function isOtherEntity(index: FactIndex, word: string): boolean {
  return index.otherEntities.has(word) && !index.speller.has(word);
}

/** Whether the question names something the facts never discuss ("chatgpt vs claude"). */
export function namesOtherEntity(index: FactIndex, question: string): boolean {
  return index.tokenizer.words(question.toLowerCase()).some((w) => isOtherEntity(index, w));
}

export function analyze(index: FactIndex, question: string, opts: AnalyzeOptions = {}): Analysis {
  const { termOf, words } = index.tokenizer;
  const corrections: string[] = [];
  const corrected = correctTypos(index, question, corrections);
  const fixedWords = new Set(corrections.map((c) => c.slice(c.indexOf(">") + 1)));
  const kind = detectKind(corrected);
  const approx = new Set<string>();
  const termList: string[] = [];
  const commonTerms = new Set<string>();
  const otherEntities: string[] = [];
  const questionWords = words(corrected);
  for (const word of questionWords) {
    if (isOtherEntity(index, word)) otherEntities.push(word);
    // Short numbers are never matched ("2+2", "gpt-5"), but they still count as
    // words the facts do not know, which is what they are.
    if (/^\d{1,3}$/.test(word)) {
      termList.push(`#${word}`);
      continue;
    }
    const term = termOf(word);
    if (!term) continue;
    if (COMMON_WORDS.has(word)) commonTerms.add(term);
    if (fixedWords.has(word)) approx.add(term);
    termList.push(term);
  }
  const terms = [...new Set(termList)];
  const sayMatch = SAY_QUESTION.exec(questionWords.join(" "));
  const speaker = sayMatch?.[1] ? termOf(sayMatch[1]) : undefined;
  if (terms.length === 0)
    return { kind, terms, corrections, unknownTerms: [], otherEntities, candidates: [] };

  const exclude = opts.exclude;
  const excludedTerms = new Set<string>();
  if (exclude) {
    const fact = index.facts.get(exclude.factId);
    const excludedQuestion = fact ? matchingQuestions(fact)[exclude.questionIndex] : undefined;
    for (const t of index.tokenizer.tokenize(excludedQuestion ?? "")) excludedTerms.add(t);
  }
  /** Whether a fact uses a term, with the left-out question's own words not counted. */
  const factHas = (factId: string, t: string) => {
    const count = index.factTermCounts.get(factId)?.get(t) ?? 0;
    const left = exclude?.factId === factId && excludedTerms.has(t) ? count - 1 : count;
    return left > 0;
  };

  // Rare terms weigh more; a term the fact base has never seen weighs the most,
  // unless it is an everyday word, which is weak evidence either way.
  const maxWeight = Math.log(1 + index.factCount);
  const weights = new Map<string, number>();
  const weight = (t: string) => {
    let w = weights.get(t);
    if (w === undefined) {
      w = index.idf.get(t) ?? (commonTerms.has(t) ? COMMON_WEIGHT : maxWeight);
      if (commonTerms.has(t)) w = Math.min(w, COMMON_WEIGHT);
      weights.set(t, w);
    }
    return w;
  };
  const totalWeight = terms.reduce((sum, t) => sum + weight(t), 0);
  const querySet = new Set(terms);

  const byFact = new Map<string, Entry>();
  const known = (t: string) => index.factFrequency.has(t);
  const hits = index.search.search(terms.join(" "), {
    fuzzy: false,
    prefix: (t) => !known(t) && t.length >= 6,
  });
  let visited = 0;
  for (const hit of hits) {
    if (visited++ >= MAX_HITS) break;
    const doc = index.docs[hit.id as number];
    if (!doc) continue;
    if (exclude && doc.factId === exclude.factId && doc.questionIndex === exclude.questionIndex)
      continue;
    let entry = byFact.get(doc.factId);
    if (!entry) {
      entry = { question: 0, body: 0, overlap: 0, matched: new Map() };
      byFact.set(doc.factId, entry);
    }
    if (doc.questionIndex < 0) entry.body = Math.max(entry.body, hit.score);
    else {
      entry.question = Math.max(entry.question, hit.score);
      // F1 of the two questions' weighted terms: a short stored question must not
      // win a long user question by containment alone.
      let ownWeight = doc.idfTotal;
      let shared = 0;
      for (const t of hit.terms) {
        if (!querySet.has(t)) continue;
        const w = weight(t);
        shared += w;
        ownWeight += w - (index.idf.get(t) ?? 0);
      }
      if (ownWeight > 0 && shared > 0) {
        const precision = shared / ownWeight;
        const recall = shared / totalWeight;
        entry.overlap = Math.max(entry.overlap, (2 * precision * recall) / (precision + recall));
      }
    }
    for (const t of hit.queryTerms) {
      if (hit.terms.includes(t) && !approx.has(t)) continue; // exact: credited from the fact's terms below
      const before = entry.matched.get(t);
      if (before === undefined || APPROX_MATCH > before) entry.matched.set(t, APPROX_MATCH);
    }
  }
  for (const [factId, entry] of byFact) {
    for (const t of terms)
      if (factHas(factId, t)) entry.matched.set(t, approx.has(t) ? APPROX_MATCH : 1);
  }
  const everMatched = new Set<string>();
  for (const entry of byFact.values()) for (const t of entry.matched.keys()) everMatched.add(t);
  const unknownTerms = terms.filter((t) => !everMatched.has(t));
  const unknownShare = unknownTerms.reduce((sum, t) => sum + weight(t), 0) / totalWeight;

  const scoreOf = (entry: Entry) => entry.question + 0.5 * entry.body;
  const bestScore = Math.max(...[...byFact.values()].map(scoreOf), 1e-9);
  // A fact's own question, as typed or with its typos fixed ("what is projct seed").
  const exactFact = exclude
    ? undefined
    : (index.exactQuestions.get(questionKey(question)) ??
      index.exactQuestions.get(questionKey(corrected)));

  const candidates: Candidate[] = [];
  for (const [factId, entry] of byFact) {
    const fact = index.facts.get(factId);
    if (!fact) continue;
    const evidence = [...entry.matched].reduce((sum, [t, quality]) => sum + weight(t) * quality, 0);
    const coverage = evidence / totalWeight;
    const fits = answersKind(fact, kind);
    const subject = index.subjectTerm.get(factId);
    const features: Features = {
      coverage,
      overlap: entry.overlap,
      coverageXoverlap: coverage * entry.overlap,
      relevance: scoreOf(entry) / bestScore,
      bm25: Math.log1p(scoreOf(entry)) / 4,
      evidence: Math.min(1, evidence / EVIDENCE_REF),
      unknownShare,
      kindFit: fits ? 1 : 0,
      kindMismatch: !fits && STRICT_KINDS.has(kind) ? 1 : 0,
      namesOnly:
        entry.matched.size > 0 &&
        [...entry.matched.keys()].every((t) => index.nameTerms.has(t)) &&
        terms.some((t) => !entry.matched.has(t))
          ? 1
          : 0,
      // A fact about a side party (Microsoft, CNN...) that the question does not name.
      sideParty:
        subject !== undefined &&
        !index.mainParties.has(subject) &&
        index.nameTerms.has(subject) &&
        !querySet.has(subject)
          ? 1
          : 0,
      speaker: speaker !== undefined && subject === speaker ? 1 : 0,
      exact: factId === exactFact ? 1 : 0,
      otherEntity: otherEntities.length > 0 ? 1 : 0,
      factUnknown: fact.firmness === "unknown" ? 1 : 0,
      claim: kind === "yesno" ? (bestClaim(index, fact, querySet)?.fit ?? 0) : 0,
      termCount: Math.min(10, terms.length) / 10,
      // Absolute evidence: a long question full of small talk still carries plenty of it.
      matchedWeight: Math.min(20, evidence) / 10,
      unknownCount: Math.min(5, unknownTerms.length) / 5,
      semantic: opts.semantic?.get(factId) ?? 0,
    };
    candidates.push({ factId, features, matchedTerms: [...entry.matched.keys()] });
  }
  return { kind, terms, corrections, unknownTerms, otherEntities, candidates };
}
