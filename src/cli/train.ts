/**
 * `train`: learns from questions and writes two generated files into the
 * story's folder:
 * - src/facts/asked-questions.ts: each question people asked (train/asked/)
 *   filed under the fact that answers it, so the index matches it;
 * - src/facts/scoring-model.ts: the scoring model.
 * Data: every fact's phrasings and asked questions (each scored with itself
 * left out of the index), the dev set and train/asked/ (a fact is right when
 * it says what the item must say) and train/negatives.json (questions to
 * decline). Never the holdout or blind sets. 5-fold cross-validation picks
 * the L2 penalty and the threshold; the figures are printed.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type AnswerEngine, relatedFacts } from "../answer/engine.ts";
import { buildFactIndex, matchingQuestions } from "../answer/fact-index.ts";
import { analyze, FEATURE_NAMES, type FeatureName } from "../answer/features.ts";
import { getEngine, normalizeQuestion, storyEngine } from "../answer/index.ts";
import type { AcceptFeatureName, LogisticModel, ScoringModel } from "../answer/model.ts";
import { asksTwoThings } from "../answer/question-shape.ts";
import {
  type Decision,
  type Decisions,
  decide,
  decisionFor,
  examplesFor,
  fitAcceptor,
  fitRanker,
  foldOf,
  type LabelledQuestion,
  type QuestionExamples,
} from "../answer/train.ts";
import { factBase } from "../facts/index.ts";
import { withAsked } from "../facts/load.ts";
import { vocabulary } from "../facts/vocabulary.ts";
import { type Io, parseCommandLine, stdio } from "./args.ts";
import { loadEvalSet } from "./eval.ts";
import { type EvalItem, SOURCES_SILENT } from "./eval-schema.ts";

const MODEL_FILE = new URL("../facts/scoring-model.ts", import.meta.url);
const ASKED_FILE = new URL("../facts/asked-questions.ts", import.meta.url);
/**
 * Questions people asked, in the eval sets' format, written from FACTS.md by
 * people who never saw the engine (persona sets). Answer and honest items are
 * filed under the fact that answers them; abstain items are training negatives.
 */
const ASKED_DIR = "train/asked";
const DEV_SET = "test/eval/questions.json";
const NEGATIVES = "train/negatives.json";
/**
 * Everyday chat around a question ("hey so ...", "for a school report i need
 * this: ..."). Some training questions are also asked wrapped in one, answerable
 * and declinable alike, so that filler words neither make nor break an answer.
 */
const WRAPPERS = "train/wrappers.json";
const FOLDS = 5;
const LAMBDAS = [0.00001, 0.0001, 0.001];
/**
 * The share of questions to decline that must be declined (out of fold) when
 * choosing the threshold. train/negatives.json is deliberately harder than what
 * people ask (near-domain questions and traps full of the story's own names), so
 * 92% on it is the precision we want on real traffic.
 */
const DECLINE_FLOOR = 0.92;

/** The lexical model: every feature but the encoder's (see semantic.ts for that variant). */
export const LEXICAL_FEATURES = FEATURE_NAMES.filter((f) => f !== "semantic");

/** Every question set in train/asked/, in file-name order. */
export function askedSets(): EvalItem[] {
  return readdirSync(ASKED_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => loadEvalSet(`${ASKED_DIR}/${f}`));
}

/** What a right answer to an item must say: its `must`, or for a known unknown, that the sources are silent. */
function mustOf(item: EvalItem): RegExp[] {
  const patterns = item.expect === "honest" ? (item.must ?? [SOURCES_SILENT]) : (item.must ?? []);
  return patterns.map((p) => new RegExp(p, "i"));
}

/**
 * Files each asked question (one that stands alone) under the fact that
 * answers it: of the facts whose statement says what the item must say, the
 * one the search ranks first (BM25 over the facts and their own phrasings).
 * No learned weights take part, so the filing depends on the data alone and
 * a test can check that the generated file is current.
 */
export function fileAskedQuestions(items: readonly EvalItem[]): Record<string, string[]> {
  const index = buildFactIndex({ ...factBase, facts: withAsked(factBase.facts, {}) }, vocabulary);
  const filed: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const item of items) {
    if (item.expect === "abstain" || item.after?.length) continue;
    // "when and why ...?" needs two facts: filed under one, its few words would
    // pull plain "why ...?" questions to that one.
    if (asksTwoThings(item.q)) continue;
    const key = item.q.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const must = mustOf(item);
    const says = (id: string) => {
      const statement = index.facts.get(id)?.statement ?? "";
      return must.every((p) => p.test(statement));
    };
    // A known unknown belongs with a fact about a gap in the sources, not with
    // one that happens to mention a gap ("temporary, not permanent").
    const fits = (id: string) =>
      says(id) && (item.expect !== "honest" || index.facts.get(id)?.firmness === "unknown");
    const best = analyze(index, normalizeQuestion(item.q))
      .candidates.filter((c) => fits(c.factId))
      .sort(
        (a, b) => b.features.relevance - a.features.relevance || a.factId.localeCompare(b.factId),
      )[0];
    if (best) filed[best.factId] = [...(filed[best.factId] ?? []), item.q];
  }
  return Object.fromEntries(Object.entries(filed).sort(([a], [b]) => a.localeCompare(b)));
}

/** The shipped story's engine with these asked questions in its index. */
export function engineWithAsked(asked: Record<string, string[]>): AnswerEngine {
  return storyEngine({ base: { ...factBase, facts: withAsked(factBase.facts, asked) } });
}

export function trainingQuestions(
  engine: AnswerEngine = getEngine(),
  semanticFor?: (q: string) => ReadonlyMap<string, number>,
): LabelledQuestion[] {
  const items: LabelledQuestion[] = [];
  const withSemantic = (q: string) => (semanticFor ? { semantic: semanticFor(q) } : {});
  const wrappers = z
    .array(z.string().includes("{q}"))
    .parse(JSON.parse(readFileSync(WRAPPERS, "utf8")));
  let seen = 0;
  /** Every third question again, inside the next wrapper in turn. */
  const wrap = (q: string): string | undefined => {
    if (seen++ % 3 !== 1) return undefined;
    const wrapper = wrappers[seen % wrappers.length] as string;
    return wrapper.replace("{q}", q.replace(/[?.!]+$/, ""));
  };
  // Where each phrasing or asked question sits in its fact's index, to leave it out.
  const position = new Map<string, { factId: string; questionIndex: number }>();
  for (const fact of engine.index.facts.values()) {
    const own = new Set(fact.questions);
    matchingQuestions(fact).forEach((q, questionIndex) => {
      const exclude = { factId: fact.id, questionIndex };
      position.set(q, exclude);
      if (!own.has(q)) return; // asked questions are trained below, labelled by what they must say
      items.push({ q, gold: new Set([fact.id]), exclude, ...withSemantic(q) });
      const long = wrap(q);
      if (long) items.push({ q: long, gold: new Set([fact.id]), exclude, ...withSemantic(long) });
    });
  }
  const statementOf = (id: string) => engine.index.facts.get(id)?.statement ?? "";
  for (const item of [...loadEvalSet(DEV_SET), ...askedSets()]) {
    if (item.after?.length) continue; // follow-ups need their context: not a single-question example
    if (item.expect === "abstain") {
      items.push({ q: item.q, gold: new Set(), ...withSemantic(item.q) });
      continue;
    }
    const must = mustOf(item);
    const exclude = position.get(item.q);
    items.push({
      q: item.q,
      isGold: (id) => must.every((p) => p.test(statementOf(id))),
      ...(exclude ? { exclude } : {}),
      ...withSemantic(item.q),
    });
  }
  const negatives = z
    .array(z.object({ q: z.string() }))
    .parse(JSON.parse(readFileSync(NEGATIVES, "utf8")));
  for (const n of negatives) {
    items.push({ q: n.q, gold: new Set(), ...withSemantic(n.q) });
    const long = wrap(n.q);
    if (long) items.push({ q: long, gold: new Set(), ...withSemantic(long) });
  }
  return items;
}

export interface TrainResult {
  model: ScoringModel;
  lambda: number;
  crossValidated: Decisions;
  examples: number;
  questions: number;
}

const emptyDecisions = (): Decisions => ({
  answered: 0,
  answerable: 0,
  declined: 0,
  declinable: 0,
});

/**
 * Out-of-fold stacking: for each fold, a ranker fitted on the other folds ranks
 * the fold's questions; the acceptor learns from those unseen rankings, so it
 * judges the ranker as it will be on new questions. The threshold is the one
 * that answers most while at least 95% of the questions to decline are declined.
 */
export function train(
  items: LabelledQuestion[],
  features: readonly FeatureName[],
  engine: AnswerEngine = getEngine(),
): TrainResult {
  const related = relatedFacts(engine.index.facts);
  const all = items
    .map((i) => examplesFor(engine, i))
    .filter((q): q is QuestionExamples => Boolean(q));
  const folds = all.map((q) => foldOf(q.q, FOLDS));
  let best: { lambda: number; score: number; threshold: number; cv: Decisions } | undefined;
  for (const lambda of LAMBDAS) {
    const outOfFold: Decision[][] = [];
    for (let k = 0; k < FOLDS; k++) {
      const ranker = fitRanker(
        all.filter((_, i) => folds[i] !== k),
        features,
        lambda,
      );
      outOfFold.push(
        all.filter((_, i) => folds[i] === k).flatMap((q) => decisionFor(ranker, q, related) ?? []),
      );
    }
    // The acceptor too is judged on folds it did not see.
    const acceptors = outOfFold.map((_, k) =>
      fitAcceptor(outOfFold.filter((_, j) => j !== k).flat(), lambda),
    );
    let bestForLambda = { threshold: 0.5, score: -1, cv: emptyDecisions() };
    for (let t = 0.05; t <= 0.951; t += 0.01) {
      const cv = emptyDecisions();
      outOfFold.forEach((decisions, k) => {
        const d = decide(acceptors[k] as LogisticModel<AcceptFeatureName>, decisions, t);
        cv.answered += d.answered;
        cv.answerable += d.answerable;
        cv.declined += d.declined;
        cv.declinable += d.declinable;
      });
      const declineRate = cv.declined / (cv.declinable || 1);
      const score =
        (declineRate >= DECLINE_FLOOR ? 1 : 0) + cv.answered / (cv.answerable || 1) + declineRate;
      if (score > bestForLambda.score + 1e-9)
        bestForLambda = { threshold: Math.round(t * 100) / 100, score, cv };
    }
    if (!best || bestForLambda.score > best.score + 1e-9) best = { lambda, ...bestForLambda };
  }
  const chosen = best as NonNullable<typeof best>;
  // The final acceptor learns from out-of-fold rankings of every question; the final ranker from all.
  const outOfFold: Decision[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const ranker = fitRanker(
      all.filter((_, i) => folds[i] !== k),
      features,
      chosen.lambda,
    );
    for (const q of all.filter((_, i) => folds[i] === k)) {
      const d = decisionFor(ranker, q, related);
      if (d) outOfFold.push(d);
    }
  }
  const model: ScoringModel = {
    ranker: fitRanker(all, features, chosen.lambda),
    acceptor: fitAcceptor(outOfFold, chosen.lambda),
    threshold: chosen.threshold,
  };
  return {
    model,
    lambda: chosen.lambda,
    crossValidated: chosen.cv,
    examples: all.reduce((s, q) => s + q.examples.length, 0),
    questions: all.length,
  };
}

export function modelSource(model: ScoringModel): string {
  return `// Generated by \`npm run train\` from the fact base, the dev set, train/asked/ and train/negatives.json. Do not edit.
import type { ScoringModel } from "../answer/model.ts";

export const scoringModel: ScoringModel = ${JSON.stringify(model, null, 2)};
`;
}

export function askedSource(asked: Record<string, string[]>): string {
  return `// Generated by \`npm run train\` from ${ASKED_DIR}/*.json. Do not edit.
export const askedQuestions: Record<string, string[]> = ${JSON.stringify(asked, null, 2)};
`;
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : "n/a");

const USAGE = `Usage: npm run train -- [--dry-run]

  Fits the answer engine's scoring model and writes src/facts/scoring-model.ts.
  --dry-run  print the figures without writing the model`;

export async function runTrainCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(
    argv,
    { usage: USAGE, options: { "dry-run": { type: "boolean" } } },
    io,
  );
  if (typeof args === "number") return args;
  const { values } = args;
  const started = performance.now();
  const asked = fileAskedQuestions(askedSets());
  const engine = engineWithAsked(asked);
  const result = train(trainingQuestions(engine), LEXICAL_FEATURES, engine);
  const cv = result.crossValidated;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `Trained on ${result.questions} questions (${result.examples} question-fact pairs) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  out(`L2 penalty ${result.lambda}, acceptance threshold ${result.model.threshold}`);
  out(
    `Cross-validated (${FOLDS} folds): answered right ${cv.answered}/${cv.answerable} (${pct(cv.answered, cv.answerable)}%), declined ${cv.declined}/${cv.declinable} (${pct(cv.declined, cv.declinable)}%)`,
  );
  for (const [part, m] of [
    ["Ranker", result.model.ranker],
    ["Acceptor", result.model.acceptor],
  ] as const) {
    out(`${part} weights (per standardised feature):`);
    m.features.forEach((f, i) => {
      out(`  ${f.padEnd(18)} ${(m.weights[i] as number).toFixed(3)}`);
    });
  }
  const filed = Object.values(asked).reduce((n, qs) => n + qs.length, 0);
  out(`Asked questions filed under their facts: ${filed} (from ${ASKED_DIR}/)`);
  if (!values["dry-run"]) {
    writeFileSync(MODEL_FILE, modelSource(result.model));
    writeFileSync(ASKED_FILE, askedSource(asked));
    // Formatted as the rest of the code, so the generated files pass the lint step.
    execFileSync(
      "npx",
      ["biome", "format", "--write", fileURLToPath(MODEL_FILE), fileURLToPath(ASKED_FILE)],
      { stdio: "ignore" },
    );
    out(`Wrote ${MODEL_FILE.pathname} and ${ASKED_FILE.pathname}`);
  }
  return 0;
}
