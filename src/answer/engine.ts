/**
 * The answer engine: deterministic, offline and explainable. It answers from
 * the fact base or abstains, and never writes a sentence of its own about
 * the incident.
 */
import type { Citation } from "../core/reply.ts";
import type { Fact, FactBase, Source } from "../facts/schema.ts";
import { timelineOf } from "../facts/timeline.ts";
import { citationsOf, composeAnswer, followUpsOf } from "./compose.ts";
import { buildFactIndex, type FactIndex } from "./fact-index.ts";
import { isOffLimits } from "./intent.ts";
import { normalizeQuestion } from "./normalize.ts";
import { type Candidate, type Ranking, rank } from "./rank.ts";
import { tokenize } from "./tokenize.ts";
import type { Answer } from "./types.ts";

/** Below this confidence the engine abstains (calibrated on the eval set). */
export const CONFIDENCE_THRESHOLD = 0.38;
/** A second fact joins the answer only if it covers this much more of the question. */
const SECOND_FACT_GAIN = 0.2;

export const SCOPE =
  "I answer questions about OpenAI suspending ByteDance's API account in December 2023 and OpenAI's rule against using its output to build competing models.";

export interface Explanation {
  question: string;
  normalized: string;
  offLimits: boolean;
  ranking: Ranking;
  candidates: Candidate[];
  threshold: number;
  answer: Answer;
}

export interface AnswerEngine {
  answer(question: string): Answer;
  explain(question: string): Explanation;
  /** The answer made of the given facts, as a follow-up button asks for it. */
  answerFacts(ids: string[]): Answer | undefined;
  /** Known questions that match what the user has typed so far. */
  suggest(partial: string, limit?: number): string[];
  /** Several facts with all their citations and follow-ups, for topic overviews. */
  digest(ids: readonly string[]): Digest;
  /** Facts on the timeline, oldest first. */
  timeline(): Fact[];
  /** The fact whose canonical (first) question this is. */
  factForQuestion(question: string): Fact | undefined;
  readonly sources: readonly Source[];
  /** Questions to offer when the bot cannot answer. */
  readonly starterQuestions: string[];
  readonly index: FactIndex;
}

export interface Digest {
  facts: Fact[];
  citations: Citation[];
  followUps: string[];
}

export function createEngine(base: FactBase, starterIds: string[] = []): AnswerEngine {
  const index = buildFactIndex(base);
  const byId = index.facts;
  const starterQuestions = (
    starterIds.length ? starterIds : base.facts.slice(0, 3).map((f) => f.id)
  )
    .map((id) => byId.get(id)?.questions[0])
    .filter((q): q is string => Boolean(q));

  function abstain(confidence: number): Answer {
    return {
      answered: false,
      answer: `I don't know that: my sources don't cover it. ${SCOPE}`,
      confidence: Math.round(confidence * 1000) / 1000,
      facts: [],
      citations: [],
      followUps: starterQuestions.slice(0, 3),
    };
  }

  function explain(question: string): Explanation {
    const normalized = normalizeQuestion(question);
    const ranking = rank(index, normalized);
    const offLimits = isOffLimits(normalized) || ranking.otherEntities.length > 0;
    const candidates = ranking.candidates;
    const best = candidates[0];
    let answer: Answer;
    if (offLimits || !best || best.confidence < CONFIDENCE_THRESHOLD) {
      answer = abstain(offLimits ? 0 : (best?.confidence ?? 0));
    } else {
      const bestFact = byId.get(best.factId) as Fact;
      const chosen: Fact[] = [bestFact];
      const second = candidates[1];
      if (
        second &&
        second.confidence >= CONFIDENCE_THRESHOLD &&
        bestFact.related.includes(second.factId)
      ) {
        const union = new Set([...best.matchedTerms, ...second.matchedTerms]);
        const gain =
          ranking.terms.filter((t) => union.has(t)).length / ranking.terms.length - best.coverage;
        if (gain >= SECOND_FACT_GAIN) chosen.push(byId.get(second.factId) as Fact);
      }
      answer = composeAnswer(chosen, best.confidence, base, byId);
    }
    return {
      question,
      normalized,
      offLimits,
      ranking,
      candidates,
      threshold: CONFIDENCE_THRESHOLD,
      answer,
    };
  }

  const byCanonicalQuestion = new Map(base.facts.map((f) => [f.questions[0], f]));
  const timeline = timelineOf(base.facts);

  return {
    index,
    starterQuestions,
    answer(question) {
      // Requests the desk never serves skip the search entirely.
      if (isOffLimits(normalizeQuestion(question))) return abstain(0);
      return explain(question).answer;
    },
    sources: base.sources,
    timeline: () => timeline,
    factForQuestion: (question) => byCanonicalQuestion.get(question),
    digest(ids) {
      const facts = ids.map((id) => {
        const fact = byId.get(id);
        if (!fact) throw new Error(`Unknown fact id "${id}"`);
        return fact;
      });
      return { facts, citations: citationsOf(facts, base), followUps: followUpsOf(facts, byId) };
    },
    explain,
    answerFacts(ids) {
      const facts = ids.map((id) => byId.get(id)).filter((f): f is Fact => Boolean(f));
      return facts.length ? composeAnswer(facts, 1, base, byId) : undefined;
    },
    suggest(partial, limit = 25) {
      const text = normalizeQuestion(partial).toLowerCase();
      if (!text) return starterQuestions.concat(index.questions.map((q) => q.text)).slice(0, limit);
      const terms = tokenize(text);
      const hits = terms.length
        ? index.search.search(terms.join(" "), { prefix: true, fuzzy: 0.2, combineWith: "AND" })
        : [];
      const out = new Set<string>();
      for (const q of index.questions) if (q.text.toLowerCase().startsWith(text)) out.add(q.text);
      for (const hit of hits) {
        const doc = index.docs[hit.id as number];
        if (!doc || doc.questionIndex < 0) continue;
        const q = byId.get(doc.factId)?.questions[doc.questionIndex];
        if (q) out.add(q);
        if (out.size >= limit) break;
      }
      return [...out].slice(0, limit);
    },
  };
}
