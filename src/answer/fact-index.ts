/**
 * The search index over the fact base: one MiniSearch document per alternate
 * question (an FAQ match) and one per fact body (statement and entities),
 * plus the term statistics used to judge how much of a question a fact covers
 * and the vocabulary that typos are corrected against.
 */
import MiniSearch from "minisearch";
import { type Claim, claimsOf } from "../facts/claims.ts";
import { questionKey } from "../facts/load.ts";
import type { Fact, FactBase } from "../facts/schema.ts";
import type { Vocabulary } from "../facts/vocabulary.ts";
import { createSpeller, type Speller } from "./spell.ts";
import { createTokenizer, type Tokenizer } from "./tokenize.ts";

interface IndexedDoc {
  /** Position in FactIndex.docs: numeric ids keep the per-hit work small. */
  id: number;
  question?: string;
  statement?: string;
  entities?: string;
}

/** What the ranker needs to know about one search document. */
export interface DocInfo {
  factId: string;
  /** Which of the fact's matching questions (see matchingQuestions) this is; -1 for the fact's body. */
  questionIndex: number;
  /** The question's distinct terms (empty for a body). */
  terms: string[];
  /** The sum of those terms' idf weights (see FactIndex.idf). */
  idfTotal: number;
}

export interface FactIndex {
  search: MiniSearch<IndexedDoc>;
  docs: DocInfo[];
  facts: Map<string, Fact>;
  /** Every term each fact uses (statement, entities, questions). */
  factTerms: Map<string, Set<string>>;
  /** How many of a fact's texts (statement, entities, each question) use each term: lets training leave one question out. */
  factTermCounts: Map<string, Map<string, number>>;
  /** How many facts use each term: rare terms weigh more when judging coverage. */
  factFrequency: Map<string, number>;
  /** Each known term's weight: rarer in the fact base, heavier. */
  idf: Map<string, number>;
  factCount: number;
  /** The term of each fact's first entity: who or what the fact is about. */
  subjectTerm: Map<string, string | undefined>;
  /** A fact's own question, as typed (case and punctuation aside) -> that fact. */
  exactQuestions: Map<string, string>;
  /** Every question of every fact, canonical first, for autocomplete. */
  questions: { text: string; factId: string }[];
  speller: Speller;
  /** Terms of the names facts are about (companies, people, products): not what is asked about them. */
  nameTerms: Set<string>;
  /** The two names most facts are about: implied when a question names no one. */
  mainParties: Set<string>;
  /** Names the facts never discuss (other companies, products, people). */
  otherEntities: Set<string>;
  /** Each fact's yes/no claims with their terms, tokenized once here rather than per question. */
  claims: Map<string, { ask: string; answer: Claim["answer"]; terms: Set<string> }[]>;
  tokenizer: Tokenizer;
}

/**
 * Every question a fact is matched against: its own phrasings, then the
 * questions people asked of it (never suggested, see Fact.asked).
 */
export function matchingQuestions(fact: Fact): string[] {
  return [...fact.questions, ...(fact.asked ?? [])];
}

/** The least a known term weighs, however many facts use it. */
const MIN_WEIGHT = 0.3;

export function buildFactIndex(base: FactBase, vocabulary: Vocabulary): FactIndex {
  const tokenizer = createTokenizer(vocabulary);
  const { tokenize, words } = tokenizer;
  // Entities that name a document or rule are topics in themselves, not just names.
  const topicalEntities = new RegExp(vocabulary.topicalEntities, "i");
  const factTermCounts = new Map<string, Map<string, number>>();
  const docs: IndexedDoc[] = [];
  const factFrequency = new Map<string, number>();
  const infos: DocInfo[] = [];
  const factTerms = new Map<string, Set<string>>();
  const wordFrequency = new Map<string, number>();
  const names = new Set<string>();
  const nameTerms = new Set<string>();
  for (const fact of base.facts) {
    const questions = matchingQuestions(fact);
    questions.forEach((question, i) => {
      docs.push({ id: infos.length, question });
      infos.push({
        factId: fact.id,
        questionIndex: i,
        terms: [...new Set(tokenize(question))],
        idfTotal: 0,
      });
    });
    docs.push({ id: infos.length, statement: fact.statement, entities: fact.entities.join(" ") });
    infos.push({ factId: fact.id, questionIndex: -1, terms: [], idfTotal: 0 });
    const texts = [fact.statement, fact.entities.join(" "), ...questions];
    const terms = new Set(tokenize(texts.join(" ")));
    const counts = new Map<string, number>();
    for (const part of texts)
      for (const t of new Set(tokenize(part))) counts.set(t, (counts.get(t) ?? 0) + 1);
    factTermCounts.set(fact.id, counts);
    factTerms.set(fact.id, terms);
    for (const term of terms) factFrequency.set(term, (factFrequency.get(term) ?? 0) + 1);
    // Both the words as written and as rewritten by the aliases are known words;
    // the questions people asked are not a dictionary (they keep their typos).
    const text = [fact.statement, fact.entities.join(" "), ...fact.questions].join(" ");
    const written = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    for (const word of [...written, ...words(text)]) {
      wordFrequency.set(word, (wordFrequency.get(word) ?? 0) + 1);
    }
    for (const word of words(fact.entities.join(" "))) names.add(word);
    for (const entity of fact.entities) {
      if (!topicalEntities.test(entity)) for (const t of tokenize(entity)) nameTerms.add(t);
    }
  }
  const idf = new Map(
    [...factFrequency].map(([t, df]) => [
      t,
      Math.max(MIN_WEIGHT, Math.log(1 + base.facts.length / (1 + df))),
    ]),
  );
  for (const info of infos)
    info.idfTotal = info.terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);
  const search = new MiniSearch<IndexedDoc>({
    fields: ["question", "statement", "entities"],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      // Queries arrive as canonical terms already; split them, don't re-process.
      tokenize: (query) => query.split(" "),
      boost: { question: 2, entities: 1.5, statement: 1 },
      prefix: (term) => term.length >= 6,
      weights: { fuzzy: 0.6, prefix: 0.5 },
      combineWith: "OR",
    },
  });
  search.addAll(docs);
  return {
    search,
    docs: infos,
    subjectTerm: new Map(
      base.facts.map((f) => [f.id, f.entities[0] ? tokenize(f.entities[0])[0] : undefined]),
    ),
    exactQuestions: new Map(
      base.facts.flatMap((f) => f.questions.map((q) => [questionKey(q), f.id] as const)),
    ),
    facts: new Map(base.facts.map((f) => [f.id, f])),
    factFrequency,
    factTerms,
    factTermCounts,
    idf,
    factCount: base.facts.length,
    questions: base.facts.flatMap((f) => f.questions.map((text) => ({ text, factId: f.id }))),
    speller: createSpeller(wordFrequency, names),
    nameTerms,
    mainParties: new Set(
      [...nameTerms]
        .sort(
          (a, b) => (factFrequency.get(b) ?? 0) - (factFrequency.get(a) ?? 0) || a.localeCompare(b),
        )
        .slice(0, 2),
    ),
    otherEntities: new Set(vocabulary.otherEntities.split(/\s+/)),
    claims: new Map(
      base.facts.map((f) => [
        f.id,
        claimsOf(f).map((c) => ({ ...c, terms: new Set(tokenize(c.ask)) })),
      ]),
    ),
    tokenizer,
  };
}
