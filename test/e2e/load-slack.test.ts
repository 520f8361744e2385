/**
 * Load on Slack HTTP mode, loopback only and bounded: 2,000 signed slash
 * commands, 100 in flight, through the real Bolt app (startSlack) and the
 * dispatcher as main builds it (default rate limits, unanswered record in
 * memory). Each request comes from its own user, as in a busy workspace.
 * Every one must be answered exactly once, none lost, no error. No timing
 * assertions: speed is in `npm run bench`.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { buildDispatcher, type RunningDispatcher } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { runSlackLoad } from "../fakes/load.ts";

let built: RunningDispatcher;
before(async () => {
  built = await buildDispatcher(loadConfig({ UNANSWERED_DB: ":memory:" }), silentLogger);
});
after(async () => {
  await built?.close();
});

test("2,000 signed slash commands at concurrency 100: each answered once, none lost, no error", async () => {
  const result = await runSlackLoad({
    requests: 2000,
    concurrency: 100,
    dispatcher: built.dispatcher,
  });
  assert.equal(result.sent, 2000);
  assert.equal(result.errors, 0, "no error status");
  assert.equal(result.lost, 0, "none lost");
  assert.equal(result.duplicated, 0, "none answered twice");
  assert.equal(result.answeredOnce, 2000);
  assert.equal(result.refused, 0, "no error or rate-limit replies");
});
