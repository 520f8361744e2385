import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMemoryState } from "../../src/ops/state/index.ts";
import { stateContract } from "../support/state-contract.ts";

describe("memory shared state", () => {
  stateContract(async () => createMemoryState());

  it("forgets a key when its time is up", async () => {
    let t = 0;
    const state = createMemoryState({ now: () => t });
    assert.equal(await state.claim("k", 1000), true);
    t = 999;
    assert.equal(await state.claim("k", 1000), false);
    t = 1000;
    assert.equal(await state.claim("k", 1000), true);
    assert.deepEqual(await state.hit("w", 500), { count: 1, resetInMs: 500 });
    t = 1500;
    assert.equal((await state.hit("w", 500)).count, 1);
  });

  it("drops the least recently used key past its bound", async () => {
    const state = createMemoryState({ maxKeys: 2 });
    await state.set("a", "1", 60_000);
    await state.set("b", "2", 60_000);
    await state.get("a"); // a is now the most recently used
    await state.set("c", "3", 60_000);
    assert.equal(await state.get("b"), undefined);
    assert.equal(await state.get("a"), "1");
    assert.equal(await state.get("c"), "3");
  });

  it("keeps a busy key and the newest keys over many evictions", async () => {
    const maxKeys = 5;
    const state = createMemoryState({ maxKeys });
    await state.hit("busy", 60_000);
    for (let i = 0; i < 200; i++) {
      await state.set(`k${i}`, String(i), 60_000);
      if (i % 3 === 0) await state.hit("busy", 60_000);
    }
    const kept = [];
    for (let i = 0; i < 200; i++) if ((await state.get(`k${i}`)) !== undefined) kept.push(i);
    assert.ok(kept.length < maxKeys, "the bound holds");
    assert.ok(kept.includes(199), "the newest key is kept");
    // Never evicted: its count went on from the first hit.
    assert.equal((await state.hit("busy", 60_000)).count, 1 + Math.ceil(200 / 3) + 1);
  });
});
