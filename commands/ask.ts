import { getEngine, MAX_QUESTION_LENGTH } from "../src/answer/index.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { option } from "../src/core/options.ts";
import { answerReply } from "./shared/replies.ts";

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
    const previous = await ctx.conversation?.recall();
    const explained = getEngine().explain(question, { previous });
    if (explained.answer.answered) {
      // The subject stays the question that set it, so a chain of follow-ups keeps it.
      await ctx.conversation?.remember({ question: explained.topic, facts: explained.answer.facts });
    }
    // Near misses are kept with an abstention so the operator can see which facts came close.
    const nearMisses = explained.scored.slice(0, 3).map((c) => ({
      id: c.factId,
      score: Math.round(c.rankScore * 1000) / 1000,
    }));
    return answerReply(explained.answer, nearMisses);
  },
});
