/**
 * Load on Slack HTTP mode, loopback only and bounded: 2,000 signed slash
 * commands, 100 in flight, through the real Bolt app (startSlack) and the
 * dispatcher as main builds it (default rate limits, unanswered record in
 * memory). Each request comes from its own user, as in a busy workspace.
 * Every one must be answered exactly once, none lost, no error. No timing
 * assertions: speed is in `npm run bench`.
 */
import { test } from "node:test";
import { runSlackLoad } from "../fakes/load.ts";
import { assertEachAnsweredOnce, useMainDispatcher } from "../support/load-checks.ts";

const dispatcher = useMainDispatcher();

test("2,000 signed slash commands at concurrency 100: each answered once, none lost, no error", async () => {
  const result = await runSlackLoad({ requests: 2000, concurrency: 100, dispatcher: dispatcher() });
  assertEachAnsweredOnce(result, 2000);
});
