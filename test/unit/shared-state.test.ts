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

  it("keeps evicting the least recently used key over many evictions and uses", async () => {
    const maxKeys = 5;
    const state = createMemoryState({ maxKeys });
    // A model of the order: least recently used first.
    const order: string[] = [];
    const touch = (key: string) => {
      const at = order.indexOf(key);
      if (at >= 0) order.splice(at, 1);
      order.push(key);
      if (order.length > maxKeys) order.shift();
    };
    for (let i = 0; i < 200; i++) {
      const key = `k${i}`;
      await state.set(key, String(i), 60_000);
      touch(key);
      // Every third round, use a key that is still there, so the order is not insertion order.
      if (i % 3 === 0) {
        const used = order[i % order.length] as string;
        assert.notEqual(await state.get(used), undefined);
        touch(used);
      }
    }
    for (let i = 0; i < 200; i++) {
      const kept = order.includes(`k${i}`);
      assert.equal((await state.get(`k${i}`)) !== undefined, kept, `k${i}`);
      if (kept) touch(`k${i}`);
    }
  });
});
