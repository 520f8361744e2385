import { getEngine } from "../src/answer/index.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { option } from "../src/core/options.ts";
import { makeReply } from "../src/core/reply.ts";
import { answerReply } from "./shared/replies.ts";

/**
 * Hidden: re-creates an answer from fact ids. Button clicks (follow-ups,
 * Sources, Share in channel) carry `fact <ids>` so they work after a restart.
 */
export const fact = defineCommand({
  name: "fact",
  description: "Show the answer made of the given facts",
  hidden: true,
  options: {
    ids: option.string({ description: "Comma-separated fact ids", required: true, maxLength: 200 }),
  },
  examples: [],
  run({ ids }) {
    const answer = getEngine().answerFacts(ids.split(",").map((id) => id.trim()));
    if (!answer) {
      return makeReply({
        kind: "invalid",
        title: "That answer is gone",
        paragraphs: [
          "This button points at an answer I no longer have. Ask the question again with /ask.",
        ],
      });
    }
    return answerReply(answer);
  },
});
