/**
 * The learned scorer, in two steps, both logistic regressions that
 * `npm run train` fits to data (nothing here is tuned by hand):
 * - the ranker weighs a fact's features (features.ts) into how likely that
 *   fact answers the question;
 * - the acceptor looks at the best fact's standing (its rank score, its lead
 *   over the next, how much of the question is unknown...) and decides
 *   whether to answer at all or decline.
 * `explain` shows every feature's value, weight and contribution.
 */
import { FEATURE_NAMES, type FeatureName, type Features } from "./features.ts";

export interface LogisticModel<Name extends string = string> {
  features: readonly Name[];
  /** Standardisation learned with the weights: x' = (x - mean) / scale. */
  means: readonly number[];
  scales: readonly number[];
  weights: readonly number[];
  bias: number;
}

export const ACCEPT_FEATURE_NAMES = [
  "rankScore",
  "lead",
  "unknownShare",
  "otherEntity",
  "coverage",
  "overlap",
  "evidence",
  "kindFit",
  "kindMismatch",
  "namesOnly",
  "sideParty",
  "exact",
  "bm25",
  "termCount",
  "matchedWeight",
  "unknownCount",
] as const;
export type AcceptFeatureName = (typeof ACCEPT_FEATURE_NAMES)[number];
export type AcceptFeatures = Record<AcceptFeatureName, number>;

export interface ScoringModel {
  ranker: LogisticModel<FeatureName>;
  acceptor: LogisticModel<AcceptFeatureName>;
  /** Answer when the acceptor's probability reaches this; chosen for precision on declines. */
  threshold: number;
}

export interface Contribution {
  feature: string;
  value: number;
  weight: number;
  contribution: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The linear score (log-odds) of a logistic model for named feature values. */
export function logit<Name extends string>(
  model: LogisticModel<Name>,
  values: Readonly<Record<Name, number>>,
): number {
  let z = model.bias;
  for (let i = 0; i < model.features.length; i++) {
    const name = model.features[i] as Name;
    z +=
      ((model.weights[i] as number) * (values[name] - (model.means[i] as number))) /
      (model.scales[i] as number);
  }
  return z;
}

export function contributions<Name extends string>(
  model: LogisticModel<Name>,
  values: Readonly<Record<Name, number>>,
): Contribution[] {
  return model.features.map((feature, i) => {
    const value = values[feature];
    const weight = (model.weights[i] as number) / (model.scales[i] as number);
    return { feature, value, weight, contribution: weight * (value - (model.means[i] as number)) };
  });
}

/**
 * What the acceptor sees of a question: the best fact's rank score and lead,
 * and how well it covers the question.
 */
export function acceptFeatures(
  best: { rankScore: number; features: Features },
  secondRankScore: number | undefined,
): AcceptFeatures {
  return {
    rankScore: best.rankScore,
    // No runner-up: the lead is as large as we ever count it.
    lead: Math.min(6, best.rankScore - (secondRankScore ?? best.rankScore - 6)),
    unknownShare: best.features.unknownShare,
    otherEntity: best.features.otherEntity,
    coverage: best.features.coverage,
    overlap: best.features.overlap,
    evidence: best.features.evidence,
    kindFit: best.features.kindFit,
    kindMismatch: best.features.kindMismatch,
    namesOnly: best.features.namesOnly,
    sideParty: best.features.sideParty,
    exact: best.features.exact,
    bm25: best.features.bm25,
    termCount: best.features.termCount,
    matchedWeight: best.features.matchedWeight,
    unknownCount: best.features.unknownCount,
  };
}

function checkLogistic(model: LogisticModel, known: readonly string[], part: string): void {
  for (const name of model.features) {
    if (!known.includes(name))
      throw new Error(
        `Scoring model (${part}) names an unknown feature "${name}": run npm run train`,
      );
  }
  const n = model.features.length;
  if (model.weights.length !== n || model.means.length !== n || model.scales.length !== n)
    throw new Error(`Scoring model (${part}) weights do not match its features: run npm run train`);
}

/** Checks a weights file against the features this engine computes. */
export function checkModel(model: ScoringModel): ScoringModel {
  checkLogistic(model.ranker, FEATURE_NAMES, "ranker");
  checkLogistic(model.acceptor, ACCEPT_FEATURE_NAMES, "acceptor");
  return model;
}
