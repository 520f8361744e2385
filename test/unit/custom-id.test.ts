/**
 * Button ids: every action survives a round trip, an id that would pass
 * Discord's 100-character cap is not made, and garbage decodes to nothing.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ButtonAction,
  CUSTOM_ID_MAX,
  decodeCustomId,
  encodeCustomId,
} from "../../src/core/custom-id.ts";

const ACTIONS: ButtonAction[] = ["follow", "sources", "share"];
const KEYS = [
  "fact incident.reason",
  "fact incident.reason,policy.rule",
  "incident timeline",
  "help",
  "ask why: a:b:c?",
  "line\nbreak",
];

test("every action round-trips with its replay key", () => {
  for (const action of ACTIONS) {
    for (const replay of KEYS) {
      const id = encodeCustomId(action, replay);
      assert.ok(id, `${action} ${replay}`);
      assert.ok(id.length <= CUSTOM_ID_MAX);
      assert.deepEqual(decodeCustomId(id), { action, replay });
    }
  }
});

test("the three actions give three different ids for one key", () => {
  const ids = ACTIONS.map((a) => encodeCustomId(a, "help"));
  assert.equal(new Set(ids).size, 3);
});

test("an id over 100 characters is not made; exactly 100 is", () => {
  const overhead = (encodeCustomId("follow", "") ?? "").length;
  assert.equal(CUSTOM_ID_MAX, 100);
  const fits = "k".repeat(CUSTOM_ID_MAX - overhead);
  const id = encodeCustomId("follow", fits);
  assert.equal(id?.length, 100);
  assert.deepEqual(decodeCustomId(id ?? ""), { action: "follow", replay: fits });
  assert.equal(encodeCustomId("follow", `${fits}k`), undefined);
  assert.equal(encodeCustomId("share", "x".repeat(500)), undefined);
});

test("garbage decodes to undefined", () => {
  for (const id of [
    "",
    "idesk",
    "idesk:",
    "idesk:f:",
    "idesk:x:help",
    "idesk:F:help",
    "idesk:ff:help",
    "other:f:help",
    " idesk:f:help",
    "f:help",
    "idesk;f;help",
  ]) {
    assert.equal(decodeCustomId(id), undefined, JSON.stringify(id));
  }
});
