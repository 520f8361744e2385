/**
 * Asking too fast on Discord: every "slow down" is private and honest. A
 * slash command, Share in channel or Sources click gets an ephemeral reply
 * (never "cites no sources"); a mention gets a reaction, never a public reply.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { RateGate } from "../../src/core/dispatch.ts";
import { SLOW_DOWN_REACTION } from "../../src/platforms/discord/messages.ts";
import type { InteractionCallback } from "../fakes/discord/fake-discord.ts";
import { type Harness, startHarness } from "../fakes/discord/harness.ts";

const EPHEMERAL = 64;

describe("rate-limited on Discord", () => {
  let h: Harness;
  let limited = false;
  const gate: RateGate = async () =>
    limited ? { ok: false, retryInSeconds: 5 } : { ok: true as const };
  before(async () => {
    h = await startHarness({}, { rateGate: gate });
  });
  after(async () => {
    await h?.close();
  });

  function button(callback: InteractionCallback, label: string): string {
    const rows = callback.data?.components ?? [];
    const found = rows.flatMap((r) => r.components).find((b) => b.label === label);
    assert.ok(found?.custom_id, `a ${label} button`);
    return found.custom_id;
  }

  function assertPrivateSlowDown(callback: InteractionCallback) {
    assert.equal(callback.type, 4);
    assert.equal((callback.data?.flags ?? 0) & EPHEMERAL, EPHEMERAL, "ephemeral");
    const text = JSON.stringify(callback.data?.embeds);
    assert.match(text, /Slow down/);
    assert.doesNotMatch(text, /cites no sources/);
  }

  test("Share in channel and Sources clicks get a private slow down", async () => {
    limited = false;
    const asked = await h.fake.callbackFor(
      h.fake.sendCommand("ask", { question: "why was ByteDance suspended?" }),
    );
    const share = button(asked, "Share in channel");
    const sources = button(asked, "Sources");
    limited = true;
    assertPrivateSlowDown(await h.fake.callbackFor(h.fake.sendButton(share)));
    assertPrivateSlowDown(await h.fake.callbackFor(h.fake.sendButton(sources)));
    assertPrivateSlowDown(
      await h.fake.callbackFor(h.fake.sendCommand("ask", { question: "x", public: true })),
    );
  });

  test("a mention gets a reaction and no reply", async () => {
    limited = true;
    const messageId = h.fake.sendGuildMention("what is Project Seed?");
    const reaction = await h.fake.waitForRequest(
      (r) => r.method === "PUT" && r.path.includes(`/messages/${messageId}/reactions/`),
    );
    assert.ok(reaction.path.endsWith(`/reactions/${SLOW_DOWN_REACTION}/@me`), reaction.path);
    // A later mention, once allowed, is answered: the limited one never was.
    limited = false;
    const later = h.fake.sendGuildMention("what is Project Seed?");
    const repliesTo = (id: string) =>
      h.fake.requests.filter(
        (r) =>
          r.method === "POST" &&
          (r.body as { message_reference?: { message_id?: string } })?.message_reference
            ?.message_id === id,
      );
    await h.fake.waitFor(() => repliesTo(later).length === 1, 5000, "the later reply");
    assert.equal(repliesTo(messageId).length, 0);
  });

  test("a mention that starts with a command word runs that command", async () => {
    limited = false;
    const messageId = h.fake.sendGuildMention("incident timeline");
    const reply = await h.fake.waitForRequest(
      (r) =>
        r.method === "POST" &&
        (r.body as { message_reference?: { message_id?: string } })?.message_reference
          ?.message_id === messageId,
    );
    assert.equal((reply.body as { embeds: { title?: string }[] }).embeds[0]?.title, "Timeline");
  });
});
