/**
 * Everything an instance remembers between requests sits behind this one
 * small interface: replay and retry de-duplication, rate-limit counters,
 * conversation memory and the unanswered record. Two implementations: in
 * memory (default, bounded) and Redis (REDIS_URL), so that any instance can
 * take any request. Keys are namespaced by the caller ("dedupe:", "rl:", ...)
 * and never hold a raw user id.
 */
export interface SharedState {
  /** Where the state lives now; "redis" falls back to "memory" while Redis is down. */
  readonly kind: "memory" | "redis";
  /** True the first time a key is claimed within ttlMs, false while it is remembered (replays, retries). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Counts one hit in a fixed window that starts with the first hit; returns the count and the time left. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Appends to a capped log (oldest entries fall off past maxEntries). */
  append(log: string, entry: string, maxEntries: number): Promise<void>;
  /** A log's entries, oldest first. */
  readLog(log: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface WindowCount {
  count: number;
  resetInMs: number;
}
