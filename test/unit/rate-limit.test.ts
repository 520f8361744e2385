import assert from "node:assert/strict";
import { test } from "node:test";
import { commands } from "../../commands/index.ts";
import type { RateGate } from "../../src/core/dispatch.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import { createRateGate } from "../../src/ops/rate-limit.ts";
import { createMemoryState } from "../../src/ops/state/index.ts";

const limits = { user: { points: 3, seconds: 10 }, channel: { points: 5, seconds: 10 } };
const alice: Requester = { platform: "discord", userId: "111", channelId: "c1" };
const bob: Requester = { platform: "discord", userId: "222", channelId: "c1" };
const carol: Requester = { platform: "discord", userId: "333", channelId: "c2" };

function createMemoryRateGate(l: typeof limits): RateGate {
  return createRateGate(l, createMemoryState());
}

async function times(n: number, gate: RateGate, who: Requester) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await gate(who));
  return results;
}

test("the N+1st request in the window is limited, with a retry time of at least 1 s", async () => {
  const gate = createMemoryRateGate(limits);
  const results = await times(4, gate, { ...alice, channelId: undefined });
  assert.deepEqual(
    results.slice(0, 3).map((r) => r.ok),
    [true, true, true],
  );
  const fourth = results[3];
  assert.equal(fourth?.ok, false);
  assert.ok(fourth && !fourth.ok && fourth.retryInSeconds >= 1 && fourth.retryInSeconds <= 10);
});

test("one user's limit leaves other users alone", async () => {
  const gate = createMemoryRateGate(limits);
  await times(4, gate, alice);
  assert.equal((await gate(carol)).ok, true);
  // Same numeric id on another platform is another person.
  assert.equal((await gate({ ...alice, platform: "slack", channelId: undefined })).ok, true);
});

test("the channel limit applies across users", async () => {
  const gate = createMemoryRateGate(limits);
  const a = await times(3, gate, alice);
  const b = await times(3, gate, bob);
  assert.ok(a.every((r) => r.ok));
  assert.deepEqual(
    b.map((r) => r.ok),
    [true, true, false],
  );
  // Another channel has its own budget.
  assert.equal((await gate(carol)).ok, true);
});

test("dispatch turns a limited request into a friendly reply with the wait", async () => {
  const dispatcher = createDispatcher({
    commands,
    rateGate: createMemoryRateGate({ ...limits, user: { points: 1, seconds: 30 } }),
  });
  const first = await dispatcher.dispatch("sources", {}, alice);
  assert.notEqual(first.kind, "rate-limited");
  const second = await dispatcher.dispatch("sources", {}, alice);
  assert.equal(second.kind, "rate-limited");
  assert.match(second.paragraphs.join(" "), /try again in ([1-9]|[12]\d|30) s\./);
});

test("a store that fails lets the request through rather than lock everyone out", async () => {
  const broken = createMemoryState();
  broken.hit = async () => {
    throw new Error("store down");
  };
  const gate = createRateGate(limits, broken);
  assert.deepEqual(await gate(alice), { ok: true });
});
