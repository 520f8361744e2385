/**
 * Load on Discord, loopback only and bounded: 2,000 INTERACTION_CREATE in 20
 * bursts of 100 through the loopback gateway to the real bot (startDiscord)
 * and the dispatcher as main builds it (default rate limits). Each
 * interaction comes from its own user. Every one must get exactly one
 * callback POST, none lost, no error. Then one user's flood, which the
 * default per-user limit must slow down with the friendly reply.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { startDiscord } from "../../src/platforms/discord/index.ts";
import { startFakeDiscord } from "../fakes/discord/fake-discord.ts";
import { runDiscordLoad } from "../fakes/load.ts";
import {
  assertEachAnsweredOnce,
  mainDispatcher,
  useMainDispatcher,
} from "../support/load-checks.ts";

const dispatcher = useMainDispatcher();

test("2,000 interactions in 20 bursts of 100: each answered once, none lost, no error", async () => {
  const result = await runDiscordLoad({ bursts: 20, burstSize: 100, dispatcher: dispatcher() });
  assertEachAnsweredOnce(result, 2000);
});

test("one user's flood is slowed down by the default limit, with the friendly reply", async () => {
  const limit = loadConfig({}).rateLimit.user;
  // A fresh dispatcher with main's default limits, so the load above does not count.
  const flooding = await mainDispatcher();
  const fake = await startFakeDiscord();
  try {
    const bot = await startDiscord(
      { token: fake.token, applicationId: fake.ids.applicationId, apiUrl: fake.apiUrl },
      flooding.dispatcher,
      silentLogger,
    );
    try {
      const flood = Array.from({ length: limit.points + 4 }, () =>
        fake.sendCommand("ask", { question: "what is Project Seed?" }),
      );
      const callbacks = await Promise.all(flood.map((i) => fake.callbackFor(i, 10_000)));
      const titles = callbacks.map((c) => c.data?.embeds?.[0]?.title ?? "");
      const slowed = callbacks.filter((c) => /Slow down/.test(c.data?.embeds?.[0]?.title ?? ""));
      assert.equal(slowed.length, 4, `titles: ${titles.join(" | ")}`);
      for (const c of slowed) {
        assert.match(c.data?.embeds?.[0]?.description ?? "", /try again in \d+ s/);
        assert.equal(c.data?.flags, 64, "the slow-down note is private");
      }
      assert.equal(callbacks.length - slowed.length, limit.points, "the first ones are answered");
    } finally {
      await bot.stop();
    }
  } finally {
    await fake.close();
    await flooding.close();
  }
});
