/**
 * Faults on the Discord side, injected through the loopback Discord, that
 * discord-resilience.test.ts does not already cover (it covers a resumable
 * gateway close, a 429 and repeated 500s on the callback, a 500 on a mention
 * reply): a REST call that times out, a gateway that drops for good (the bot
 * must IDENTIFY afresh), and a command handler that throws.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { type Harness, startHarness } from "../fakes/discord/harness.ts";
import { captureLogs, throwingCommand } from "../fakes/faults.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
/** discord.js gives up on a REST call after this long; the stand-in holds calls past it. */
const REST_TIMEOUT_MS = 300;

describe("Discord faults", () => {
  let h: Harness;
  const logs = captureLogs();
  const logLines = logs.lines;
  const logged = logs.parsed;

  before(async () => {
    h = await startHarness(
      {},
      {
        commands: [...commands, throwingCommand],
        logger: logs.logger,
      },
      { restTimeoutMs: REST_TIMEOUT_MS },
    );
  });
  after(async () => {
    await h?.close();
  });

  test("a callback that times out once is retried by discord.js and the answer arrives", async () => {
    h.fake.holdNext(CALLBACK, 1);
    const sent = h.fake.sendCommand("ask", { question: "what is Project Seed?" });
    const callback = await h.fake.callbackFor(sent, 10_000);
    assert.equal(callback.type, 4);
    const attempts = h.fake.requests.filter((r) => r.path.includes(sent.id));
    assert.deepEqual(
      attempts.map((r) => r.status),
      [0, 204],
      "one held (timed out) attempt, then the answer",
    );
  });

  test("a callback that always times out is logged, not fatal: the next interaction is served", async () => {
    // An aborted request is retried three times (with backoff): hold all four attempts.
    h.fake.holdNext(CALLBACK, 4);
    const lost = h.fake.sendCommand("ask", { question: "why was ByteDance suspended?" });
    // Polled: a log line is not an event the stand-in hears about.
    await waitFor(
      () => logged().some((l) => l.msg === "could not send the reply"),
      15_000,
      "the failure to be logged",
    );
    assert.equal(h.fake.requests.filter((r) => r.path.includes(lost.id)).length, 4);
    assert.equal(h.fake.callbacks.get(lost.id), undefined);
    const callback = await h.fake.callbackFor(h.fake.sendCommand("help"));
    assert.equal(callback.type, 4);
  });

  test("a gateway closed for good (1000) makes the bot IDENTIFY afresh and keep serving", async () => {
    const identifies = h.fake.identifyCount;
    h.fake.closeGateway(1000);
    // discord.js spaces IDENTIFYs 5 s apart, so this can take that long.
    await h.fake.waitFor(() => h.fake.identifyCount > identifies, 15_000, "a new IDENTIFY");
    await waitFor(() => h.bot.connection() === "connected", 10_000, "ready again");
    const callback = await h.fake.callbackFor(h.fake.sendCommand("sources"));
    assert.equal(callback.type, 4);
  });

  test("a handler that throws: the user gets the error reply with an id, one error line logs it", async () => {
    const sent = h.fake.sendCommand("explode");
    const callback = await h.fake.callbackFor(sent);
    assert.equal(callback.type, 4);
    const embed = callback.data?.embeds?.[0];
    const text = `${embed?.title ?? ""} ${embed?.description ?? ""}`;
    assert.match(text, /Something went wrong/);
    const id = /error id ([0-9a-f]{8})/.exec(text)?.[1];
    assert.ok(id, `the reply names an error id: ${text}`);

    const errors = logged().filter((l) => l.level >= 50);
    const failed = errors.filter((l) => l.errorId === id);
    assert.equal(failed.length, 1, "one error line carries the id");
    assert.equal(failed[0]?.msg, "command failed");
    assert.equal(failed[0]?.platform, "discord");
    assert.equal(failed[0]?.command, "explode");
    assert.ok(!logLines.some((l) => l.includes(h.fake.token) || l.includes(sent.token)));

    const next = await h.fake.callbackFor(
      h.fake.sendCommand("ask", { question: "why was ByteDance suspended?" }),
    );
    assert.ok(next.data?.embeds?.[0]?.description, "answered");
    assert.doesNotMatch(next.data?.embeds?.[0]?.title ?? "", /went wrong/);
  });
});
