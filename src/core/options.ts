/**
 * Option kinds a command can declare. One declaration feeds the Discord
 * slash-command JSON, Slack text parsing, the Slack manifest usage hint, the
 * console help and zod validation.
 */
import { z } from "zod";

export interface Choice {
  value: string;
  /** Shown next to the choice in help and Discord's picker. */
  description: string;
  /** Other words that pick this choice when typed as text (Slack, console). */
  aliases?: string[];
}

interface BaseOption {
  description: string;
  required: boolean;
}

export interface StringOption extends BaseOption {
  kind: "string";
  minLength: number;
  maxLength: number;
  /** Offers completions while the user types (Discord autocomplete). */
  autocomplete?: (partial: string) => string[];
}

export interface ChoiceOption extends BaseOption {
  kind: "choice";
  choices: Choice[];
}

export interface BooleanOption extends BaseOption {
  kind: "boolean";
}

export type OptionSpec = StringOption | ChoiceOption | BooleanOption;

type Spec<O extends OptionSpec> = Omit<O, "kind" | "required" | "minLength"> & {
  minLength?: number;
};

/** Builders that keep `required: true` as a literal, so `run` gets non-optional types. */
export const option = {
  string<const R extends boolean = false>(
    spec: Spec<StringOption> & { required?: R },
  ): StringOption & { required: R } {
    return { kind: "string", minLength: 1, ...spec, required: (spec.required ?? false) as R };
  },
  choice<const R extends boolean = false>(
    spec: Spec<ChoiceOption> & { required?: R },
  ): ChoiceOption & { required: R } {
    return { kind: "choice", ...spec, required: (spec.required ?? false) as R };
  },
  boolean<const R extends boolean = false>(
    spec: Spec<BooleanOption> & { required?: R },
  ): BooleanOption & { required: R } {
    return { kind: "boolean", ...spec, required: (spec.required ?? false) as R };
  },
};

/** The TypeScript value type of one declared option. */
export type OptionValue<O extends OptionSpec> = O extends BooleanOption
  ? boolean
  : O extends ChoiceOption
    ? string
    : string;

export type OptionValues<Opts extends Record<string, OptionSpec>> = {
  [K in keyof Opts]: Opts[K]["required"] extends true
    ? OptionValue<Opts[K]>
    : OptionValue<Opts[K]> | undefined;
};

/** The zod schema for one option; strings are trimmed before length checks. */
export function optionSchema(spec: OptionSpec): z.ZodType {
  let schema: z.ZodType;
  switch (spec.kind) {
    case "string":
      schema = z
        .string()
        .trim()
        .min(spec.minLength, `must not be empty`)
        .max(spec.maxLength, `must be at most ${spec.maxLength} characters`);
      break;
    case "choice": {
      const values = spec.choices.map((c) => c.value) as [string, ...string[]];
      schema = z.enum(values, {
        error: () => `must be one of: ${values.join(", ")}`,
      });
      break;
    }
    case "boolean":
      schema = z.boolean();
      break;
  }
  return spec.required ? schema : schema.optional();
}
