/**
 * What goes wrong on the wire: a gateway that drops the connection, REST
 * errors on the interaction callback, and start-up failures with clear errors.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { createLogger, silentLogger } from "../../src/core/logger.ts";
import { startDiscord } from "../../src/platforms/discord/index.ts";
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  startFakeDiscord,
} from "../fakes/discord/fake-discord.ts";
import { type Harness, startHarness } from "../fakes/discord/harness.ts";

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

describe("Discord bot under failure", () => {
  let h: Harness;
  const logLines: string[] = [];
  before(async () => {
    h = await startHarness(
      {},
      { logger: createLogger("warn", { write: (line: string) => void logLines.push(line) }) },
    );
  });
  after(async () => {
    await h?.close();
  });

  test("a gateway close with a resumable code is survived: the bot resumes and answers", async () => {
    const resumesBefore = h.fake.gatewayLog.filter((g) => g.op === 6).length;
    h.fake.closeGateway(4000);
    await h.fake.waitFor(
      () => h.fake.gatewayLog.filter((g) => g.op === 6).length > resumesBefore,
      10_000,
      "a RESUME",
    );
    await h.fake.waitFor(() => h.fake.connected, 5000, "the new connection");
    const callback = await h.fake.callbackFor(h.fake.sendCommand("help"));
    assert.equal(callback.type, 4);
  });

  test("a 429 on the callback is retried after retry-after and the answer arrives", async () => {
    h.fake.failNext(CALLBACK, 429, 1);
    const sent = h.fake.sendCommand("ask", { question: "what is Project Seed?" });
    const callback = await h.fake.callbackFor(sent);
    assert.equal(callback.type, 4);
    const attempts = h.fake.requests.filter((r) => r.path.includes(sent.id));
    assert.deepEqual(
      attempts.map((r) => r.status),
      [429, 204],
    );
  });

  test("a callback that keeps failing with 500 is logged, not fatal: the next interaction is served", async () => {
    // A 5xx is retried three times (with backoff); fail all four attempts so the error reaches our handler.
    h.fake.failNext(CALLBACK, 500, 4);
    const failed = h.fake.sendCommand("ask", { question: "why was ByteDance suspended?" });
    await h.fake.waitFor(
      () =>
        h.fake.requests.filter((r) => r.path.includes(failed.id) && r.status === 500).length === 4,
      10_000,
      "four failed attempts",
    );
    const callback = await h.fake.callbackFor(h.fake.sendCommand("sources"));
    assert.equal(callback.type, 4);
    const logged = logLines.map((l) => JSON.parse(l) as { msg: string; status?: number });
    assert.ok(
      logged.some((l) => l.msg === "could not send the reply" && l.status === 500),
      "the failure is logged",
    );
    assert.ok(
      !logLines.some((l) => l.includes(h.fake.token) || l.includes(failed.token)),
      "no token in the logs",
    );
  });

  test("a 500 on a mention reply is logged, not fatal", async () => {
    h.fake.failNext(/^\/channels\/\d+\/messages$/, 500, 4);
    h.fake.sendGuildMention("who is involved?");
    await h.fake.waitFor(
      () =>
        h.fake.requests.filter((r) => r.path.startsWith("/channels/") && r.status === 500)
          .length === 4,
      10_000,
      "four failed attempts",
    );
    const callback = await h.fake.callbackFor(h.fake.sendCommand("help"));
    assert.equal(callback.type, 4);
  });
});

describe("Discord start-up errors name the fix", () => {
  const dispatcher = createDispatcher({ commands });

  /** Starts the bot against a loopback Discord set up to fail; returns the start-up error. */
  async function startUpError(
    options: FakeDiscordOptions,
    tokenFor: (fake: FakeDiscord) => string = (fake) => fake.token,
    beforeStart: (fake: FakeDiscord) => Promise<void> = async () => {},
  ): Promise<{ error: Error; token: string; apiUrl: string }> {
    const fake = await startFakeDiscord(options);
    const token = tokenFor(fake);
    try {
      await beforeStart(fake);
      const config = { token, applicationId: fake.ids.applicationId, apiUrl: fake.apiUrl };
      const started = await startDiscord(config, dispatcher, silentLogger).then(
        (bot) => bot.stop(),
        (err: Error) => err,
      );
      assert.ok(started instanceof Error, "start-up failed");
      assert.ok(!started.message.includes(token), "no token in the message");
      assert.ok(!started.message.includes("\n"), "one line");
      return { error: started, token, apiUrl: fake.apiUrl };
    } finally {
      await fake.close();
    }
  }

  test("a bad token", async () => {
    const { error } = await startUpError({}, () => "not-the-token");
    assert.match(error.message, /Reset Token/);
    assert.match(error.message, /DISCORD_TOKEN/);
  });

  test("a token refused at IDENTIFY (4004)", async () => {
    const { error } = await startUpError({ identifyCloseCode: 4004 });
    assert.match(error.message, /Reset Token/);
  });

  test("disallowed intents (4014)", async () => {
    const { error } = await startUpError({ identifyCloseCode: 4014 });
    assert.match(error.message, /Privileged Gateway Intents/);
  });

  test("no network: says where it could not reach and what to check", async () => {
    const { error, apiUrl } = await startUpError({}, undefined, (fake) => fake.close());
    assert.ok(error.message.startsWith(`Could not reach Discord at ${apiUrl} (`), error.message);
    assert.match(error.message, /ECONNREFUSED/);
    assert.match(error.message, /check the network or DISCORD_API_URL\.$/);
  });
});
