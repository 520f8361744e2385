/**
 * The shared state for this process: in memory unless REDIS_URL is set.
 * See types.ts for what lives here.
 */
export { createMemoryState, DEFAULT_MAX_KEYS } from "./memory.ts";
export type { SharedState, WindowCount } from "./types.ts";
