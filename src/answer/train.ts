/**
 * Fitting the scoring model (model.ts) to labelled questions. Deterministic:
 * full-batch gradient descent from zero, folds by a hash of the question, no
 * randomness. Each question yields its candidate facts, labelled 1 where the
 * fact answers it; a question that must be declined yields only 0s.
 */
import { createHash } from "node:crypto";
import type { AnswerEngine } from "./engine.ts";
import { type Analysis, analyze, type FeatureName, type Features } from "./features.ts";
import {
  ACCEPT_FEATURE_NAMES,
  type AcceptFeatureName,
  type AcceptFeatures,
  acceptFeatures,
  type LogisticModel,
  logit,
  sigmoid,
} from "./model.ts";

export interface LabelledQuestion {
  q: string;
  /** Facts that answer it; empty for a question to decline. Undefined: judge by `isGold`. */
  gold?: ReadonlySet<string>;
  /** For questions labelled by what the answer must say: does this fact say it? */
  isGold?: (factId: string) => boolean;
  /** Leave one of a fact's own questions out of the index while scoring it. */
  exclude?: { factId: string; questionIndex: number };
  /** Precomputed per-fact semantic similarity, for the encoder variants. */
  semantic?: ReadonlyMap<string, number>;
}

export interface Example {
  factId: string;
  features: Features;
  label: 0 | 1;
}

export interface QuestionExamples {
  q: string;
  /** Whether any candidate answers it (else it must be declined). */
  answerable: boolean;
  examples: Example[];
}

/** Candidates weighed per question: the strongest by BM25, as the engine sees them. */
const CANDIDATES_PER_QUESTION = 8;

export function examplesFor(
  engine: AnswerEngine,
  item: LabelledQuestion,
): QuestionExamples | undefined {
  const analysis: Analysis = analyze(engine.index, item.q, {
    exclude: item.exclude,
    semantic: item.semantic,
  });
  const candidates = [...analysis.candidates]
    .sort((a, b) => b.features.relevance - a.features.relevance || a.factId.localeCompare(b.factId))
    .slice(0, CANDIDATES_PER_QUESTION);
  const isGold = (id: string) => (item.gold ? item.gold.has(id) : (item.isGold?.(id) ?? false));
  const examples = candidates.map((c) => ({
    features: c.features,
    factId: c.factId,
    label: (isGold(c.factId) ? 1 : 0) as 0 | 1,
  }));
  const answerable = item.gold ? item.gold.size > 0 : true;
  // A question to answer whose answer is not among the candidates teaches nothing about ranking.
  if (answerable && !examples.some((e) => e.label === 1)) return undefined;
  return { q: item.q, answerable, examples };
}

/** Solves A x = b for a small dense symmetric positive definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[pivot] as number[])[c] as number))
        pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const row = m[c] as number[];
    const d = (row[c] as number) || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] as number[];
      const f = (other[c] as number) / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) other[k] = (other[k] as number) - f * (row[k] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / ((row[i] as number) || 1e-12));
}

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares):
 * a handful of exact steps instead of thousands of small ones, same answer every run.
 * Classes are weighed to count alike, however unbalanced.
 */
export function fitLogistic<Name extends string>(
  names: readonly Name[],
  rows: readonly Readonly<Record<Name, number>>[],
  ys: readonly (0 | 1)[],
  lambda: number,
): LogisticModel<Name> {
  const xs = rows.map((r) => names.map((name) => r[name]));
  const n = names.length;
  const means = names.map((_, j) => xs.reduce((s, x) => s + (x[j] as number), 0) / xs.length);
  const scales = names.map((_, j) => {
    const variance =
      xs.reduce((s, x) => s + ((x[j] as number) - (means[j] as number)) ** 2, 0) / xs.length;
    return Math.sqrt(variance) || 1;
  });
  // Standardised features with a trailing 1 for the bias.
  const zs = xs.map((x) => [
    ...x.map((v, j) => (v - (means[j] as number)) / (scales[j] as number)),
    1,
  ]);
  const positives = ys.filter((y) => y === 1).length || 1;
  const positiveWeight = Math.max(1e-3, (ys.length - positives) / positives);
  const total = ys.reduce((s: number, y) => s + (y === 1 ? positiveWeight : 1), 0);
  const dim = n + 1;
  let beta = new Array<number>(dim).fill(0);
  for (let it = 0; it < 25; it++) {
    const grad = new Array<number>(dim).fill(0);
    const hess = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
    for (let i = 0; i < zs.length; i++) {
      const z = zs[i] as number[];
      let s = 0;
      for (let j = 0; j < dim; j++) s += (beta[j] as number) * (z[j] as number);
      const p = sigmoid(s);
      const w = (ys[i] === 1 ? positiveWeight : 1) / total;
      const err = w * (p - (ys[i] as number));
      const curvature = w * p * (1 - p);
      for (let j = 0; j < dim; j++) {
        grad[j] = (grad[j] as number) + err * (z[j] as number);
        const hj = hess[j] as number[];
        const cj = curvature * (z[j] as number);
        for (let k = 0; k <= j; k++) hj[k] = (hj[k] as number) + cj * (z[k] as number);
      }
    }
    for (let j = 0; j < dim; j++) {
      for (let k = 0; k < j; k++) (hess[k] as number[])[j] = (hess[j] as number[])[k] as number;
      if (j < n) {
        grad[j] = (grad[j] as number) + lambda * (beta[j] as number);
        (hess[j] as number[])[j] = ((hess[j] as number[])[j] as number) + lambda;
      }
    }
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b - (step[j] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    features: [...names],
    means: means.map(round),
    scales: scales.map(round),
    weights: beta.slice(0, n).map(round),
    bias: round(beta[n] as number),
  };
}

/** The ranker: every candidate of every question, labelled 1 where the fact answers. */
export function fitRanker(
  questions: readonly QuestionExamples[],
  features: readonly FeatureName[],
  lambda: number,
): LogisticModel<FeatureName> {
  const rows = questions.flatMap((q) => q.examples);
  return fitLogistic(
    features,
    rows.map((r) => r.features),
    rows.map((r) => r.label),
    lambda,
  );
}

/** Whether two facts are linked in the fact base (either names the other as related). */
export type RelatedFacts = (a: string, b: string) => boolean;

export interface Decision {
  answerable: boolean;
  /** The ranker's best candidate answers the question. */
  topRight: boolean;
  accept: AcceptFeatures;
}

/** How a ranker sees one question: is its best candidate right, and what the acceptor would see. */
export function decisionFor(
  ranker: LogisticModel<FeatureName>,
  q: QuestionExamples,
  related: RelatedFacts,
): Decision | undefined {
  const ranked = q.examples
    .map((e) => ({ e, rankScore: logit(ranker, e.features) }))
    .sort((a, b) => b.rankScore - a.rankScore);
  const best = ranked[0];
  if (!best) return undefined;
  const rival = ranked.slice(1).find((r) => !related(best.e.factId, r.e.factId));
  return {
    answerable: q.answerable,
    topRight: best.e.label === 1,
    accept: acceptFeatures(
      { rankScore: best.rankScore, features: best.e.features },
      rival?.rankScore,
    ),
  };
}

/** The acceptor: answer (1) only where the best candidate is right; decline (0) otherwise. */
export function fitAcceptor(
  decisions: readonly Decision[],
  lambda: number,
): LogisticModel<AcceptFeatureName> {
  return fitLogistic(
    ACCEPT_FEATURE_NAMES,
    decisions.map((d) => d.accept),
    decisions.map((d) => (d.answerable && d.topRight ? 1 : 0)),
    lambda,
  );
}

export interface Decisions {
  /** Answerable questions whose top candidate is right and passes the threshold. */
  answered: number;
  answerable: number;
  /** Questions to decline whose top candidate stays under the threshold. */
  declined: number;
  declinable: number;
}

/** How a scoring model decides questions at a threshold: answered right, or declined. */
export function decide(
  acceptor: LogisticModel<AcceptFeatureName>,
  decisions: readonly Decision[],
  threshold: number,
): Decisions {
  const d: Decisions = { answered: 0, answerable: 0, declined: 0, declinable: 0 };
  for (const q of decisions) {
    const p = sigmoid(logit(acceptor, q.accept));
    if (q.answerable) {
      d.answerable++;
      if (q.topRight && p >= threshold) d.answered++;
    } else {
      d.declinable++;
      if (p < threshold) d.declined++;
    }
  }
  return d;
}

/** Which fold (0..k-1) a question falls in: by a hash of its text, so folds are stable. */
export function foldOf(q: string, k: number): number {
  return createHash("sha256").update(q.toLowerCase()).digest().readUInt32BE(0) % k;
}
