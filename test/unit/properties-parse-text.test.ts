/**
 * Properties of the free-text parser (Slack's `text`, console lines) over
 * every registered command: it never throws, only sets declared options,
 * and a chosen value is always one of the command's choices.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import type { OptionSpec } from "../../src/core/options.ts";
import { parseCommandText } from "../../src/core/parse-text.ts";
import { hostileText } from "../support/text-arbitraries.ts";

function choiceWords() {
  return commands.flatMap((c) =>
    Object.values(c.options as Record<string, OptionSpec>).flatMap((spec) =>
      spec.kind === "choice"
        ? spec.choices.flatMap((choice) => [choice.value, ...(choice.aliases ?? [])])
        : [],
    ),
  );
}

/** Hostile text, sometimes led by a real choice word (or a prefix, or a #/- form of one). */
const commandText = fc.oneof(
  hostileText,
  fc
    .tuple(
      fc.constantFrom(...choiceWords()),
      fc.constantFrom("", "-", "--", "#"),
      fc.nat({ max: 12 }),
      fc.constantFrom(" ", "  ", "\t", "\u200B ", ""),
      hostileText,
    )
    .map(
      ([word, lead, cut, gap, rest]) =>
        `${lead}${word.slice(0, Math.max(1, word.length - cut))}${gap}${rest}`,
    ),
);

for (const command of commands) {
  const specs = command.options as Record<string, OptionSpec>;
  test(`parseCommandText(/${command.name}) never throws and only yields valid options`, () => {
    fc.assert(
      fc.property(commandText, (text) => {
        const parsed = parseCommandText(command, text);
        if (!parsed.ok) {
          assert.ok(parsed.problem.length > 0);
          assert.ok(
            Object.values(specs).some((s) => s.kind === "choice"),
            "only a command with choices can reject text",
          );
          return;
        }
        for (const [name, value] of Object.entries(parsed.options)) {
          const spec = specs[name];
          assert.ok(spec, `undeclared option ${name}`);
          if (spec.kind === "choice") {
            assert.ok(
              spec.choices.some((c) => c.value === value),
              `${String(value)} is not a choice of ${name}`,
            );
          } else if (spec.kind === "string") {
            assert.equal(typeof value, "string");
            assert.ok((value as string).length > 0);
            assert.equal(value, (value as string).trim());
          }
        }
      }),
      { numRuns: 300 },
    );
  });
}

test("a choice's own value, typed first, always picks that choice", () => {
  for (const command of commands) {
    for (const [name, spec] of Object.entries(command.options as Record<string, OptionSpec>)) {
      if (spec.kind !== "choice") continue;
      fc.assert(
        fc.property(fc.constantFrom(...spec.choices), hostileText, (choice, rest) => {
          const parsed = parseCommandText(command, `${choice.value} ${rest}`);
          assert.ok(parsed.ok);
          assert.equal(parsed.options[name], choice.value);
        }),
        { numRuns: 100 },
      );
    }
  }
});

test("dispatchText over every command never ends in an error reply", async () => {
  const dispatcher = createDispatcher({ commands });
  const who = { platform: "slack" as const, userId: "U1", channelId: "C1" };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...commands), commandText, async (command, text) => {
      const reply = await dispatcher.dispatchText(command.name, text, who);
      assert.notEqual(reply.kind, "error", `/${command.name} ${JSON.stringify(text)}`);
    }),
    { numRuns: 300 },
  );
});
