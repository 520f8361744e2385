/**
 * The answer engine: deterministic, offline and explainable. It answers from
 * the fact base or abstains, and never writes a sentence of its own about
 * the story. Generic: the story's facts, vocabulary and learned weights come
 * in as data.
 */
import { BoundedMap } from "../core/bounded-map.ts";
import { questionKey } from "../facts/load.ts";
import type { Fact, FactBase, Source } from "../facts/schema.ts";
import { timelineOf } from "../facts/timeline.ts";
import type { Vocabulary } from "../facts/vocabulary.ts";
import { citationsOf, composeAnswer, followUpsOf } from "./compose.ts";
import { buildFactIndex, type FactIndex } from "./fact-index.ts";
import { type Analysis, analyze, answersKind, bestClaim, namesOtherEntity } from "./features.ts";
import { createOffLimits, detectKind, isSmallTalk, smallTalkOpener } from "./intent.ts";
import {
  acceptFeatures,
  type Contribution,
  checkModel,
  contributions,
  logit,
  type ScoringModel,
  sigmoid,
} from "./model.ts";
import { normalizeQuestion } from "./normalize.ts";
import {
  askingSentences,
  asksForLink,
  asksForWording,
  asksSomething,
  asksWhatNext,
  isComparison,
  isFollowUp,
  splitParts,
  swappedIn,
  withoutLinkRequest,
  withoutStyleRequest,
} from "./question-shape.ts";
import type { Answer, Citation, Turn } from "./types.ts";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface StoryData {
  base: FactBase;
  vocabulary: Vocabulary;
  model: ScoringModel;
  /** What the desk answers about, said when it declines. */
  scope: string;
  /** Facts whose questions are offered when the bot cannot answer. */
  starterIds?: string[];
}

export interface AskOptions {
  /** The previous turn of this conversation, for follow-ups. */
  previous?: Turn;
  /** Per-fact similarity from a sentence encoder, when one is used (see semantic.ts). */
  semantic?: ReadonlyMap<string, number>;
}

export interface Scored {
  factId: string;
  /** The ranker's log-odds that this fact answers the question. */
  rankScore: number;
  contributions: Contribution[];
  matchedTerms: string[];
}

export interface Acceptance {
  /** The acceptor's probability that the best fact is a right answer. */
  probability: number;
  contributions: Contribution[];
}

export interface Explanation {
  question: string;
  normalized: string;
  offLimits: boolean;
  /** The text that was matched when it differs from the question: a follow-up joined to its context, or the sentences of a long message that ask. */
  resolvedAs?: string;
  /** What the conversation is about after this turn: the question that set the subject, kept through follow-ups. */
  topic: string;
  analysis?: Analysis;
  scored: Scored[];
  acceptance?: Acceptance;
  threshold: number;
  answer: Answer;
}

export interface Digest {
  facts: Fact[];
  citations: Citation[];
  followUps: string[];
}

export interface AnswerEngine {
  answer(question: string, opts?: AskOptions): Answer;
  explain(question: string, opts?: AskOptions): Explanation;
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
  /** A fact's canonical (first) question. */
  canonicalQuestion(factId: string): string | undefined;
  /** Whether a question leans on the turn before ("why?", "and then?"): only then is context worth fetching. */
  isFollowUp(question: string): boolean;
  /**
   * What a question asked without context is about, for the follow-ups after it: the
   * question itself, or only the sentences of a long message that ask (see Explanation.topic).
   */
  topicOf(question: string): string;
  readonly sources: readonly Source[];
  readonly starterQuestions: string[];
  readonly scope: string;
  readonly index: FactIndex;
  readonly model: ScoringModel;
}

/** Whether two facts are linked in the fact base (either names the other as related). */
export function relatedFacts(byId: ReadonlyMap<string, Fact>): (a: string, b: string) => boolean {
  return (a, b) => Boolean(byId.get(a)?.related.includes(b) || byId.get(b)?.related.includes(a));
}

/** At most this many facts in one answer. */
const MAX_FACTS = 3;
/**
 * When two facts tie: the next comes this close to the best in the ranker's log-odds,
 * and the acceptor's probability for the best is under SURE_OF_BEST. Both chosen on the
 * persona sets left out in turn, to keep two-fact answers few: about one answer in
 * seven (README, "Answer quality").
 */
export const TIE_MARGIN = 0.25;
export const SURE_OF_BEST = 0.8;
/** Answers kept for repeated questions: a bot in a busy channel hears the same question often. */
const CACHE_SIZE = 2000;

interface CachedAnswer {
  answer: Answer;
  topic: string;
}

export function createEngine(story: StoryData): AnswerEngine {
  const { base, scope } = story;
  const model = checkModel(story.model);
  const index = buildFactIndex(base, story.vocabulary);
  const byId = index.facts;
  const isOffLimits = createOffLimits(story.vocabulary);
  const isRelated = relatedFacts(byId);
  const timeline = timelineOf(base.facts);
  const starterQuestions = (
    story.starterIds?.length ? story.starterIds : base.facts.slice(0, 3).map((f) => f.id)
  )
    .map((id) => byId.get(id)?.questions[0])
    .filter((q): q is string => Boolean(q));

  function abstain(confidence: number): Answer {
    return {
      answered: false,
      answer: `I don't know that: my sources don't cover it. ${scope}`,
      confidence: Math.round(confidence * 1000) / 1000,
      facts: [],
      citations: [],
      quotes: [],
      followUps: starterQuestions.slice(0, 3),
    };
  }

  /** "hi", "thanks", "what is this?": a greeting or thanks in kind, then what the desk does. */
  function smallTalk(question: string): Answer {
    const opener = smallTalkOpener(question);
    return {
      ...abstain(0),
      answer: `${opener ? `${opener} ` : ""}I'm Incident Desk. ${scope} Ask me a question, for example one of these.`,
      smallTalk: true,
    };
  }

  function score(
    text: string,
    opts: AskOptions,
  ): { analysis: Analysis; scored: Scored[]; acceptance?: Acceptance } {
    const analysis = analyze(index, text, { semantic: opts.semantic });
    const ranked = analysis.candidates
      .map((c) => ({ c, rankScore: logit(model.ranker, c.features) }))
      .sort((a, b) => b.rankScore - a.rankScore || a.c.factId.localeCompare(b.c.factId));
    const scored = ranked.map(({ c, rankScore }) => ({
      factId: c.factId,
      rankScore,
      contributions: contributions(model.ranker, c.features),
      matchedTerms: c.matchedTerms,
    }));
    const best = ranked[0];
    if (!best) return { analysis, scored };
    // The lead over the best rival: a related fact close behind is support, not confusion.
    const rival = ranked.slice(1).find((r) => !isRelated(best.c.factId, r.c.factId));
    const accept = acceptFeatures(
      { rankScore: best.rankScore, features: best.c.features },
      rival?.rankScore,
    );
    const z = logit(model.acceptor, accept);
    return {
      analysis,
      scored,
      acceptance: { probability: sigmoid(z), contributions: contributions(model.acceptor, accept) },
    };
  }

  /** The whole message or only the sentences that ask, whichever the acceptor trusts more. */
  function focusedScore(
    text: string,
    opts: AskOptions,
  ): ReturnType<typeof score> & { readAs: string } {
    const whole = { ...score(text, opts), readAs: text };
    const asking = askingSentences(text);
    if (asking === text) return whole;
    const focused = { ...score(asking, opts), readAs: asking };
    return (focused.acceptance?.probability ?? 0) > (whole.acceptance?.probability ?? 0)
      ? focused
      : whole;
  }

  /**
   * Whether a question leans on the turn before: its shape says so ("why?", "and
   * Microsoft?"), or it asks with no word of its own ("when exactly?", "to who tho"),
   * so with a turn before it, it can only be about that turn. "lol" or "yes" asks
   * nothing, and is not answered with the last answer again.
   */
  function leansOnPrevious(normalized: string): boolean {
    if (isFollowUp(normalized)) return true;
    return index.tokenizer.tokenize(normalized).length === 0 && asksSomething(normalized);
  }

  /** The dated fact after the latest dated fact of the previous turn: "what happened next?". */
  function nextAfter(previous: Turn): Fact | undefined {
    const positions = previous.facts
      .map((id) => timeline.findIndex((f) => f.id === id))
      .filter((i) => i >= 0);
    if (positions.length) return timeline[Math.max(...positions) + 1];
    const first = byId.get(previous.facts[0] ?? "");
    return first ? byId.get(first.related[0] ?? "") : undefined;
  }

  /** The names a question uses, as the facts spell them (longest first): what an "and X?" replaces. */
  const namePatterns = [
    ...new Set(story.base.facts.flatMap((f) => f.entities.map((e) => e.toLowerCase()))),
  ]
    .sort((a, b) => b.length - a.length)
    .map((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`));

  /**
   * "and Microsoft?" after "who was OpenAI's spokesperson": the previous
   * question with its first name swapped for the new one.
   */
  function swapReading(question: string, previous: Turn): string | undefined {
    const swapped = swappedIn(question);
    if (!swapped) return undefined;
    const before = previous.question.toLowerCase();
    const name = namePatterns.find((pattern) => pattern.test(before));
    return name ? before.replace(name, swapped) : undefined;
  }

  /**
   * A follow-up can lean on the previous question, on what the previous answer was
   * about (its facts' first names), on the previous question with a name swapped
   * ("and Microsoft?"), or on nothing ("who confirmed it" stands alone). Each
   * reading is scored and the one the acceptor trusts most wins, but a reading
   * whose best fact ignores every word the user just added is a last resort:
   * "and Microsoft?" is not answered about the spokesperson again.
   */
  function resolveFollowUp(question: string, previous: Turn, opts: AskOptions): string {
    const names = [
      ...new Set(previous.facts.flatMap((id) => byId.get(id)?.entities.slice(0, 2) ?? [])),
    ];
    const own = new Set(index.tokenizer.tokenize(question));
    const readings = [
      swapReading(question, previous),
      `${question} ${previous.question}`,
      `${question} ${names.join(" ")}`,
      question,
    ].filter((r): r is string => Boolean(r));
    let best = { text: question, p: -1, usesOwn: false };
    for (const text of readings) {
      const result = score(text, opts);
      const p = result.acceptance?.probability ?? 0;
      const top = result.scored[0];
      const usesOwn = own.size === 0 || Boolean(top?.matchedTerms.some((t) => own.has(t)));
      if ((usesOwn && !best.usesOwn) || (usesOwn === best.usesOwn && p > best.p))
        best = { text, p, usesOwn };
    }
    return best.text;
  }

  /** "when was that?": the previous answer's own fact, when it carries a date. */
  function datedPrevious(question: string, previous: Turn): Fact | undefined {
    if (detectKind(question) !== "when" || index.tokenizer.tokenize(question).length)
      return undefined;
    const fact = byId.get(previous.facts[0] ?? "");
    return fact && answersKind(fact, "when") ? fact : undefined;
  }

  /** The facts to answer with, best first, or none when nothing reaches the threshold. */
  function choose(
    text: string,
    analysis: Analysis,
    scored: Scored[],
    acceptance?: Acceptance,
  ): Fact[] {
    const best = scored[0];
    if (!best || !acceptance || acceptance.probability < model.threshold) return [];
    // Others stand beside the best only when the ranker finds them likely right too.
    const passing = [best, ...scored.slice(1).filter((s) => s.rankScore >= 0)];
    const chosen = [byId.get(best.factId) as Fact];
    if (isComparison(text)) {
      // Side by side: each further fact must match something of the question the others do not.
      const covered = new Set(best.matchedTerms);
      for (const s of passing.slice(1)) {
        if (chosen.length >= MAX_FACTS) break;
        if (!s.matchedTerms.some((t) => !covered.has(t))) continue;
        for (const t of s.matchedTerms) covered.add(t);
        chosen.push(byId.get(s.factId) as Fact);
      }
      return orderForComparison(chosen);
    }
    const second = passing[1];
    // The ranker cannot tell the best from the next (both likely right, within a hair of
    // each other) and the acceptor is not sure of the best either: both are given, best
    // first, rather than a coin toss between them.
    if (
      second &&
      second.rankScore >= best.rankScore - TIE_MARGIN &&
      acceptance.probability < SURE_OF_BEST
    ) {
      chosen.push(byId.get(second.factId) as Fact);
      return chosen;
    }
    // A related fact joins when it covers part of the question the best one does not.
    const bestFact = chosen[0] as Fact;
    if (second && bestFact.related.includes(second.factId)) {
      const have = new Set(best.matchedTerms);
      const gain = second.matchedTerms.filter((t) => !have.has(t) && analysis.terms.includes(t));
      if (gain.length >= Math.max(1, analysis.terms.length / 4))
        chosen.push(byId.get(second.factId) as Fact);
    }
    return chosen;
  }

  /** Each quote's distinct terms: the quotes are fixed data, so tokenized once each. */
  const quoteTerms = new Map<string, ReadonlySet<string>>();
  function termsOfQuote(quote: string): ReadonlySet<string> {
    let terms = quoteTerms.get(quote);
    if (!terms) {
      terms = new Set(index.tokenizer.tokenize(quote));
      quoteTerms.set(quote, terms);
    }
    return terms;
  }

  /** How many of the question's terms each of a fact's quotes holds, best first. */
  function quoteOverlaps(
    fact: Fact,
    asked: ReadonlySet<string>,
  ): { quote: string; shared: number }[] {
    return fact.citations
      .flatMap((c) => (c.quote ? [c.quote] : []))
      .map((quote) => {
        let shared = 0;
        for (const t of termsOfQuote(quote)) if (asked.has(t)) shared++;
        return { quote, shared };
      })
      .sort((a, b) => b.shared - a.shared);
  }

  /** A quote must hold this many of the question's terms to be the one asked about. */
  const QUOTE_MATCH = 2;

  /**
   * The exact words were asked for and the best fact quotes nothing:
   * - a linked fact that the ranker also finds likely, and that quotes
   *   something, takes the place of one that quotes nothing ("the
   *   spokesperson's statement word for word" wants the statement);
   * - otherwise a candidate whose quote holds the words asked about does
   *   ("the quote about hitting the max allowance").
   */
  function quotedInstead(facts: Fact[], scored: Scored[], asked: ReadonlySet<string>): void {
    const first = facts[0];
    if (!first) return;
    // A fact with quotes of its own keeps its place (quoteAskedFor picks among them).
    if (first.citations.some((c) => c.quote)) return;
    const linked = scored.find((s) => {
      const f = byId.get(s.factId);
      return (
        s.rankScore >= 0 &&
        f !== undefined &&
        isRelated(first.id, f.id) &&
        f.citations.some((c) => c.quote) &&
        !facts.includes(f)
      );
    });
    if (linked) {
      facts[0] = byId.get(linked.factId) as Fact;
      return;
    }
    let best: { fact: Fact; shared: number } | undefined;
    for (const s of scored) {
      const f = byId.get(s.factId);
      if (!f || facts.includes(f)) continue;
      const shared = quoteOverlaps(f, asked)[0]?.shared ?? 0;
      if (shared >= QUOTE_MATCH && shared > (best?.shared ?? 0)) best = { fact: f, shared };
    }
    if (best) facts[0] = best.fact;
  }

  /**
   * Of a fact's several quotes, the one the question is about: the most words
   * in common ("the quote about hitting the max allowance"), when one quote
   * shares more than any other.
   */
  function quoteAskedFor(fact: Fact, asked: ReadonlySet<string>): string | undefined {
    const overlaps = quoteOverlaps(fact, asked);
    const [top, next] = overlaps;
    if (overlaps.length < 2 || !top || top.shared === 0 || top.shared === next?.shared)
      return undefined;
    return top.quote;
  }

  /** Documents and events side by side in time order; undated facts keep their rank. */
  function orderForComparison(facts: Fact[]): Fact[] {
    const dateOf = (f: Fact) => f.when?.date ?? "";
    if (!facts.every((f) => dateOf(f))) return facts;
    return [...facts].sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  }

  function explain(question: string, opts: AskOptions = {}): Explanation {
    const normalized = normalizeQuestion(question);
    const previous = opts.previous;
    const followUp = previous !== undefined && leansOnPrevious(normalized);
    const base: Omit<Explanation, "answer" | "scored"> = {
      question,
      normalized,
      offLimits: false,
      threshold: model.threshold,
      topic: followUp ? previous.question : normalized,
    };
    if (isSmallTalk(normalized)) return { ...base, scored: [], answer: smallTalk(normalized) };
    // A short "why?" is a follow-up only with something before it; alone, it is just unclear.
    if (isOffLimits(normalized))
      return { ...base, offLimits: true, scored: [], answer: abstain(0) };
    // Follow-ups that name their fact outright: the next event, or the date of the last answer.
    const settled = (fact: Fact, resolvedAs: string): Explanation => ({
      ...base,
      resolvedAs,
      scored: [],
      answer: composeAnswer({ facts: [fact], confidence: 1 }, story.base, byId),
    });
    const next = followUp && asksWhatNext(normalized) ? nextAfter(previous) : undefined;
    if (next) return settled(next, `what happened after: ${previous?.question}`);
    const dated = followUp ? datedPrevious(normalized, previous) : undefined;
    if (dated) return settled(dated, `when: ${previous?.question}`);
    const resolved = followUp ? resolveFollowUp(normalized, previous, opts) : normalized;
    // "link to the verge article?" is about the article: the answer then gives its addresses.
    const links = asksForLink(resolved);
    // How to say it ("in plain English", "ELI5") is not what to say; a fact's own question stays whole.
    const text = index.exactQuestions.has(questionKey(resolved))
      ? resolved
      : withoutStyleRequest(links ? withoutLinkRequest(resolved) : resolved);

    // A question in several parts ("who confirmed it and when?") answers each part.
    // ...unless the whole is word for word one of a fact's own questions.
    // ...nor when it names other news: alone, one side of "chatgpt vs claude" looks like this story.
    const asked = splitParts(text);
    const parts =
      followUp ||
      asked.length === 1 ||
      index.exactQuestions.has(questionKey(text)) ||
      namesOtherEntity(index, text)
        ? [text]
        : asked;
    const facts: Fact[] = [];
    let first: ReturnType<typeof focusedScore> | undefined;
    let confidence = 1;
    for (const part of parts) {
      const result = focusedScore(part, opts);
      first ??= result;
      const chosen = choose(part, result.analysis, result.scored, result.acceptance);
      if (!chosen.length) continue;
      confidence = Math.min(confidence, result.acceptance?.probability ?? 0);
      for (const f of chosen) if (!facts.includes(f) && facts.length < MAX_FACTS) facts.push(f);
    }
    const analysis = first?.analysis;
    const scored = first?.scored ?? [];
    const acceptance = first?.acceptance;
    // What was matched, when it is not the question as typed: a follow-up with its
    // context, or only the sentences of a long message that ask.
    const readAs = parts.length === 1 && first ? first.readAs : text;
    const resolvedAs = readAs === normalized ? undefined : readAs;
    if (!facts.length || !analysis) {
      return {
        ...base,
        resolvedAs,
        analysis,
        scored,
        acceptance,
        answer: abstain(acceptance?.probability ?? 0),
      };
    }
    let opener: "yes" | "no" | "unknown" | undefined;
    if (analysis.kind === "yesno" && parts.length === 1) {
      const claim = bestClaim(index, facts[0] as Fact, new Set(analysis.terms));
      // The claim is the question asked, not a neighbour of it: half the words in
      // common, and nothing asked that the claim does not say ("inside China" is
      // not "outside China"). Without an opener the fact still answers.
      if (claim && claim.fit >= 0.5 && claim.covers) opener = claim.answer as typeof opener;
    }
    const wording = asksForWording(normalized);
    // The question's terms, for finding the quote it is about.
    const askedTerms = wording ? new Set(index.tokenizer.tokenize(normalized)) : undefined;
    if (askedTerms) quotedInstead(facts, scored, askedTerms);
    const quote = askedTerms && facts[0] ? quoteAskedFor(facts[0], askedTerms) : undefined;
    const answer = composeAnswer(
      { facts, confidence, opener, wording, quote, links },
      story.base,
      byId,
    );
    // A long message's subject is the question it asked, not the scene it set.
    const topic = followUp ? base.topic : readAs;
    return { ...base, topic, resolvedAs, analysis, scored, acceptance, answer };
  }

  const byCanonicalQuestion = new Map(base.facts.map((f) => [f.questions[0], f]));
  // Only answers that depend on the question alone are cached (no conversation, no encoder).
  const cache = new BoundedMap<string, CachedAnswer>({ max: CACHE_SIZE });
  function cachedAnswer(question: string): CachedAnswer {
    return cache.getOrSet(normalizeQuestion(question).toLowerCase(), () => {
      // Only what a repeat needs: the explanation's analysis would hold the index's terms.
      const { answer, topic } = explain(question);
      return { answer, topic };
    });
  }

  return {
    index,
    model,
    scope,
    starterQuestions,
    sources: base.sources,
    answer: (question, opts) =>
      opts?.previous || opts?.semantic
        ? explain(question, opts).answer
        : cachedAnswer(question).answer,
    topicOf: (question) => cachedAnswer(question).topic,
    explain,
    timeline: () => timeline,
    factForQuestion: (question) => byCanonicalQuestion.get(question),
    canonicalQuestion: (factId) => byId.get(factId)?.questions[0],
    isFollowUp: (question) => leansOnPrevious(normalizeQuestion(question)),
    digest(ids) {
      const facts = ids.map((id) => {
        const fact = byId.get(id);
        if (!fact) throw new Error(`Unknown fact id "${id}"`);
        return fact;
      });
      return { facts, citations: citationsOf(facts, base), followUps: followUpsOf(facts, byId) };
    },
    answerFacts(ids) {
      const facts = ids.map((id) => byId.get(id)).filter((f): f is Fact => Boolean(f));
      return facts.length ? composeAnswer({ facts, confidence: 1 }, base, byId) : undefined;
    },
    suggest(partial, limit = 25) {
      const text = normalizeQuestion(partial).toLowerCase();
      if (!text) return starterQuestions.concat(index.questions.map((q) => q.text)).slice(0, limit);
      const terms = index.tokenizer.tokenize(text);
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
