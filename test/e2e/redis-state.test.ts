/**
 * The Redis shared state against a real redis-server on loopback: the same
 * contract as the memory state, state shared between two clients, and what
 * happens when Redis goes away, hangs, and comes back.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../src/config.ts";
import type { Requester } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { createRateGate } from "../../src/ops/rate-limit.ts";
import { openSharedState, type SharedState } from "../../src/ops/state/index.ts";
import { createRedisState } from "../../src/ops/state/redis.ts";
import { captureLogs } from "../fakes/faults.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";
import { startTestRedis, type TestRedis } from "../support/redis-server.ts";
import { stateContract } from "../support/state-contract.ts";

let redis: TestRedis;
before(async () => {
  redis = await startTestRedis();
});
after(async () => {
  await redis?.stop();
});

describe("Redis shared state", () => {
  stateContract(() => createRedisState(redis.url, silentLogger));

  it("is what openSharedState opens when REDIS_URL (or its old name) is set", async () => {
    for (const name of ["REDIS_URL", "RATE_LIMIT_REDIS_URL"]) {
      const state = await openSharedState(loadConfig({ [name]: redis.url }), silentLogger);
      assert.equal(state.kind, "redis", name);
      await state.close();
    }
    const memory = await openSharedState(loadConfig({}), silentLogger);
    assert.equal(memory.kind, "memory");
    await memory.close();
  });

  it("shares claims, counters, values and logs between two clients", async () => {
    const a = await createRedisState(redis.url, silentLogger);
    const b = await createRedisState(redis.url, silentLogger);
    const id = `${Math.random()}`;
    assert.equal(await a.claim(`dedupe:${id}`, 60_000), true);
    assert.equal(await b.claim(`dedupe:${id}`, 60_000), false);
    await a.hit(`rl:${id}`, 60_000);
    assert.equal((await b.hit(`rl:${id}`, 60_000)).count, 2);
    await a.set(`kv:${id}`, "from a", 60_000);
    assert.equal(await b.get(`kv:${id}`), "from a");
    await a.append(`log:${id}`, "one", 10);
    await b.append(`log:${id}`, "two", 10);
    assert.deepEqual(await a.readLog(`log:${id}`), ["one", "two"]);
    await Promise.all([a.close(), b.close()]);
  });

  it("keeps one instance's rate limit for a user on the other instance", async () => {
    const limits = { user: { points: 2, seconds: 30 }, channel: { points: 100, seconds: 30 } };
    const a = await createRedisState(redis.url, silentLogger);
    const b = await createRedisState(redis.url, silentLogger);
    const who: Requester = { platform: "slack", userId: `U${Math.random()}` };
    const first = createRateGate(limits, a);
    const second = createRateGate(limits, b);
    assert.equal((await first(who)).ok, true);
    assert.equal((await second(who)).ok, true);
    const third = await first(who);
    assert.equal(third.ok, false);
    assert.ok(!third.ok && third.retryInSeconds >= 1 && third.retryInSeconds <= 30);
    await Promise.all([a.close(), b.close()]);
  });

  it("keeps keys apart by prefix, with a window that expires", async () => {
    const one = await createRedisState(redis.url, silentLogger, { keyPrefix: "one:" });
    const two = await createRedisState(redis.url, silentLogger, { keyPrefix: "two:" });
    assert.equal(await one.claim("same", 60_000), true);
    assert.equal(await two.claim("same", 60_000), true);
    assert.equal((await one.hit("short", 100)).count, 1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal((await one.hit("short", 100)).count, 1, "a new window after the old one expired");
    await Promise.all([one.close(), two.close()]);
  });
});

describe("Redis down, hung, and back", () => {
  it("answers from memory while Redis is down, logs once, and shares again when it returns", async () => {
    const logs = captureLogs("info");
    const state: SharedState = await createRedisState(redis.url, logs.logger, {
      probeEveryMs: 50,
    });
    assert.equal(state.kind, "redis");
    await state.set("before", "shared", 60_000);

    await redis.stop();
    // Every call still answers, from this instance's memory.
    for (let i = 0; i < 20; i++) assert.equal(await state.claim(`down:${i}`, 60_000), true);
    assert.equal((await state.hit("down-hit", 60_000)).count, 1);
    assert.equal((await state.hit("down-hit", 60_000)).count, 2);
    assert.equal(state.kind, "memory");
    const outages = () => logs.parsed().filter((l) => l.msg.startsWith("Redis unavailable")).length;
    assert.equal(outages(), 1, "one outage, one warning");

    await redis.start();
    await waitFor(() => state.kind === "redis", 10_000);
    assert.equal(logs.parsed().filter((l) => l.msg.startsWith("Redis is back")).length, 1);
    // The restarted server is empty (nothing saved), and the state writes there again.
    await state.set("after", "shared again", 60_000);
    const other = await createRedisState(redis.url, silentLogger);
    assert.equal(await other.get("after"), "shared again");
    await Promise.all([state.close(), other.close()]);
    assert.ok(!logs.lines.some((l) => l.includes(redis.url)), "the URL is never logged");
  });

  it("falls back when Redis hangs instead of waiting on it", async () => {
    const state = await createRedisState(redis.url, silentLogger, {
      commandTimeoutMs: 100,
      probeEveryMs: 50,
    });
    redis.freeze();
    try {
      assert.equal(await state.claim("frozen", 60_000), true);
      assert.equal(state.kind, "memory");
      // Already known to be down: this one goes straight to memory.
      assert.equal(await state.claim("frozen", 60_000), false);
    } finally {
      redis.thaw();
    }
    await waitFor(() => state.kind === "redis", 10_000);
    await state.close();
  });

  it("starts in memory when Redis is not there, and moves to Redis once it is", async () => {
    await redis.stop();
    const logs = captureLogs("info");
    const state = await createRedisState(redis.url, logs.logger, {
      connectWaitMs: 200,
      probeEveryMs: 50,
    });
    assert.equal(state.kind, "memory");
    assert.equal(await state.claim("early", 60_000), true);
    await redis.start();
    await waitFor(() => state.kind === "redis", 10_000);
    assert.equal(await state.claim("late", 60_000), true);
    await state.close();
  });
});
