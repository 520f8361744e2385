/**
 * Per-user and per-channel rate limits for dispatch's `rateGate`, built on
 * rate-limiter-flexible. Counters live in memory by default; with
 * RATE_LIMIT_REDIS_URL they live in Redis so several instances share them.
 * Keys are hashed ids: the store never holds a raw user or channel id.
 */
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import type { RateLimit, RateLimitConfig } from "../config.ts";
import type { RateGate, Requester } from "../core/dispatch.ts";
import { hashChannelId, hashUserId } from "../core/hash-id.ts";
import { type Logger, silentLogger } from "../core/logger.ts";

/** A gate that also releases its store connection on shutdown. */
export type ClosableRateGate = RateGate & { close(): Promise<void> };

export interface RateGateOptions {
  logger?: Logger;
}

export class RateLimitSetupError extends Error {
  override name = "RateLimitSetupError";
}

const KEY_PREFIX = "incident-desk:rl";

interface Limiters {
  user: RateLimiterAbstract;
  channel: RateLimiterAbstract;
}

function isLimitedResult(err: unknown): err is { msBeforeNext: number } {
  return typeof (err as { msBeforeNext?: unknown } | null)?.msBeforeNext === "number";
}

function gateOver(
  limiters: Limiters,
  logger: Logger,
  close: () => Promise<void>,
): ClosableRateGate {
  async function take(limiter: RateLimiterAbstract, key: string) {
    try {
      await limiter.consume(key);
      return undefined;
    } catch (err) {
      if (isLimitedResult(err)) {
        // Whole seconds, never 0: "try again in 0 s" reads like a bug.
        return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      }
      // The store failed (and had no insurance): serve rather than lock everyone out.
      logger.warn({ err }, "rate limiter store failed; request allowed");
      return undefined;
    }
  }

  const gate = async (who: Requester) => {
    const userWait = await take(
      limiters.user,
      `${who.platform}:${hashUserId(who.platform, who.userId)}`,
    );
    if (userWait !== undefined) return { ok: false as const, retryInSeconds: userWait };
    if (who.channelId) {
      const channelKey = `${who.platform}:${hashChannelId(who.platform, who.channelId)}`;
      const channelWait = await take(limiters.channel, channelKey);
      if (channelWait !== undefined) return { ok: false as const, retryInSeconds: channelWait };
    }
    return { ok: true as const };
  };
  return Object.assign(gate, { close });
}

function memoryLimiter(limit: RateLimit, name: string): RateLimiterMemory {
  return new RateLimiterMemory({
    points: limit.points,
    duration: limit.seconds,
    keyPrefix: `${KEY_PREFIX}:${name}`,
  });
}

/** In-memory limits: right for one instance, and for tests. */
export function createMemoryRateGate(
  limits: Pick<RateLimitConfig, "user" | "channel">,
  opts: RateGateOptions = {},
): ClosableRateGate {
  return gateOver(
    { user: memoryLimiter(limits.user, "user"), channel: memoryLimiter(limits.channel, "channel") },
    opts.logger ?? silentLogger,
    async () => {},
  );
}

interface RedisClient {
  on(event: "error", listener: (err: Error) => void): unknown;
  quit(): Promise<unknown>;
}
type RedisConstructor = new (url: string, options: Record<string, unknown>) => RedisClient;

/** Loads ioredis only when a shared store is configured; it is not a dependency. */
async function loadIoredis(): Promise<RedisConstructor> {
  // A variable specifier keeps TypeScript and bundlers from requiring the package.
  const specifier = "ioredis";
  try {
    const mod = (await import(specifier)) as {
      default?: RedisConstructor;
      Redis?: RedisConstructor;
    };
    const ctor = mod.Redis ?? mod.default;
    if (!ctor) throw new Error("ioredis has no Redis export");
    return ctor;
  } catch (err) {
    throw new RateLimitSetupError(
      `RATE_LIMIT_REDIS_URL is set, but the Redis client could not be loaded (${(err as Error).message.split("\n")[0]}). Run \`npm install ioredis\` to use the shared store, or unset RATE_LIMIT_REDIS_URL to keep limits in memory.`,
    );
  }
}

/**
 * The gate for the configured store. Async because the Redis client is
 * imported on demand; with no RATE_LIMIT_REDIS_URL it resolves immediately.
 */
export async function createRateGate(
  config: { rateLimit: RateLimitConfig },
  opts: RateGateOptions = {},
): Promise<ClosableRateGate> {
  const { rateLimit } = config;
  const logger = opts.logger ?? silentLogger;
  if (!rateLimit.redisUrl) return createMemoryRateGate(rateLimit, opts);

  const Redis = await loadIoredis();
  // No offline queue: while Redis is down, calls fail fast and the insurance
  // limiter (per-instance memory) takes over instead of requests queueing.
  const client = new Redis(rateLimit.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  // Log the failure without the URL, which may carry a password.
  client.on("error", (err) => logger.warn({ errMessage: err.message }, "rate limit redis error"));
  const redisLimiter = (limit: RateLimit, name: string) =>
    new RateLimiterRedis({
      storeClient: client,
      points: limit.points,
      duration: limit.seconds,
      keyPrefix: `${KEY_PREFIX}:${name}`,
      insuranceLimiter: memoryLimiter(limit, name),
    });
  logger.info("rate limits use the shared Redis store");
  return gateOver(
    {
      user: redisLimiter(rateLimit.user, "user"),
      channel: redisLimiter(rateLimit.channel, "channel"),
    },
    logger,
    async () => {
      await client.quit();
    },
  );
}
