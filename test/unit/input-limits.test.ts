/**
 * Input limits through the real dispatcher and command registry: the length
 * cap is stated, blank input gets help, and invisible or reordering
 * characters change neither the answer nor what is displayed.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { commands } from "../../commands/index.ts";
import { MAX_QUESTION_LENGTH } from "../../src/answer/index.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import { renderText } from "../../src/platforms/console/render.ts";

const dispatcher = createDispatcher({ commands });
const who: Requester = { platform: "console", userId: "tester", channelId: "terminal" };

/** Control characters other than a line break, and format characters (zero-width, bidi). */
const HOSTILE = /(?!\n)[\p{Cc}\p{Cf}]/u;

/** Every string a reply carries, wherever it nests. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

test(`a question over ${MAX_QUESTION_LENGTH} characters gets a message that states the limit`, async () => {
  const long = `why was bytedance suspended ${"and why ".repeat(80)}`.slice(
    0,
    MAX_QUESTION_LENGTH + 1,
  );
  assert.equal(long.length, MAX_QUESTION_LENGTH + 1);
  for (const reply of [
    await dispatcher.dispatch("ask", { question: long }, who),
    await dispatcher.dispatchText("ask", long, who),
    await dispatcher.dispatchText("ask", "x".repeat(5000), who),
  ]) {
    assert.equal(reply.kind, "invalid");
    assert.ok(reply.paragraphs.join(" ").includes(`limit is ${MAX_QUESTION_LENGTH} characters`));
  }
  const atLimit = await dispatcher.dispatch(
    "ask",
    { question: long.slice(0, MAX_QUESTION_LENGTH) },
    who,
  );
  assert.notEqual(atLimit.kind, "invalid");
});

test("empty, whitespace-only and zero-width-only input gets help", async () => {
  const blanks = ["", "   ", "\t\n  \n", "\u200B", "\u200B\u200C\u200D\uFEFF", " \u2060 \u202E "];
  for (const blank of blanks) {
    for (const reply of [
      await dispatcher.dispatch("ask", { question: blank }, who),
      await dispatcher.dispatchText("ask", blank, who),
    ]) {
      assert.equal(reply.kind, "help", `input ${JSON.stringify(blank)} gave ${reply.kind}`);
      assert.match(reply.title, /\/ask/);
    }
  }
});

test("control, zero-width and bidi characters do not change the answer", async () => {
  const clean = await dispatcher.dispatch("ask", { question: "why was bytedance suspended" }, who);
  assert.equal(clean.kind, "answer");
  const variants = [
    "why was byte\u200Bdance sus\u202Epended",
    "why was \u202Ebytedance\u202C suspended\u0007",
    "\uFEFFwhy\u00A0was byte\u2060dance\u200D suspended\u0000",
    "why was b\u200Cy\u200Bt\u200De\u2066dance\u2069 suspended",
  ];
  for (const question of variants) {
    const reply = await dispatcher.dispatch("ask", { question }, who);
    assert.deepEqual(reply, clean, `answer differs for ${JSON.stringify(question)}`);
    const viaText = await dispatcher.dispatchText("ask", question, who);
    assert.deepEqual(viaText, clean);
  }
});

test("hostile characters never reach the rendered text", async () => {
  const questions = [
    "why was byte\u200Bdance sus\u202Epended",
    "\u202Ewhat is project seed\u202C?\u0007\u001B[31m",
    "\u0000\u0001\u0002 what is the rule \u2067against\u2069 competing models",
    "who is \u200Bthe ceo of \u202Ebytedance",
  ];
  for (const question of questions) {
    const reply = await dispatcher.dispatch("ask", { question }, who);
    const rendered = renderText(reply);
    assert.ok(!HOSTILE.test(rendered), `rendered text has a hostile character for ${question}`);
    for (const text of stringsOf(reply)) assert.ok(!HOSTILE.test(text), JSON.stringify(text));
  }
});
