// The behaviour every SharedState implementation must have; run against memory
// here and against a real redis-server in the Redis tests.
import assert from "node:assert/strict";
import { it } from "node:test";
import type { SharedState } from "../../src/ops/state/index.ts";

export function stateContract(make: () => Promise<SharedState>, unique = () => `${Math.random()}`) {
  it("claims a key once while it is remembered", async () => {
    const state = await make();
    const key = `claim:${unique()}`;
    assert.equal(await state.claim(key, 60_000), true);
    assert.equal(await state.claim(key, 60_000), false);
    await state.close();
  });

  it("counts hits in a window and reports the time left", async () => {
    const state = await make();
    const key = `hit:${unique()}`;
    assert.equal((await state.hit(key, 60_000)).count, 1);
    const second = await state.hit(key, 60_000);
    assert.equal(second.count, 2);
    assert.ok(second.resetInMs > 0 && second.resetInMs <= 60_000);
    await state.close();
  });

  it("gets what was set, and nothing for an unknown key", async () => {
    const state = await make();
    const key = `kv:${unique()}`;
    assert.equal(await state.get(key), undefined);
    await state.set(key, "value", 60_000);
    assert.equal(await state.get(key), "value");
    await state.close();
  });

  it("keeps a capped log, oldest first", async () => {
    const state = await make();
    const log = `log:${unique()}`;
    for (const entry of ["a", "b", "c", "d"]) await state.append(log, entry, 3);
    assert.deepEqual(await state.readLog(log), ["b", "c", "d"]);
    await state.close();
  });
}
