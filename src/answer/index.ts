import { type FactBase, factBase } from "../facts/index.ts";
import { scoringModel } from "../facts/scoring-model.ts";
import { STARTER_FACT_IDS, STORY_SCOPE } from "../facts/story.ts";
import { vocabulary } from "../facts/vocabulary.ts";
import { type AnswerEngine, createEngine } from "./engine.ts";
import type { ScoringModel } from "./model.ts";
import { createTokenizer } from "./tokenize.ts";

export type { AnswerEngine, AskOptions, Explanation, StoryData } from "./engine.ts";
export { createEngine } from "./engine.ts";
export { sigmoid } from "./model.ts";
export { MAX_QUESTION_LENGTH, normalizeQuestion } from "./normalize.ts";
export type { Answer, Citation, Quote, Turn } from "./types.ts";

export const SCOPE = STORY_SCOPE;

let shared: AnswerEngine | undefined;

/**
 * An engine over the shipped story's vocabulary, scope and starters, with its
 * facts and learned weights unless others are given (training and the ablation
 * try other ones).
 */
export function storyEngine(opts: { base?: FactBase; model?: ScoringModel } = {}): AnswerEngine {
  return createEngine({
    base: opts.base ?? factBase,
    vocabulary,
    model: opts.model ?? scoringModel,
    scope: STORY_SCOPE,
    starterIds: STARTER_FACT_IDS,
  });
}

/** The engine over the shipped story (facts, vocabulary, learned weights), built on first use. */
export function getEngine(): AnswerEngine {
  shared ??= storyEngine();
  return shared;
}

/** The story's tokenizer, for grouping similar questions (npm run unanswered). */
export const tokenize = createTokenizer(vocabulary).tokenize;
