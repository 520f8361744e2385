/**
 * The validator's quick path (options that are plainly valid skip zod's
 * general machinery) agrees with the zod schemas: for any options given to
 * any registered command, it accepts exactly what zod accepts, with the same
 * values, and anything else still gets zod's worded problem.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { type OptionSpec, optionSchema } from "../../src/core/options.ts";
import { stripInvisible } from "../../src/core/sanitize.ts";
import { createValidator } from "../../src/core/validate-options.ts";
import { hostileText } from "../support/text-arbitraries.ts";

const choices = commands.flatMap((c) =>
  Object.values(c.options as Record<string, OptionSpec>).flatMap((spec) =>
    spec.kind === "choice" ? spec.choices.map((choice) => choice.value) : [],
  ),
);

/** Values an option may arrive with: text of every length, choices (padded or not), other types. */
const value = fc.oneof(
  hostileText,
  fc.string({ maxLength: 600 }),
  fc
    .tuple(fc.constantFrom(" ", "", "\t"), fc.constantFrom(...choices), fc.constantFrom("", " "))
    .map(([a, choice, b]) => `${a}${choice}${b}`),
  fc.constantFrom(...choices),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(null, undefined),
);

const optionNames = [
  ...new Set(commands.flatMap((c) => Object.keys(c.options as Record<string, OptionSpec>))),
  "unknown",
];

/** What zod alone makes of the options, after the validator's own blank-dropping. */
function zodAlone(specs: Record<string, OptionSpec>, raw: Record<string, unknown>) {
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(
      ([, v]) => v != null && !(typeof v === "string" && stripInvisible(v).trim() === ""),
    ),
  );
  const schema = z.object(
    Object.fromEntries(Object.entries(specs).map(([k, spec]) => [k, optionSchema(spec)])),
  );
  return schema.safeParse(cleaned);
}

test("the validator accepts exactly what zod accepts, with the same values", () => {
  const validate = createValidator(commands);
  fc.assert(
    fc.property(
      fc.constantFrom(...commands),
      fc.dictionary(fc.constantFrom(...optionNames), value, { maxKeys: 4 }),
      (command, raw) => {
        const specs = command.options as Record<string, OptionSpec>;
        const missing = Object.entries(specs).some(
          ([k, spec]) =>
            spec.required &&
            (raw[k] == null ||
              (typeof raw[k] === "string" && stripInvisible(raw[k] as string).trim() === "")),
        );
        const got = validate(command, raw);
        if (missing) {
          assert.equal(got.ok, false);
          return;
        }
        const expected = zodAlone(specs, raw);
        assert.equal(got.ok, expected.success);
        if (got.ok && expected.success) assert.deepEqual(got.options, expected.data);
        if (!got.ok) assert.equal(got.reply.kind, "invalid");
      },
    ),
    { numRuns: 3000 },
  );
});
