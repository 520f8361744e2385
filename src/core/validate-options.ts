/**
 * Raw options (Discord's typed values, or what parse-text made of free text)
 * -> the command's validated options, or a reply that says what is wrong.
 */
import { z } from "zod";
import type { AnyCommand } from "./define-command.ts";
import { helpFor, invalid } from "./dispatch-replies.ts";
import { type OptionSpec, optionSchema } from "./options.ts";
import type { Reply } from "./reply.ts";
import { stripInvisible } from "./sanitize.ts";

export type Validated =
  | { ok: true; options: Record<string, unknown> }
  | { ok: false; reply: Reply };

const OPTION_LABELS: Record<string, string> = { question: "Your question" };

function describeIssue(name: string, issue: z.core.$ZodIssue, value: unknown): string {
  const label = OPTION_LABELS[name] ?? `The ${name} option`;
  if (issue.code === "too_big" && typeof value === "string") {
    return `${label} is too long: the limit is ${issue.maximum} characters and yours has ${value.trim().length}. Please shorten it.`;
  }
  if (issue.code === "invalid_type" && value === undefined) return `${label} is required.`;
  return `${label} ${issue.message}.`;
}

function schemaOf(command: AnyCommand): z.ZodType {
  const specs = Object.entries(command.options as Record<string, OptionSpec>);
  return z.object(Object.fromEntries(specs.map(([k, spec]) => [k, optionSchema(spec)])));
}

/**
 * Drops empty values so "optional and blank" means "not given"; text that is
 * only zero-width or control characters counts as blank too.
 */
function withoutBlanks(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).filter(
      ([, v]) =>
        v !== undefined &&
        v !== null &&
        !(typeof v === "string" && stripInvisible(v).trim() === ""),
    ),
  );
}

/** A validator over the registry; each command's zod schema is built once. */
export function createValidator(commands: readonly AnyCommand[]) {
  const schemas = new Map(commands.map((c) => [c.name, schemaOf(c)]));
  return (command: AnyCommand, raw: Record<string, unknown>): Validated => {
    const cleaned = withoutBlanks(raw);
    const specs = Object.entries(command.options as Record<string, OptionSpec>);
    const missing = specs.find(([k, spec]) => spec.required && cleaned[k] === undefined);
    if (missing)
      return { ok: false, reply: helpFor(command, `Type a ${missing[0]} after /${command.name}.`) };
    const parsed = (schemas.get(command.name) ?? schemaOf(command)).safeParse(cleaned);
    if (parsed.success) return { ok: true, options: parsed.data as Record<string, unknown> };
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const name = String(issue.path[0] ?? "input");
    return {
      ok: false,
      reply: invalid("That didn't work", describeIssue(name, issue, cleaned[name])),
    };
  };
}
