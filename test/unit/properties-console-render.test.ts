/**
 * The console renderer never emits control or format characters (other than
 * line breaks), whatever a reply carries: text typed by a user, or text from
 * a fact, can never drive the terminal or reorder what is shown.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { makeReply, type Reply, type ReplyKind } from "../../src/core/reply.ts";
import { renderText } from "../../src/platforms/console/render.ts";
import { CONTROL_OR_FORMAT, hostileText } from "../support/text-arbitraries.ts";

const KINDS: ReplyKind[] = [
  "answer",
  "abstain",
  "topic",
  "help",
  "sources",
  "invalid",
  "rate-limited",
  "error",
];

const texts = fc.array(hostileText, { maxLength: 4 });

const arbitraryReply: fc.Arbitrary<Reply> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    title: hostileText,
    paragraphs: texts,
    bullets: texts,
    quotes: fc.array(fc.record({ text: hostileText, attribution: hostileText }), { maxLength: 3 }),
    citations: fc.array(
      fc.record({
        sourceId: hostileText,
        publisher: hostileText,
        title: hostileText,
        date: hostileText,
        url: fc.option(hostileText, { nil: undefined }),
        quote: fc.option(hostileText, { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    followUps: fc.array(fc.record({ question: hostileText, replay: hostileText }), {
      maxLength: 3,
    }),
    note: fc.option(hostileText, { nil: undefined }),
  })
  .map((fields) => makeReply(fields));

function assertPrintable(rendered: string) {
  const bad = rendered.match(CONTROL_OR_FORMAT);
  assert.equal(bad, null, `control/format U+${bad?.[0]?.codePointAt(0)?.toString(16)} rendered`);
}

test("renderText never emits control or format characters", () => {
  fc.assert(
    fc.property(arbitraryReply, (reply) => {
      const rendered = renderText(reply);
      assert.equal(typeof rendered, "string");
      assertPrintable(rendered);
    }),
    { numRuns: 400 },
  );
});

test("real replies to hostile questions render clean", async () => {
  const dispatcher = createDispatcher({ commands });
  const who = { platform: "console" as const, userId: "local" };
  await fc.assert(
    fc.asyncProperty(hostileText, async (question) => {
      assertPrintable(renderText(await dispatcher.dispatch("ask", { question }, who)));
      assertPrintable(renderText(await dispatcher.dispatchText("ask", question, who)));
    }),
    { numRuns: 200 },
  );
});
