/**
 * SharedState in Redis (REDIS_URL), so several instances share one truth.
 * Nothing on the answer path waits long on Redis: every command has a short
 * timeout, nothing queues while disconnected, and once a command fails every
 * call goes straight to an in-memory fallback until a background PING (or a
 * fresh connection) shows Redis answering again. Each outage is logged once,
 * and so is each recovery. The URL is never logged: it may carry a password.
 */
import type { Redis as RedisClient } from "ioredis";
import type { Logger } from "../../core/logger.ts";
import { within } from "../../core/within.ts";
import { createMemoryState } from "./memory.ts";
import type { SharedState, WindowCount } from "./types.ts";

export interface RedisStateOptions {
  /** How long one command may take before the call falls back to memory (default 250 ms). */
  commandTimeoutMs?: number;
  /** How long start-up waits for the first connection before going on in memory (default 2 s). */
  connectWaitMs?: number;
  /** How often to check whether Redis is back during an outage (default 1 s). */
  probeEveryMs?: number;
  /** Prefix of every key, so the bot can share a Redis with other applications. */
  keyPrefix?: string;
  /** Where state goes while Redis is down; a bounded memory state by default. */
  fallback?: SharedState;
}

// INCR and the expiry in one atomic step: the window starts with the first hit,
// and a key that somehow lost its expiry gets one back instead of counting forever.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

// Push and trim together, so the log never holds more than its cap.
const APPEND_SCRIPT = `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
return 1`;

/** The scripts above, as ioredis's defineCommand adds them (EVALSHA, EVAL on a cache miss). */
interface Scripted {
  stateHit(key: string, windowMs: number): Promise<[number, number]>;
  stateAppend(key: string, entry: string, maxEntries: number): Promise<number>;
}

function isReplyError(err: unknown): boolean {
  return (err as Error | undefined)?.name === "ReplyError";
}

export async function createRedisState(
  url: string,
  logger: Logger,
  opts: RedisStateOptions = {},
): Promise<SharedState> {
  // Loaded here, not at the top: a deployment without REDIS_URL never pays for the client.
  const { Redis } = await import("ioredis");
  const fallback = opts.fallback ?? createMemoryState();
  const probeEveryMs = opts.probeEveryMs ?? 1000;
  const client: RedisClient = new Redis(url, {
    keyPrefix: opts.keyPrefix ?? "incident-desk:",
    commandTimeout: opts.commandTimeoutMs ?? 250,
    connectTimeout: 2000,
    // Fail at once while disconnected rather than queue behind a reconnect.
    enableOfflineQueue: false,
    // Commands issued in the same tick (many requests at once) go out in one write.
    enableAutoPipelining: true,
    maxRetriesPerRequest: 0,
    // Keep trying to come back, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  client.defineCommand("stateHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
  client.defineCommand("stateAppend", { numberOfKeys: 1, lua: APPEND_SCRIPT });
  const scripted = client as unknown as Scripted;

  let down = false;
  let closed = false;
  let probe: ReturnType<typeof setInterval> | undefined;

  function markDown(reason: string): void {
    if (down || closed) return;
    down = true;
    logger.warn({ reason }, "Redis unavailable; answering with this instance's in-memory state");
    probe = setInterval(() => {
      client.ping().then(markUp, () => {});
    }, probeEveryMs);
    probe.unref();
  }

  function markUp(): void {
    if (!down || closed) return;
    down = false;
    clearInterval(probe);
    logger.info("Redis is back; state is shared again");
  }

  // Without an "error" listener ioredis would print every reconnect failure itself.
  client.on("error", (err: Error) => markDown(err.message));
  client.on("close", () => markDown("connection closed"));
  client.on("ready", markUp);

  const ready = new Promise<boolean>((resolve) => {
    client.once("ready", () => resolve(true));
  });
  if (!(await within(ready, opts.connectWaitMs ?? 2000))) markDown("no connection at start-up");

  /** Runs a command on Redis, or on the fallback while Redis is down or when the command fails. */
  async function use<T>(
    command: () => Promise<T>,
    local: (state: SharedState) => Promise<T>,
  ): Promise<T> {
    if (down) return local(fallback);
    try {
      return await command();
    } catch (err) {
      // A reply error is a bad command, not an outage: log it, keep Redis.
      if (isReplyError(err)) logger.error({ err }, "Redis rejected a command");
      else markDown((err as Error).message);
      return local(fallback);
    }
  }

  return {
    get kind() {
      return down ? "memory" : "redis";
    },
    claim(key, ttlMs) {
      return use(
        async () => (await client.set(key, "1", "PX", ttlMs, "NX")) === "OK",
        (s) => s.claim(key, ttlMs),
      );
    },
    hit(key, windowMs) {
      return use(
        async (): Promise<WindowCount> => {
          const [count, ttl] = await scripted.stateHit(key, windowMs);
          return { count, resetInMs: ttl };
        },
        (s) => s.hit(key, windowMs),
      );
    },
    get(key) {
      return use(
        async () => (await client.get(key)) ?? undefined,
        (s) => s.get(key),
      );
    },
    set(key, value, ttlMs) {
      return use(
        async () => {
          await client.set(key, value, "PX", ttlMs);
        },
        (s) => s.set(key, value, ttlMs),
      );
    },
    append(log, entry, maxEntries) {
      return use(
        async () => {
          await scripted.stateAppend(log, entry, maxEntries);
        },
        (s) => s.append(log, entry, maxEntries),
      );
    },
    readLog(log) {
      return use(
        () => client.lrange(log, 0, -1),
        (s) => s.readLog(log),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(probe);
      // QUIT lets queued replies arrive; a Redis that is gone gets a hard disconnect.
      const quit = client.quit().then(
        () => true,
        () => false,
      );
      if (!(await within(quit, 1000))) client.disconnect();
      await fallback.close();
    },
  };
}
