/**
 * Retries for calls to the platforms: exponential backoff with full jitter,
 * so many instances retrying after one outage do not all come back at once,
 * and a server's Retry-After obeyed only up to a cap, so one header cannot
 * hold a reply (or a shutdown) for an hour.
 */

/** The longest Retry-After we wait for. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Delay before retry number `attempt` (0-based): uniform in [0, min(max, base * 2^attempt)). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** attempt);
}

/** Retry-After (seconds or an HTTP date) in ms, capped; undefined when absent or unreadable. */
export function retryAfterMs(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

export interface RetryOptions {
  /** Retries after the first try. */
  retries: number;
  baseMs?: number;
  maxMs?: number;
  /** Whether an error is worth another try. */
  retryable(err: unknown): boolean;
}

export async function withRetry<T>(call: () => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= opts.retries || !opts.retryable(err)) throw err;
      const delay = backoffMs(attempt, opts.baseMs ?? 250, opts.maxMs ?? 4000);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
