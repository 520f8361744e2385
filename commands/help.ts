import { type AnyCommand, type CommandContext, defineCommand } from "../src/core/define-command.ts";
import { keepReply, makeReply, type Reply } from "../src/core/reply.ts";
import { usageLine } from "../src/core/usage.ts";

export const help = defineCommand({
  name: "help",
  description: "How to use Incident Desk",
  options: {},
  examples: ["help"],
  run(_options, ctx) {
    // Help depends on the platform and the registry alone: built once for each, then kept.
    let byPlatform = kept.get(ctx.commands);
    if (!byPlatform) {
      byPlatform = new Map();
      kept.set(ctx.commands, byPlatform);
    }
    let reply = byPlatform.get(ctx.platform);
    if (!reply) {
      reply = keepReply(helpReply(ctx));
      byPlatform.set(ctx.platform, reply);
    }
    return reply;
  },
});

const kept = new WeakMap<readonly AnyCommand[], Map<CommandContext["platform"], Reply>>();

function helpReply(ctx: CommandContext): Reply {
  const how =
    ctx.platform === "discord"
      ? "Use a slash command, or mention me or send me a direct message with your question."
      : ctx.platform === "slack"
        ? "Use a slash command, or mention me in a channel or send me a direct message: I answer in the thread."
        : "Type a question, or a command such as /incident timeline. An empty line shows this help; /quit or Ctrl+D leaves.";
  return makeReply({
    kind: "help",
    title: "Incident Desk",
    paragraphs: [
      "I answer questions about OpenAI suspending ByteDance's API account in December 2023, and about OpenAI's rule against using its output to build competing models. Every answer names its source; when my sources don't say, I tell you.",
      how,
    ],
    bullets: ctx.commands.map((c) => `${usageLine(c)}: ${c.description}`),
    replay: "help",
  });
}
