/**
 * The one rule for free text, whether it came from a Discord mention, a Slack
 * thread or the console: nothing -> help; a leading command word -> that
 * command with the rest; anything else -> the question command.
 */
import type { AnyCommand } from "./define-command.ts";
import type { OptionSpec } from "./options.ts";
import { parseCommandText } from "./parse-text.ts";

export interface TextRoute {
  command: string;
  text: string;
}

/** The command free text goes to: the first one that takes a required string (the question). */
export function questionCommand(commands: readonly AnyCommand[]): AnyCommand | undefined {
  return (
    commands.find((c) =>
      Object.values(c.options as Record<string, OptionSpec>).some(
        (o) => o.kind === "string" && o.required,
      ),
    ) ?? commands[0]
  );
}

/**
 * Whether a bare command word at the start of a sentence means the command:
 * only when it takes what follows ("incident timeline", "ask why ..."), so a
 * question that merely starts with such a word ("help me understand ...",
 * "policy on training?") stays a question.
 */
function takesRest(command: AnyCommand, rest: string): boolean {
  if (!rest) return true;
  const parsed = parseCommandText(command, rest);
  return parsed.ok && Object.keys(parsed.options).length > 0;
}

/** Routes among `commands` (the visible ones); "/name" always names a command, known or not. */
export function routeText(commands: readonly AnyCommand[], text: string): TextRoute {
  const trimmed = text.trim();
  const question = questionCommand(commands)?.name ?? "";
  if (!trimmed) {
    const help = commands.find((c) => c.name === "help");
    return { command: help?.name ?? question, text: "" };
  }
  const first = trimmed.split(/\s+/, 1)[0] ?? "";
  const rest = trimmed.slice(first.length).trim();
  const name = first.replace(/^\//, "").toLowerCase();
  if (first.startsWith("/")) return { command: name, text: rest };
  const named = commands.find((c) => c.name === name);
  if (named && takesRest(named, rest)) return { command: named.name, text: rest };
  return { command: question, text: trimmed };
}
