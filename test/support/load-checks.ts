/** What both load tests share: main's dispatcher for the file, and the "each answered once" checks. */
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { buildDispatcher, type RunningDispatcher } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import type { Dispatcher } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { LoadResult } from "../fakes/load.ts";

/** The dispatcher as main builds it (default rate limits, unanswered record in memory). */
export function mainDispatcher(): Promise<RunningDispatcher> {
  return buildDispatcher(loadConfig({ UNANSWERED_DB: ":memory:" }), silentLogger);
}

/** One main dispatcher for the whole test file, closed after it. */
export function useMainDispatcher(): () => Dispatcher {
  let built: RunningDispatcher | undefined;
  before(async () => {
    built = await mainDispatcher();
  });
  after(async () => {
    await built?.close();
  });
  return () => {
    assert.ok(built, "the dispatcher is built");
    return built.dispatcher;
  };
}

export function assertEachAnsweredOnce(result: LoadResult, sent: number): void {
  assert.equal(result.sent, sent);
  assert.equal(result.errors, 0, "no error status or failed callback");
  assert.equal(result.lost, 0, "none lost");
  assert.equal(result.duplicated, 0, "none answered twice");
  assert.equal(result.answeredOnce, sent);
  assert.equal(result.refused, 0, "no error or rate-limit replies");
}
