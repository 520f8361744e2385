/**
 * Per-user and per-channel rate limits for dispatch's `rateGate`: a fixed
 * window per key, counted with SharedState.hit, so the counters live in
 * memory or, with REDIS_URL, in Redis where several instances share them.
 * Keys are hashed ids: the store never holds a raw user or channel id.
 */
import type { RateLimit, RateLimitConfig } from "../config.ts";
import type { RateGate, Requester } from "../core/dispatch.ts";
import { hashChannelId, hashUserId } from "../core/hash-id.ts";
import { type Logger, silentLogger } from "../core/logger.ts";
import type { SharedState } from "./state/index.ts";

type Verdict = { ok: true } | { ok: false; retryInSeconds: number };
const ALLOWED: Verdict = { ok: true };

export function createRateGate(
  limits: Pick<RateLimitConfig, "user" | "channel">,
  state: SharedState,
  logger: Logger = silentLogger,
): RateGate {
  async function take(limit: RateLimit, key: string): Promise<Verdict> {
    try {
      const { count, resetInMs } = await state.hit(key, limit.seconds * 1000);
      if (count <= limit.points) return ALLOWED;
      // Whole seconds, never 0: "try again in 0 s" reads like a bug.
      return { ok: false, retryInSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
    } catch (err) {
      // The store failed: serve rather than lock everyone out.
      logger.warn({ err }, "rate limit store failed; request allowed");
      return ALLOWED;
    }
  }

  return async (who: Requester) => {
    const user = await take(
      limits.user,
      `rl:user:${who.platform}:${hashUserId(who.platform, who.userId)}`,
    );
    // A limited user does not spend the channel's budget.
    if (!user.ok || !who.channelId) return user;
    return take(
      limits.channel,
      `rl:channel:${who.platform}:${hashChannelId(who.platform, who.channelId)}`,
    );
  };
}
