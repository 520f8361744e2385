/**
 * Turns the free text after a command name (Slack's `text`, a console line)
 * into options, using the same declarations as Discord's typed options:
 * a leading word that names a choice picks it, the rest is the question.
 */
import type { AnyCommand } from "./define-command.ts";
import type { ChoiceOption, OptionSpec, StringOption } from "./options.ts";

export type ParsedText =
  | { ok: true; options: Record<string, unknown> }
  | { ok: false; problem: string };

interface TextOptions {
  choice?: [string, ChoiceOption];
  str?: [string, StringOption];
}

/** A command's first choice and first string option, looked up once per command. */
const textOptions = new WeakMap<AnyCommand, TextOptions>();

function optionsOf(command: AnyCommand): TextOptions {
  let found = textOptions.get(command);
  if (!found) {
    found = {};
    for (const [name, spec] of Object.entries(command.options as Record<string, OptionSpec>)) {
      if (spec.kind === "choice") found.choice ??= [name, spec];
      if (spec.kind === "string") found.str ??= [name, spec];
    }
    textOptions.set(command, found);
  }
  return found;
}

/** Finds the choice a typed word names: its value, an alias, or a unique prefix. */
function matchChoice(spec: ChoiceOption, word: string): string | undefined {
  const w = word.toLowerCase();
  if (!w) return undefined;
  for (const c of spec.choices) {
    if (c.value === w || c.aliases?.includes(w)) return c.value;
  }
  const prefixed = spec.choices.filter((c) => c.value.startsWith(w));
  return w.length >= 3 && prefixed.length === 1 ? prefixed[0]?.value : undefined;
}

/** Longest piece of the user's own words repeated back (only ever in a private reply). */
export const MAX_ECHO = 40;

function echo(word: string): string {
  return word.length > MAX_ECHO ? `${word.slice(0, MAX_ECHO - 1)}…` : word;
}

export function parseCommandText(command: AnyCommand, text: string): ParsedText {
  const trimmed = text.trim();
  const { choice, str } = optionsOf(command);
  const options: Record<string, unknown> = {};
  if (!trimmed) return { ok: true, options };

  if (choice) {
    const [name, spec] = choice;
    const firstWord = trimmed.split(/\s+/, 1)[0] ?? "";
    const picked = matchChoice(spec, firstWord.replace(/^[-#]+/, ""));
    if (picked) {
      options[name] = picked;
      const rest = trimmed.slice(firstWord.length).trim();
      if (str && rest) options[str[0]] = rest;
      return { ok: true, options };
    }
    if (!str) {
      const valid = spec.choices.map((c) => c.value).join(", ");
      return {
        ok: false,
        problem: `"${echo(firstWord)}" is not a ${name} I know. Try one of: ${valid}.`,
      };
    }
  }
  if (str) options[str[0]] = trimmed;
  return { ok: true, options };
}
