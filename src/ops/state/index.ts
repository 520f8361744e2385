/**
 * The shared state for this process: in memory unless REDIS_URL is set.
 * Open it once per process (bootstrap does) and hand it to what needs it.
 * See types.ts for what lives here.
 */
import type { Logger } from "../../core/logger.ts";
import { createMemoryState } from "./memory.ts";
import type { SharedState } from "./types.ts";

export { createMemoryState, DEFAULT_MAX_KEYS } from "./memory.ts";
export type { SharedState, WindowCount } from "./types.ts";

export async function openSharedState(
  config: { redisUrl?: string },
  logger: Logger,
): Promise<SharedState> {
  if (!config.redisUrl) return createMemoryState();
  const { createRedisState } = await import("./redis.ts");
  const state = await createRedisState(config.redisUrl, logger);
  logger.info({ store: state.kind }, "shared state in Redis");
  return state;
}
