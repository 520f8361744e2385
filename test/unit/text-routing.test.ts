/**
 * The one routing rule for text said to the bot (Discord mentions, Slack
 * threads, the console), and the Slack adapter's mention stripping.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import { questionCommand, routeText } from "../../src/core/route-text.ts";
import { stripMentions } from "../../src/platforms/slack/listeners/messages.ts";

const dispatcher = createDispatcher({ commands });
const visible = dispatcher.commands;
const who: Requester = { platform: "slack", userId: "U1", channelId: "C1" };

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

test("nothing -> help; a command word that takes the rest -> that command", () => {
  assert.deepEqual(routeText(visible, "   "), { command: "help", text: "" });
  assert.deepEqual(routeText(visible, "incident timeline"), {
    command: "incident",
    text: "timeline",
  });
  assert.deepEqual(routeText(visible, "Ask what is Project Seed?"), {
    command: "ask",
    text: "what is Project Seed?",
  });
  for (const c of visible) {
    assert.deepEqual(routeText(visible, c.name), { command: c.name, text: "" });
    assert.deepEqual(routeText(visible, `/${c.name}`), { command: c.name, text: "" });
  }
});

test("a question that only starts with a command word stays a question", () => {
  const question = questionCommand(visible)?.name;
  assert.equal(question, "ask");
  for (const text of [
    "why was ByteDance suspended?",
    "help me understand the suspension",
    "policy on training other models?",
    "sources for the suspension?",
    "incident gossip",
  ]) {
    assert.deepEqual(routeText(visible, text), { command: question, text }, text);
  }
});

test('"/name" always names a command, so a typo is explained, not answered', async () => {
  assert.deepEqual(routeText(visible, "/incident gossip"), {
    command: "incident",
    text: "gossip",
  });
  assert.deepEqual(routeText(visible, "/nope x"), { command: "nope", text: "x" });
  const typo = await dispatcher.handleText("/nope", who);
  assert.equal(typo.kind, "invalid");
  assert.match(typo.paragraphs.join(" "), /I don't have a \/nope command/);
});

test("handleText gives the same reply on every platform", async () => {
  const said = "incident timeline";
  const replies = await Promise.all(
    (["discord", "slack", "console"] as const).map((platform) =>
      dispatcher.handleText(said, { platform, userId: "u" }),
    ),
  );
  for (const reply of replies) assert.equal(reply.title, "Timeline");
  const asked = await dispatcher.handleText("what is project seed", who);
  assert.deepEqual(asked.meta?.facts, ["incident.project-seed"]);
  assert.equal((await dispatcher.handleText("", who)).kind, "help");
});
