/**
 * A command's usage from its declared options: "<question>" for a required
 * string, "[summary|timeline|...]" for an optional choice. Booleans are left
 * out: typed text has no switches (Share in channel does that). One builder
 * for the help command and the Slack manifest's usage hints.
 */
import type { AnyCommand } from "./define-command.ts";
import type { OptionSpec } from "./options.ts";

export function usageArguments(command: AnyCommand): string {
  const parts: string[] = [];
  for (const [name, spec] of Object.entries(command.options as Record<string, OptionSpec>)) {
    if (spec.kind === "boolean") continue;
    const inner = spec.kind === "choice" ? spec.choices.map((c) => c.value).join("|") : name;
    parts.push(spec.required ? `<${inner}>` : `[${inner}]`);
  }
  return parts.join(" ");
}

/** "/incident [summary|timeline|...]" */
export function usageLine(command: AnyCommand): string {
  const args = usageArguments(command);
  return args ? `/${command.name} ${args}` : `/${command.name}`;
}
