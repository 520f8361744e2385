import assert from "node:assert/strict";
import { test } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import {
  questionCommand,
  routeText,
  stripMentions,
} from "../../src/platforms/slack/listeners/messages.ts";

const visible = createDispatcher({ commands }).commands;

test("the bot's mention is stripped, other text stays", () => {
  assert.equal(
    stripMentions("<@UBOT> why was ByteDance suspended?", "UBOT"),
    "why was ByteDance suspended?",
  );
  assert.equal(
    stripMentions("hey <@UBOT>, what is Project Seed?", "UBOT"),
    "hey, what is Project Seed?",
  );
  assert.equal(stripMentions("<@UOTHER> <@UBOT> rule", "UBOT"), "rule");
});

test("a leading command word picks that command; anything else is a question", () => {
  const question = questionCommand(visible);
  assert.ok(question);
  for (const c of visible) {
    assert.deepEqual(routeText(visible, `${c.name} more words`), {
      command: c.name,
      text: "more words",
    });
    assert.deepEqual(routeText(visible, `/${c.name}`), { command: c.name, text: "" });
  }
  assert.deepEqual(routeText(visible, "why was ByteDance suspended?"), {
    command: question.name,
    text: "why was ByteDance suspended?",
  });
});

test("a bare mention gets the help when the registry has it", () => {
  const routed = routeText(visible, "   ");
  assert.equal(routed.text, "");
  assert.ok(visible.some((c) => c.name === routed.command));
});
