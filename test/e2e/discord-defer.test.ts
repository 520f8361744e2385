/**
 * Slow work: when an answer takes longer than the defer threshold, the bot
 * defers (callback type 5, private) and then edits the original response.
 * The slowness comes from the dispatcher's own rate-gate hook.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type Harness,
  requestsWithMentionParsing,
  startHarness,
} from "../fakes/discord/harness.ts";

describe("a slow answer is deferred, then edited", () => {
  let h: Harness;
  before(async () => {
    const slowGate = async () => {
      await sleep(150);
      return { ok: true as const };
    };
    h = await startHarness({}, { rateGate: slowGate }, { deferAfterMs: 20 });
  });
  after(async () => {
    await h?.close();
  });

  test("defer (type 5, ephemeral) then PATCH @original with the answer", async () => {
    const sent = h.fake.sendCommand("ask", { question: "what is Project Seed?" });
    const callback = await h.fake.callbackFor(sent);
    assert.equal(callback.type, 5, "DeferredChannelMessageWithSource");
    assert.equal(callback.data?.flags, 64);
    const edit = await h.fake.waitForRequest(
      (r) =>
        r.method === "PATCH" &&
        r.path === `/webhooks/${h.fake.ids.applicationId}/${sent.token}/messages/@original`,
    );
    const body = edit.body as {
      embeds?: { description?: string }[];
      allowed_mentions?: { parse: string[] };
    };
    assert.ok(body.embeds?.[0]?.description);
    assert.deepEqual(body.allowed_mentions?.parse, []);
    // Exactly one acknowledgement for the interaction.
    assert.equal(
      h.fake.requests.filter((r) => r.path.startsWith(`/interactions/${sent.id}/`)).length,
      1,
    );
    assert.deepEqual(requestsWithMentionParsing(h.fake.requests), []);
  });
});

describe("a public deferral whose answer turns out private", () => {
  let h: Harness;
  before(async () => {
    const slowDenial = async () => {
      await sleep(150);
      return { ok: false as const, retryInSeconds: 4 };
    };
    h = await startHarness({}, { rateGate: slowDenial }, { deferAfterMs: 20 });
  });
  after(async () => {
    await h?.close();
  });

  test("the public placeholder is deleted and the slow down follows privately", async () => {
    const sent = h.fake.sendCommand("ask", { question: "what is Project Seed?", public: true });
    const callback = await h.fake.callbackFor(sent);
    assert.equal(callback.type, 5);
    assert.equal((callback.data?.flags ?? 0) & 64, 0, "deferred in public");
    const webhook = `/webhooks/${h.fake.ids.applicationId}/${sent.token}`;
    await h.fake.waitForRequest(
      (r) => r.method === "DELETE" && r.path === `${webhook}/messages/@original`,
    );
    const followUp = await h.fake.waitForRequest((r) => r.method === "POST" && r.path === webhook);
    const body = followUp.body as { flags?: number; embeds?: { title?: string }[] };
    assert.equal((body.flags ?? 0) & 64, 64, "the follow-up is ephemeral");
    assert.match(body.embeds?.[0]?.title ?? "", /Slow down/);
    assert.ok(!h.fake.requests.some((r) => r.method === "PATCH" && r.path.startsWith(webhook)));
  });
});
