/**
 * The dispatcher as every process runs it (main, each Discord shard): the
 * command registry, the rate limits, and the record of unanswered questions.
 * One place, so a shard cannot end up with fewer safeguards than `npm start`.
 */
import { commands } from "../commands/index.ts";
import { getEngine } from "./answer/index.ts";
import type { Config } from "./config.ts";
import { createDispatcher, type Dispatcher } from "./core/dispatch.ts";
import { setLogSalt } from "./core/hash-id.ts";
import type { Logger } from "./core/logger.ts";
import { createConversationMemory } from "./ops/conversation.ts";
import { createRateGate } from "./ops/rate-limit.ts";
import { createMemoryState } from "./ops/state/index.ts";
import { createUnansweredRecorder } from "./ops/unanswered/recorder.ts";
import { openUnansweredStore } from "./ops/unanswered/store.ts";

export interface RunningDispatcher {
  dispatcher: Dispatcher;
  /** Releases the rate-limit store and closes the database. */
  close(): Promise<void>;
}

export async function buildDispatcher(config: Config, logger: Logger): Promise<RunningDispatcher> {
  getEngine(); // build the index now, so the first question is answered at full speed
  setLogSalt(config.logSalt); // before the first request is logged or counted
  const rateGate = await createRateGate(config, { logger });
  const store = openUnansweredStore(config.unanswered.dbPath, {
    retentionDays: config.unanswered.retentionDays,
  });
  const state = createMemoryState();
  const dispatcher = createDispatcher({
    commands,
    logger,
    rateGate,
    onHandled: createUnansweredRecorder(store),
    conversations: createConversationMemory(state, { ttlMs: config.conversationTtlMs, logger }),
  });
  return {
    dispatcher,
    async close() {
      await rateGate.close();
      store.close();
    },
  };
}
