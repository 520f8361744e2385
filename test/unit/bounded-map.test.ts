import assert from "node:assert/strict";
import { test } from "node:test";
import { BoundedMap } from "../../src/core/bounded-map.ts";

test("a bounded map never holds more than its maximum, and the key just added stays", () => {
  const map = new BoundedMap<number, string>({ max: 3 });
  for (let i = 0; i < 100; i++) {
    map.set(i, `v${i}`);
    assert.ok(map.size <= 3);
    assert.equal(map.get(i), `v${i}`);
  }
  const one = new BoundedMap<string, number>({ max: 0 }); // at least one key is kept
  one.set("a", 1);
  one.set("b", 2);
  assert.equal(one.size, 1);
  assert.equal(one.peek("b"), 2);
});

test("a key used since it was added outlives keys nobody asked for again (second chance)", () => {
  const map = new BoundedMap<string, number>({ max: 3 });
  map.set("popular", 1);
  map.set("a", 2);
  map.set("b", 3);
  for (let i = 0; i < 20; i++) {
    assert.equal(map.get("popular"), 1); // asked again between every new key
    map.set(`new${i}`, i);
  }
  assert.equal(map.peek("popular"), 1);
  assert.equal(map.peek("a"), undefined);
  assert.equal(map.peek("b"), undefined);
});

test("peek is not a use: a key only peeked at goes in its turn", () => {
  const map = new BoundedMap<string, number>({ max: 2 });
  map.set("a", 1);
  map.set("b", 2);
  map.peek("a");
  map.set("c", 3);
  assert.equal(map.peek("a"), undefined);
  assert.deepEqual([map.peek("b"), map.peek("c")], [2, 3]);
});

test("a stale value goes first, even one in use", () => {
  const map = new BoundedMap<string, { expired: boolean }>({
    max: 2,
    stale: (v) => v.expired,
  });
  map.set("old", { expired: true });
  map.set("fresh", { expired: false });
  map.get("old");
  map.get("fresh");
  map.set("newest", { expired: false });
  assert.equal(map.peek("old"), undefined);
  assert.ok(map.peek("fresh"));
  assert.ok(map.peek("newest"));
});

test("getOrSet computes a value once per key while it is kept", () => {
  const map = new BoundedMap<string, number>({ max: 10 });
  let calls = 0;
  const compute = (key: string) => {
    calls++;
    return key.length;
  };
  assert.equal(map.getOrSet("abc", compute), 3);
  assert.equal(map.getOrSet("abc", compute), 3);
  assert.equal(calls, 1);
  map.delete("abc");
  assert.equal(map.getOrSet("abc", compute), 3);
  assert.equal(calls, 2);
  map.clear();
  assert.equal(map.size, 0);
});
