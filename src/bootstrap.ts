/**
 * The dispatcher as every process runs it (main, each Discord shard): the
 * command registry, the shared state, the rate limits on top of it, and the
 * record of unanswered questions. One place, so a shard cannot end up with
 * fewer safeguards than `npm start`, and one shared state per process.
 */
import { commands } from "../commands/index.ts";
import { getEngine } from "./answer/index.ts";
import type { Config } from "./config.ts";
import { createDispatcher, type Dispatcher } from "./core/dispatch.ts";
import { setLogSalt } from "./core/hash-id.ts";
import type { Logger } from "./core/logger.ts";
import { createConversationMemory } from "./ops/conversation.ts";
import { createRateGate } from "./ops/rate-limit.ts";
import { openSharedState, type SharedState } from "./ops/state/index.ts";
import { createUnansweredRecorder } from "./ops/unanswered/recorder.ts";
import { openUnansweredStore } from "./ops/unanswered/store.ts";

export interface RunningDispatcher {
  dispatcher: Dispatcher;
  /** This process's shared state (memory, or Redis with REDIS_URL), for whatever else remembers. */
  state: SharedState;
  /** Closes the shared state and the database. */
  close(): Promise<void>;
}

export async function buildDispatcher(config: Config, logger: Logger): Promise<RunningDispatcher> {
  getEngine(); // build the index now, so the first question is answered at full speed
  setLogSalt(config.logSalt); // before the first request is logged or counted
  const state = await openSharedState(config, logger);
  const store = openUnansweredStore(config.unanswered.dbPath, {
    retentionDays: config.unanswered.retentionDays,
  });
  const dispatcher = createDispatcher({
    commands,
    logger,
    rateGate: createRateGate(config.rateLimit, state, logger),
    onHandled: createUnansweredRecorder(store),
    conversations: createConversationMemory(state, { ttlMs: config.conversationTtlMs, logger }),
  });
  return {
    dispatcher,
    state,
    async close() {
      await state.close();
      store.close();
    },
  };
}
