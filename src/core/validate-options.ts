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
  const cleaned: Record<string, unknown> = {};
  for (const key in raw) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === "string" && stripInvisible(v).trim() === "") continue;
    cleaned[key] = v;
  }
  return cleaned;
}

/**
 * What the option's zod schema returns for `value` when `value` is valid and nothing needs
 * wording, else undefined (and zod decides, and words the problem). Most requests are
 * valid, so most never reach zod's general machinery.
 */
function plainValue(spec: OptionSpec, value: unknown): unknown {
  switch (spec.kind) {
    case "string": {
      if (typeof value !== "string") return undefined;
      const trimmed = value.trim();
      const fits = trimmed.length >= spec.minLength && trimmed.length <= spec.maxLength;
      return fits ? trimmed : undefined;
    }
    case "choice":
      return typeof value === "string" && spec.choices.some((c) => c.value === value)
        ? value
        : undefined;
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
  }
}

/** The options zod would return, when every one given is plainly valid; else undefined. */
function plainOptions(
  specs: readonly [string, OptionSpec][],
  cleaned: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of specs) {
    const given = cleaned[name];
    if (given === undefined) continue; // optional (a missing required one was answered before)
    const value = plainValue(spec, given);
    if (value === undefined) return undefined;
    options[name] = value;
  }
  return options;
}

/** A validator over the registry; each command's zod schema is built once. */
export function createValidator(commands: readonly AnyCommand[]) {
  const schemas = new Map(commands.map((c) => [c.name, schemaOf(c)]));
  const declared = new Map(
    commands.map((c) => [c.name, Object.entries(c.options as Record<string, OptionSpec>)]),
  );
  return (command: AnyCommand, raw: Record<string, unknown>): Validated => {
    const cleaned = withoutBlanks(raw);
    const specs =
      declared.get(command.name) ?? Object.entries(command.options as Record<string, OptionSpec>);
    const missing = specs.find(([k, spec]) => spec.required && cleaned[k] === undefined);
    if (missing)
      return { ok: false, reply: helpFor(command, `Type a ${missing[0]} after /${command.name}.`) };
    const plain = plainOptions(specs, cleaned);
    if (plain) return { ok: true, options: plain };
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
