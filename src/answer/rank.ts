/**
 * Question -> facts ranked by relevance, each with how much of the question it
 * covers. Relevance is MiniSearch's BM25 (fuzzy and prefix matching included)
 * with a boost when the fact answers the kind of question asked; coverage is
 * the share of the question's rare words a fact matches, which is what lets
 * the engine tell "why was ByteDance banned" from "what is ByteDance's revenue".
 */
import type { FactIndex } from "./fact-index.ts";
import { detectKind, type QuestionKind } from "./intent.ts";
import { tokenize } from "./tokenize.ts";

export interface Candidate {
  factId: string;
  /** BM25 relevance with the kind boost. */
  score: number;
  /** Share (0..1) of the question's weighted terms this fact matches. */
  coverage: number;
  matchedTerms: string[];
}

export interface Ranking {
  kind: QuestionKind;
  terms: string[];
  /** Terms that matched nothing in the fact base. */
  unknownTerms: string[];
  candidates: Candidate[];
}

const KIND_BOOST = 1.25;
/** Scores below this share of the best are not worth considering. */
const KEEP_RATIO = 0.2;

export function rank(index: FactIndex, question: string): Ranking {
  const kind = detectKind(question);
  const terms = [...new Set(tokenize(question))];
  if (terms.length === 0) return { kind, terms, unknownTerms: [], candidates: [] };

  const byFact = new Map<string, { question: number; body: number; matched: Set<string> }>();
  for (const hit of index.search.search(terms.join(" "))) {
    const factId = hit.factId as string;
    const entry = byFact.get(factId) ?? { question: 0, body: 0, matched: new Set<string>() };
    if (String(hit.id).endsWith("#body")) entry.body = Math.max(entry.body, hit.score);
    else entry.question = Math.max(entry.question, hit.score);
    for (const t of hit.queryTerms) entry.matched.add(t);
    byFact.set(factId, entry);
  }

  const allMatched = new Set<string>();
  for (const entry of byFact.values()) for (const t of entry.matched) allMatched.add(t);
  const unknownTerms = terms.filter((t) => !allMatched.has(t));

  // Rare terms weigh more; a term the fact base has never seen weighs the most.
  const maxWeight = Math.log(1 + index.factCount);
  const weight = (t: string) => {
    const df = index.factFrequency.get(t);
    return df === undefined ? maxWeight : Math.max(0.3, Math.log(1 + index.factCount / (1 + df)));
  };
  const totalWeight = terms.reduce((sum, t) => sum + weight(t), 0);

  const candidates: Candidate[] = [];
  for (const [factId, entry] of byFact) {
    const fact = index.facts.get(factId);
    if (!fact) continue;
    const boost = fact.kind === kind ? KIND_BOOST : 1;
    const matchedTerms = [...entry.matched];
    const coverage = matchedTerms.reduce((sum, t) => sum + weight(t), 0) / totalWeight;
    candidates.push({
      factId,
      score: (entry.question + 0.5 * entry.body) * boost,
      coverage,
      matchedTerms,
    });
  }
  candidates.sort(
    (a, b) => b.score * b.coverage - a.score * a.coverage || a.factId.localeCompare(b.factId),
  );
  const best = candidates[0]?.score ?? 0;
  return {
    kind,
    terms,
    unknownTerms,
    candidates: candidates.filter((c) => c.score >= best * KEEP_RATIO).slice(0, 8),
  };
}
