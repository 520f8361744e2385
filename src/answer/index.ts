import { factBase } from "../facts/index.ts";
import { type AnswerEngine, createEngine } from "./engine.ts";

export type { AnswerEngine, Explanation } from "./engine.ts";
export { CONFIDENCE_THRESHOLD, createEngine, SCOPE } from "./engine.ts";
export { MAX_QUESTION_LENGTH, normalizeQuestion } from "./normalize.ts";
export type { Answer } from "./types.ts";

/** Facts whose questions are offered when the bot cannot answer. */
export const STARTER_FACT_IDS = ["incident.suspension", "incident.reason", "policy.rule"];

let shared: AnswerEngine | undefined;

/** The engine over the shipped fact base, built on first use. */
export function getEngine(): AnswerEngine {
  shared ??= createEngine(factBase, STARTER_FACT_IDS);
  return shared;
}
