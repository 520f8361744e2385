/**
 * Chosen facts -> the Answer users see: a direct "Yes"/"No" only where a fact
 * declares the claim it settles, then the facts in a sensible order, their
 * citations and quotes, and follow-up questions from the facts' related ids.
 */
import { expandCitation } from "../facts/citation.ts";
import type { Fact, FactBase } from "../facts/schema.ts";
import type { Answer, Citation, Quote } from "./types.ts";

export const MAX_ANSWER_LENGTH = 600;

const OPENERS = { yes: "Yes.", no: "No.", unknown: "No source says." } as const;

export function citationsOf(facts: readonly Fact[], base: FactBase): Citation[] {
  const sourceById = new Map(base.sources.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const fact of facts) {
    for (const c of fact.citations) {
      const key = `${c.source}|${c.quote ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      citations.push(expandCitation(c, sourceById));
    }
  }
  return citations;
}

export function quotesOf(citations: readonly Citation[]): Quote[] {
  return citations.flatMap((c) =>
    c.quote ? [{ text: c.quote, speaker: c.quoteBy ?? c.publisher, sourceId: c.sourceId }] : [],
  );
}

export function followUpsOf(
  facts: readonly Fact[],
  byId: ReadonlyMap<string, Fact>,
  limit = 3,
): string[] {
  const used = new Set(facts.map((f) => f.id));
  const out: string[] = [];
  for (const fact of facts) {
    for (const id of fact.related) {
      const related = byId.get(id);
      if (!related || used.has(id) || out.length >= limit) continue;
      used.add(id);
      out.push(related.questions[0] as string);
    }
  }
  return out;
}

export interface Composition {
  facts: readonly Fact[];
  confidence: number;
  /** The settled answer to a yes/no question, when a fact declares it. */
  opener?: keyof typeof OPENERS;
  /** The question asks for the exact words: the first fact's quote joins the answer. */
  wording?: boolean;
  /** Which of the first fact's quotes, when it has several and the question names one. */
  quote?: string;
  /** The question asks for a link: the sources' addresses join the answer. */
  links?: boolean;
}

/** The addresses of the answer's sources (at most two), after the text when they fit. */
function withLinks(text: string, citations: readonly Citation[]): string {
  const urls = [...new Set(citations.flatMap((c) => (c.url ? [c.url] : [])))].slice(0, 2);
  if (!urls.length) return text;
  const full = `${text} ${urls.length > 1 ? "Links" : "Link"}: ${urls.join(" and ")}`;
  return full.length <= MAX_ANSWER_LENGTH ? full : text;
}

/**
 * The words asked for: the first fact's one quote (or the one the question
 * names), when its statement does not already hold it, after the statement, or
 * alone with its speaker when both do not fit.
 */
function withWording(
  text: string,
  fact: Fact,
  citations: readonly Citation[],
  named: string | undefined,
): string {
  const own = quotesOf(citations).filter((q) => fact.citations.some((c) => c.quote === q.text));
  // A fact quoting several texts (a comparison) leaves them under their sources, unless one was named.
  const quote = own.find((q) => q.text === named) ?? (own.length === 1 ? own[0] : undefined);
  if (!quote || text.includes(quote.text)) return text;
  const full = `${text} In their words: "${quote.text}"`;
  if (full.length <= MAX_ANSWER_LENGTH) return full;
  const alone = `${quote.speaker}: "${quote.text}"`;
  return alone.length <= MAX_ANSWER_LENGTH ? alone : text;
}

export function composeAnswer(
  { facts, confidence, opener, wording, quote, links }: Composition,
  base: FactBase,
  byId: ReadonlyMap<string, Fact>,
): Answer {
  let text = opener ? OPENERS[opener] : "";
  const used: Fact[] = [];
  for (const fact of facts) {
    const next = text ? `${text} ${fact.statement}` : fact.statement;
    if (next.length > MAX_ANSWER_LENGTH) break;
    text = next;
    used.push(fact);
  }
  const cited = citationsOf(used, base);
  if (wording && used[0]) text = withWording(text, used[0], cited, quote);
  if (links) text = withLinks(text, cited);
  // A quote the answer already gives in full is not printed again under its source.
  const citations = cited.map((c) =>
    c.quote && wording && text.includes(c.quote) ? { ...c, quote: undefined } : c,
  );
  return {
    answered: true,
    answer: text,
    confidence: Math.round(confidence * 1000) / 1000,
    facts: used.map((f) => f.id),
    citations,
    quotes: quotesOf(cited),
    followUps: followUpsOf(used, byId),
  };
}
