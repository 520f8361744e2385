import {
  type Answer,
  type Explanation,
  getEngine,
  MAX_QUESTION_LENGTH,
  normalizeQuestion,
  sigmoid,
} from "../src/answer/index.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { option } from "../src/core/options.ts";
import {
  answerReply,
  keepAnswerReply,
  keptAnswerReply,
  type NearMisses,
} from "./shared/replies.ts";

/** What the question alone decides: whether it is a follow-up, the topic it sets, its answer without context. */
interface OnItsOwn {
  followUp: boolean;
  topic: string;
  /** Worked out when first needed (a follow-up with context is answered from that instead). */
  answer?: Answer;
}

/** Per question as typed, so a repeated question is one lookup; bounded (emptied when full). */
const asked = new Map<string, OnItsOwn>();
const ASKED_MAX = 2000;

function onItsOwn(question: string): OnItsOwn {
  let known = asked.get(question);
  if (!known) {
    const engine = getEngine();
    known = { followUp: engine.isFollowUp(question), topic: normalizeQuestion(question) };
    if (asked.size >= ASKED_MAX) asked.clear();
    asked.set(question, known);
  }
  return known;
}

/** The answer without context, worked out once per question. */
function answerOnItsOwn(question: string, known: OnItsOwn): Answer {
  known.answer ??= getEngine().answer(question);
  return known.answer;
}

/** Near misses are kept with an abstention so the operator can see which facts came close. */
function nearMisses(explained: Explanation): NearMisses {
  return explained.scored.slice(0, 3).map((c) => ({
    id: c.factId,
    // The ranker's probability that this fact was the answer.
    score: Math.round(1000 * sigmoid(c.rankScore)) / 1000,
  }));
}

export const ask = defineCommand({
  name: "ask",
  description:
    "Ask anything about OpenAI suspending ByteDance's API account, or the policy behind it",
  options: {
    question: option.string({
      description: "Your question, e.g. why was ByteDance suspended?",
      required: true,
      maxLength: MAX_QUESTION_LENGTH,
      autocomplete: (partial) => getEngine().suggest(partial),
    }),
    public: option.boolean({
      description: "Post the answer in the channel for everyone (default: only you)",
    }),
  },
  examples: [
    "ask why did OpenAI suspend ByteDance?",
    "ask what is Project Seed?",
    "ask can I use GPT output to train my own model?",
  ],
  async run({ question }, ctx) {
    const engine = getEngine();
    const alone = onItsOwn(question);
    // Only a follow-up needs the turn before; anything else is answered (and cached) on its own.
    const previous = alone.followUp ? await ctx.conversation?.recall() : undefined;
    // Without context the answer depends on the question alone, and repeated questions are cached.
    const explained = previous ? engine.explain(question, { previous }) : undefined;
    const answer = explained?.answer ?? answerOnItsOwn(question, alone);
    if (answer.answered) {
      // The subject stays the question that set it, so a chain of follow-ups keeps it.
      const topic = explained?.topic ?? alone.topic;
      await ctx.conversation?.remember({ question: topic, facts: answer.facts });
    }
    if (explained) return answerReply(answer, answer.answered ? undefined : nearMisses(explained));
    // A cached answer (no context) gets the reply kept with it.
    const kept = keptAnswerReply(answer);
    if (kept) return kept;
    const misses = answer.answered ? undefined : nearMisses(engine.explain(question));
    return keepAnswerReply(answer, answerReply(answer, misses));
  },
});
