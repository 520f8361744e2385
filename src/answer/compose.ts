/**
 * Ranked facts -> the Answer users see: the best fact's statement, a second
 * one only when it covers part of the question the first does not, their
 * citations, and follow-up questions from the facts' related ids.
 */
import type { Citation } from "../core/reply.ts";
import { expandCitation } from "../facts/citation.ts";
import type { Fact, FactBase } from "../facts/schema.ts";
import type { Answer } from "./types.ts";

export const MAX_ANSWER_LENGTH = 400;

export function citationsOf(facts: Fact[], base: FactBase): Citation[] {
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

export function followUpsOf(facts: Fact[], byId: Map<string, Fact>, limit = 3): string[] {
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

export function composeAnswer(
  facts: Fact[],
  confidence: number,
  base: FactBase,
  byId: Map<string, Fact>,
): Answer {
  let text = "";
  const used: Fact[] = [];
  for (const fact of facts) {
    const next = text ? `${text} ${fact.statement}` : fact.statement;
    if (next.length > MAX_ANSWER_LENGTH) break;
    text = next;
    used.push(fact);
  }
  return {
    answered: true,
    answer: text,
    confidence: Math.round(confidence * 1000) / 1000,
    facts: used.map((f) => f.id),
    citations: citationsOf(used, base),
    followUps: followUpsOf(used, byId),
  };
}
