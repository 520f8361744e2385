import { type Explanation, getEngine, MAX_QUESTION_LENGTH, sigmoid } from "../src/answer/index.ts";
import { BoundedMap } from "../src/core/bounded-map.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { option } from "../src/core/options.ts";
import {
  answerReply,
  keepAnswerReply,
  keptAnswerReply,
  type NearMisses,
} from "./shared/replies.ts";

/** Whether a question as typed leans on the turn before, per question: a repeated one is one lookup. */
const followUps = new BoundedMap<string, boolean>({ max: 2000 });

function isFollowUp(question: string): boolean {
  return followUps.getOrSet(question, (q) => getEngine().isFollowUp(q));
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
    // Only a follow-up needs the turn before; anything else is answered (and cached) on its own.
    const previous = isFollowUp(question) ? await ctx.conversation?.recall() : undefined;
    // Without context the answer depends on the question alone, and repeated questions are cached.
    const explained = previous ? engine.explain(question, { previous }) : undefined;
    const answer = explained?.answer ?? engine.answer(question);
    if (answer.answered) {
      // The subject stays the question that set it, so a chain of follow-ups keeps it.
      const topic = explained?.topic ?? engine.topicOf(question);
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
