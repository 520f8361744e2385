/**
 * The search index over the fact base: one MiniSearch document per alternate
 * question (an FAQ match) and one per fact body (statement and entities),
 * plus the term statistics used to judge how much of a question a fact covers.
 */
import MiniSearch from "minisearch";
import type { Fact, FactBase } from "../facts/schema.ts";
import { tokenize } from "./tokenize.ts";

interface IndexedDoc {
  id: string;
  factId: string;
  question?: string;
  statement?: string;
  entities?: string;
}

export interface FactIndex {
  search: MiniSearch<IndexedDoc>;
  facts: Map<string, Fact>;
  /** How many facts use each term: rare terms weigh more when judging coverage. */
  factFrequency: Map<string, number>;
  factCount: number;
  /** Every canonical question, for autocomplete and suggestions. */
  questions: { text: string; factId: string }[];
}

export function buildFactIndex(base: FactBase): FactIndex {
  const docs: IndexedDoc[] = [];
  const factFrequency = new Map<string, number>();
  for (const fact of base.facts) {
    fact.questions.forEach((question, i) => {
      docs.push({ id: `${fact.id}#q${i}`, factId: fact.id, question });
    });
    docs.push({
      id: `${fact.id}#body`,
      factId: fact.id,
      statement: fact.statement,
      entities: fact.entities.join(" "),
    });
    const terms = new Set(
      tokenize([fact.statement, fact.entities.join(" "), ...fact.questions].join(" ")),
    );
    for (const term of terms) factFrequency.set(term, (factFrequency.get(term) ?? 0) + 1);
  }
  const search = new MiniSearch<IndexedDoc>({
    fields: ["question", "statement", "entities"],
    storeFields: ["factId"],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      boost: { question: 2, entities: 1.5, statement: 1 },
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      prefix: (term) => term.length >= 6,
      weights: { fuzzy: 0.6, prefix: 0.5 },
      combineWith: "OR",
    },
  });
  search.addAll(docs);
  return {
    search,
    facts: new Map(base.facts.map((f) => [f.id, f])),
    factFrequency,
    factCount: base.facts.length,
    questions: base.facts.flatMap((f) => f.questions.map((text) => ({ text, factId: f.id }))),
  };
}
