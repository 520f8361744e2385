import { defineCommand } from "../src/core/define-command.ts";
import type { ChoiceOption, OptionSpec } from "../src/core/options.ts";
import { makeReply } from "../src/core/reply.ts";

/** One usage line per command, built from its declared options. */
export function usageOf(name: string, options: Record<string, OptionSpec>): string {
  const parts = Object.entries(options)
    .filter(([, spec]) => spec.kind !== "boolean")
    .map(([key, spec]) => {
      const label =
        spec.kind === "choice" ? (spec as ChoiceOption).choices.map((c) => c.value).join("|") : key;
      return spec.required ? `<${label}>` : `[${label}]`;
    });
  return [`/${name}`, ...parts].join(" ");
}

export const help = defineCommand({
  name: "help",
  description: "How to use Incident Desk",
  options: {},
  examples: ["help"],
  run(_options, ctx) {
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
      bullets: ctx.commands.map((c) => `${usageOf(c.name, c.options)}: ${c.description}`),
      replay: "help",
    });
  },
});
