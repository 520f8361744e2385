/**
 * Question -> facts ranked by confidence. Three signals, all explainable:
 * - relevance: MiniSearch's BM25 (fuzzy and prefix matching included);
 * - coverage: the share of the question's weighted terms a fact matches (rare
 *   terms weigh more; a word the fact base never uses weighs the most), which
 *   tells "why was ByteDance banned" from "what is ByteDance's revenue";
 * - overlap: how much of one of the fact's own questions the user's question
 *   contains, the FAQ signal that a paraphrase hits the same point.
 * Long questions full of small talk still answer when they carry plenty of
 * matched evidence, even if their coverage is low.
 */
import { questionKey } from "../facts/load.ts";
import type { Fact } from "../facts/schema.ts";
import type { FactIndex } from "./fact-index.ts";
import { detectKind, type QuestionKind } from "./intent.ts";
import { COMMON_WORDS, OTHER_ENTITIES } from "./lexicon.ts";
import { termOf, words } from "./tokenize.ts";

export interface Candidate {
  factId: string;
  /** BM25 relevance (best question plus half the body), with the kind boost. */
  score: number;
  /** Share (0..1) of the question's weighted terms this fact matches. */
  coverage: number;
  /** How closely (0..1, an F1 of weighted terms) one of the fact's own questions matches. */
  overlap: number;
  confidence: number;
  /** The confidence before it is capped at 1: what candidates are ranked by. */
  strength: number;
  matchedTerms: string[];
}

export interface Ranking {
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

/** Whether a fact can answer this kind of question: a dated fact answers "when". */
function answersKind(fact: Fact, kind: QuestionKind): boolean {
  if (fact.kind === kind) return true;
  if (kind === "when") return Boolean(fact.when) || /\b(?:19|20)\d{2}\b/.test(fact.statement);
  if (kind === "amount") return QUANTITY.test(fact.statement);
  return false;
}

/**
 * The one whose words are asked for in "what did OpenAI say about ByteDance?":
 * a fact is about what its first entity did or said, so that is the fact to prefer.
 */
const SAY_QUESTION =
  /\b(?:what|how) (?:did|does|do|has|have|had) (?:the )?(\S+) (?:say|said|tell|told|claim|state|respond|reply|comment|answer)\b/;
const SPEAKER_BOOST = 1.15;
const EXACT_QUESTION_BOOST = 1.5;
const SIDE_PARTY_ABSENT = 0.9;

function speakerOf(questionWords: string[]): string | undefined {
  const match = SAY_QUESTION.exec(questionWords.join(" "));
  return match?.[1] ? termOf(match[1]) : undefined;
}

/** Question kinds that a fact of another kind answers badly ("why" with a date). */
const STRICT_KINDS = new Set<QuestionKind>(["who", "when", "why", "how", "amount"]);
/** Words a statement about quantity uses. */
const QUANTITY =
  /\b(?:minimal|figures?|how much|how many|limits?|allowance|amount|extent|heavily|small|large|rampant|every (?:stage|phase))\b/i;
const KIND_MISMATCH = 0.75;
/**
 * When a fact matches only the names in a question ("is ChatGPT down?"), and
 * the rest of the question goes unmatched, the question is about something
 * else that concerns the same company.
 */
const NAMES_ONLY = 0.5;

const KIND_BOOST = 1.3;
/** How many search hits (best first) are weighed. */
const MAX_HITS = 150;
/** The weight of an everyday word the facts do not use. */
const COMMON_WEIGHT = 0.6;
/** Matched evidence (sum of term weights) at which a long question counts as on topic. */
const EVIDENCE_REF = 9;
/** How much an inexact match (typo fixed, fuzzy or prefix) counts against an exact one. */
const APPROX_MATCH = 0.7;

/**
 * Fixes typos word by word in the question as typed, before aliases are
 * rewritten and the kind is read, so "who onws tiktko" and "wen was it" work.
 */
function correctTypos(index: FactIndex, question: string, corrections: string[]): string {
  return question.toLowerCase().replace(/[\p{L}]+/gu, (word) => {
    if (OTHER_ENTITIES.has(word)) return word;
    const fixed = index.speller.correct(word);
    if (!fixed) return word;
    corrections.push(`${word}>${fixed}`);
    return fixed;
  });
}

export function rank(index: FactIndex, question: string): Ranking {
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
    if (OTHER_ENTITIES.has(word) && !index.speller.has(word)) otherEntities.push(word);
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
  const speaker = speakerOf(questionWords);
  // "TikTok" alone, with none of the story's other names, is a question about the app
  // (bans, users, algorithms), not about its parent's OpenAI account.
  if (
    termList.includes("tiktok") &&
    !termList.some((t) => t !== "tiktok" && index.nameTerms.has(t))
  ) {
    otherEntities.push("tiktok");
  }
  if (terms.length === 0)
    return { kind, terms, corrections, unknownTerms: [], otherEntities, candidates: [] };

  // Rare terms weigh more; a term the fact base has never seen weighs the
  // most, unless it is an everyday word.
  const maxWeight = Math.log(1 + index.factCount);
  const weights = new Map<string, number>();
  const weight = (t: string) => {
    let w = weights.get(t);
    if (w === undefined) {
      w = index.idf.get(t) ?? (commonTerms.has(t) ? COMMON_WEIGHT : maxWeight);
      // An everyday word is weak evidence either way, even where the facts happen to use it.
      if (commonTerms.has(t)) w = Math.min(w, COMMON_WEIGHT);
      weights.set(t, w);
    }
    return w;
  };
  const totalWeight = terms.reduce((sum, t) => sum + weight(t), 0);
  const querySet = new Set(terms);

  interface Entry {
    question: number;
    body: number;
    overlap: number;
    matched: Map<string, number>;
  }
  const byFact = new Map<string, Entry>();
  // Typos were fixed word by word above (spell.ts), which is both stricter and
  // cheaper than fuzzy search; prefix matching still finds other word forms
  // of terms the facts do not use as they are ("desensitiz" -> "desensitization").
  const known = (t: string) => index.factFrequency.has(t);
  const hits = index.search.search(terms.join(" "), {
    fuzzy: false,
    prefix: (t) => !known(t) && t.length >= 6,
  });
  // Hits come best first; past the first few hundred none can lead, and a question
  // made of the story's most common words would otherwise visit every document.
  for (const hit of hits.length > MAX_HITS ? hits.slice(0, MAX_HITS) : hits) {
    const doc = index.docs[hit.id as number];
    if (!doc) continue;
    const factId = doc.factId;
    let entry = byFact.get(factId);
    if (!entry) {
      entry = { question: 0, body: 0, overlap: 0, matched: new Map() };
      byFact.set(factId, entry);
    }
    if (doc.questionIndex < 0) entry.body = Math.max(entry.body, hit.score);
    else {
      entry.question = Math.max(entry.question, hit.score);
      // F1 of the two questions' weighted terms: short stored questions
      // ("Who is OpenAI?") must not win long user questions by containment alone.
      // The stored question's weight is its precomputed idf total, with the shared
      // terms re-weighed as the question weighs them (everyday words count less).
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
      const quality = hit.terms.includes(t) && !approx.has(t) ? 1 : APPROX_MATCH;
      if (quality === 1) continue; // exact matches are credited from the fact's own terms below
      const before = entry.matched.get(t);
      if (before === undefined || quality > before) entry.matched.set(t, quality);
    }
  }

  for (const [factId, entry] of byFact) {
    const own = index.factTerms.get(factId);
    for (const t of terms) if (own?.has(t)) entry.matched.set(t, approx.has(t) ? APPROX_MATCH : 1);
  }

  const everMatched = new Set<string>();
  for (const entry of byFact.values()) for (const t of entry.matched.keys()) everMatched.add(t);

  const scored = [...byFact].flatMap(([factId, entry]) => {
    const fact = index.facts.get(factId);
    if (!fact) return [];
    const fits = answersKind(fact, kind);
    const kindFactor = fits ? 1 : STRICT_KINDS.has(kind) ? KIND_MISMATCH : 1;
    const score = (entry.question + 0.5 * entry.body) * (fits ? KIND_BOOST : 1);
    return [{ factId, entry, kindFactor, score }];
  });
  const bestScore = Math.max(...scored.map((s) => s.score), 1e-9);

  // A fact about a side party (Microsoft, CNN, Doubao...) answers a question that
  // does not name it only when nothing about the main parties fits as well.
  const bySideParty = (subject: string | undefined) =>
    subject !== undefined &&
    !index.mainParties.has(subject) &&
    index.nameTerms.has(subject) &&
    !querySet.has(subject);
  // Asked word for word as one of a fact's own questions: that fact is the answer.
  const exactFact = index.exactQuestions.get(questionKey(question));
  const candidates: Candidate[] = scored.map(({ factId, entry, kindFactor, score }) => {
    const evidence = [...entry.matched].reduce((sum, [t, quality]) => sum + weight(t) * quality, 0);
    const coverage = evidence / totalWeight;
    const onTopic = Math.max(coverage, 0.85 * Math.min(1, evidence / EVIDENCE_REF));
    // BM25 relative to the best fact: it orders near-equals, it cannot make an off-topic question on topic.
    const relevance = 0.6 + 0.4 * (score / bestScore);
    const namesOnly =
      [...entry.matched.keys()].every((t) => index.nameTerms.has(t)) &&
      terms.some((t) => !entry.matched.has(t));
    // Ranked by the raw product; reported capped at 1.
    const strength =
      onTopic *
      (0.55 + 0.45 * entry.overlap) *
      relevance *
      kindFactor *
      (namesOnly ? NAMES_ONLY : 1) *
      (speaker && index.subjectTerm.get(factId) === speaker ? SPEAKER_BOOST : 1) *
      (bySideParty(index.subjectTerm.get(factId)) ? SIDE_PARTY_ABSENT : 1) *
      (factId === exactFact ? EXACT_QUESTION_BOOST : 1);
    const confidence = Math.min(1, strength);
    return {
      factId,
      score,
      coverage,
      overlap: entry.overlap,
      confidence,
      strength,
      matchedTerms: [...entry.matched.keys()],
    };
  });
  candidates.sort(
    (a, b) => b.strength - a.strength || b.score - a.score || a.factId.localeCompare(b.factId),
  );
  return {
    kind,
    terms,
    corrections,
    unknownTerms: terms.filter((t) => !everMatched.has(t)),
    otherEntities,
    candidates: candidates.slice(0, 8),
  };
}
