/**
 * Properties of the answer engine over hostile input: any Unicode, markup and
 * mention syntax, huge strings. It never throws, keeps answers short, keeps
 * confidence in [0, 1], and answers the same input the same way.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { MAX_ANSWER_LENGTH } from "../../src/answer/compose.ts";
import { createEngine, getEngine } from "../../src/answer/index.ts";
import { factBase } from "../../src/facts/index.ts";
import { scoringModel } from "../../src/facts/scoring-model.ts";
import { STARTER_FACT_IDS, STORY_SCOPE } from "../../src/facts/story.ts";
import { vocabulary } from "../../src/facts/vocabulary.ts";
import { hostileText, hugeText } from "../support/text-arbitraries.ts";

const engine = getEngine();
// A second, independent engine: equal answers prove there is no hidden state.
const twin = createEngine({
  base: factBase,
  vocabulary,
  model: scoringModel,
  scope: STORY_SCOPE,
  starterIds: STARTER_FACT_IDS,
});

function checkAnswer(question: string) {
  const answer = engine.answer(question);
  assert.ok(
    answer.answer.length <= MAX_ANSWER_LENGTH,
    `answer has ${answer.answer.length} characters`,
  );
  assert.ok(answer.answer.length > 0);
  assert.ok(
    Number.isFinite(answer.confidence) && answer.confidence >= 0 && answer.confidence <= 1,
    `confidence ${answer.confidence}`,
  );
  assert.equal(answer.answered, answer.facts.length > 0);
  assert.ok(answer.followUps.length <= 3);
  assert.deepEqual(engine.answer(question), answer, "same engine, same input, same answer");
  assert.deepEqual(twin.answer(question), answer, "fresh engine, same input, same answer");
}

test("any Unicode, markup or mention text: never throws, short answer, confidence in [0,1], deterministic", () => {
  fc.assert(fc.property(hostileText, checkAnswer), { numRuns: 400 });
});

test("questions built around known words behave the same way", () => {
  const known = fc
    .array(
      fc.constantFrom(
        "why",
        "did",
        "openai",
        "suspend",
        "bytedance",
        "account",
        "policy",
        "rule",
        "competing",
        "models",
        "project",
        "seed",
        "<@123>",
        "**",
        "\u200B",
        "\u202E",
      ),
      { minLength: 1, maxLength: 15 },
    )
    .map((w) => w.join(" "));
  fc.assert(fc.property(known, checkAnswer), { numRuns: 300 });
});

test("huge strings (100k characters) never throw and stay within limits", () => {
  fc.assert(fc.property(hugeText(100_000), checkAnswer), { numRuns: 6 });
});

// Unmatched brackets once made the Markdown-link pattern rescan to the end of the
// text from every "["; the engine now caps input before any pattern runs.
test("pathological markup (100k unmatched brackets) is answered without a stall", () => {
  for (const s of ["[".repeat(100_000), "[](".repeat(33_000), "[a](".repeat(25_000)]) {
    checkAnswer(s);
  }
});

test("suggest (autocomplete) never throws and returns at most 25 strings", () => {
  fc.assert(
    fc.property(hostileText, (partial) => {
      const out = engine.suggest(partial);
      assert.ok(Array.isArray(out) && out.length <= 25);
      for (const s of out) assert.equal(typeof s, "string");
    }),
    { numRuns: 200 },
  );
});
