/**
 * The dispatcher as every process runs it (main, each Discord shard): the
 * command registry, the shared state, the rate limits on top of it, the salt
 * for hashed ids, and the record of unanswered questions. One place, so a
 * shard cannot end up with fewer safeguards than `npm start`, and one shared
 * state per process.
 */
import { commands } from "../commands/index.ts";
import { getEngine } from "./answer/index.ts";
import type { Config } from "./config.ts";
import { createDispatcher, type Dispatcher } from "./core/dispatch.ts";
import { setLogSalt } from "./core/hash-id.ts";
import type { Logger } from "./core/logger.ts";
import { createConversationMemory } from "./ops/conversation.ts";
import { createRateGate } from "./ops/rate-limit.ts";
import { resolveLogSalt } from "./ops/salt.ts";
import { openSharedState, type SharedState } from "./ops/state/index.ts";
import { createUnansweredRecorder } from "./ops/unanswered/recorder.ts";
import { stateLogSink, type UnansweredSink } from "./ops/unanswered/sink.ts";
import { startUnansweredWriter } from "./ops/unanswered/writer.ts";

export interface RunningDispatcher {
  dispatcher: Dispatcher;
  /** This process's shared state (memory, or Redis with REDIS_URL), for whatever else remembers. */
  state: SharedState;
  /** Writes what is queued for the unanswered record, then closes the shared state. */
  close(): Promise<void>;
}

/** Redis keeps one record for every instance; otherwise the local SQLite file. */
export function openUnansweredSink(
  config: Config,
  state: SharedState,
  logger: Logger,
): UnansweredSink {
  const { dbPath, retentionDays } = config.unanswered;
  if (state.kind === "redis")
    return stateLogSink(state, {
      retentionDays,
      maxRows: 10_000,
      onError: (err) => logger.debug({ err }, "unanswered question not recorded"),
    });
  return startUnansweredWriter({ path: dbPath, retentionDays, logger });
}

export async function buildDispatcher(config: Config, logger: Logger): Promise<RunningDispatcher> {
  getEngine(); // build the index now, so the first question is answered at full speed
  setLogSalt(resolveLogSalt(config, logger)); // before the first request is logged or counted
  const state = await openSharedState(config, logger);
  const sink = openUnansweredSink(config, state, logger);
  const dispatcher = createDispatcher({
    commands,
    logger,
    rateGate: createRateGate(config.rateLimit, state, logger),
    onHandled: createUnansweredRecorder(sink),
    conversations: createConversationMemory(state, { ttlMs: config.conversationTtlMs, logger }),
  });
  return {
    dispatcher,
    state,
    async close() {
      await sink.close();
      await state.close();
    },
  };
}
