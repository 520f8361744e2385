import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { formatGroups } from "../../src/cli/unanswered.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import { hashUserId } from "../../src/core/hash-id.ts";
import { makeReply } from "../../src/core/reply.ts";
import { groupQuestions } from "../../src/ops/unanswered/group.ts";
import { createUnansweredRecorder } from "../../src/ops/unanswered/recorder.ts";
import { openUnansweredStore } from "../../src/ops/unanswered/store.ts";

const dir = mkdtempSync(join(tmpdir(), "unanswered-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;
const who: Requester = { platform: "slack", userId: "U024BE7LH", channelId: "C123" };

test("the database, its directory and table are created on first use", () => {
  const path = join(dir, "nested", "deeper", "unanswered.db");
  assert.equal(existsSync(path), false);
  const store = openUnansweredStore(path);
  assert.equal(existsSync(path), true);
  assert.equal(store.count(), 0);
  store.record({ question: "q", userHash: "h", platform: "console", nearMisses: [] });
  store.close();
  // Reopening finds the table and the row.
  const again = openUnansweredStore(path);
  assert.equal(again.count(), 1);
  again.close();
  const memory = openUnansweredStore(":memory:");
  assert.equal(memory.count(), 0);
  memory.close();
});

test("a real dispatcher records abstentions of /ask, with a hashed user, and nothing else", async () => {
  const store = openUnansweredStore(join(dir, "dispatch.db"));
  const dispatcher = createDispatcher({ commands, onHandled: createUnansweredRecorder(store) });

  const out = await dispatcher.dispatch(
    "ask",
    { question: "  What is the best **pizza** topping <@U999>?  " },
    who,
  );
  assert.equal(out.kind, "abstain");
  await dispatcher.dispatchText("ask", "who won the 1998 world cup", who);
  // Answered, help, invalid, topic and unknown commands are not recorded.
  await dispatcher.dispatch("ask", { question: "why was bytedance suspended" }, who);
  await dispatcher.dispatch("ask", { question: "   " }, who);
  await dispatcher.dispatch("ask", { question: "x".repeat(600) }, who);
  await dispatcher.dispatch("incident", { topic: "timeline" }, who);
  await dispatcher.dispatch("nope", {}, who);

  const rows = store.list();
  assert.deepEqual(
    rows.map((r) => r.question),
    ["What is the best **pizza** topping @someone?", "who won the 1998 world cup"],
  );
  for (const row of rows) {
    assert.equal(row.platform, "slack");
    assert.equal(row.userHash, hashUserId("slack", who.userId));
    assert.ok(!JSON.stringify(row).includes(who.userId));
    assert.ok(Math.abs(row.askedAt - Date.now()) < 60_000);
    assert.ok(Array.isArray(row.nearMisses));
  }
  store.close();
});

test("near misses from the reply's meta are kept, cleaned and capped", () => {
  const store = openUnansweredStore(":memory:");
  const record = createUnansweredRecorder(store);
  const reply = makeReply({
    kind: "abstain",
    title: "I don't know that",
    meta: {
      answered: false,
      confidence: 0.31,
      facts: [],
      nearMisses: [
        { id: "incident.reason", score: 0.41234 },
        { id: "policy.rule", score: 0.3 },
      ],
    },
  });
  record({ who, command: "ask", options: { question: "why bytedance?" }, reply, durationMs: 1 });
  const errorReply = makeReply({ kind: "error", title: "Something went wrong" });
  record({ who, command: "ask", options: { question: "boom" }, reply: errorReply, durationMs: 1 });
  const [row, ...rest] = store.list();
  assert.equal(rest.length, 0);
  assert.deepEqual(row?.nearMisses, [
    { id: "incident.reason", score: 0.412 },
    { id: "policy.rule", score: 0.3 },
  ]);
  store.close();
});

test("retention: old rows and rows beyond the cap are pruned on insert", () => {
  let now = Date.UTC(2024, 5, 1);
  const store = openUnansweredStore(join(dir, "retention.db"), {
    retentionDays: 30,
    maxRows: 50,
    pruneEvery: 10,
    now: () => now,
  });
  const entry = (question: string, askedAt: number) => ({
    question,
    userHash: "h",
    platform: "discord",
    nearMisses: [],
    askedAt,
  });
  for (let i = 0; i < 5; i++) store.record(entry(`ancient ${i}`, now - 40 * DAY));
  for (let i = 0; i < 4; i++) store.record(entry(`recent ${i}`, now - DAY));
  assert.equal(store.count(), 9, "no pruning before the 10th insert");
  store.record(entry("recent 4", now));
  assert.equal(store.count(), 5, "the 10th insert prunes rows past 30 days");
  assert.ok(store.list().every((r) => r.question.startsWith("recent")));

  now += DAY;
  for (let i = 0; i < 100; i++) store.record(entry(`flood ${i}`, now));
  assert.equal(store.count(), 50, "the row cap keeps only the newest rows");
  assert.equal(store.list().at(-1)?.question, "flood 99");
  assert.equal(store.list()[0]?.question, "flood 50");
  // list(since) filters by time.
  assert.equal(store.list(now + 1).length, 0);
  store.close();
});

test("grouping: similar questions together, most frequent group first, deterministic", () => {
  const t0 = Date.UTC(2024, 0, 1);
  const asked = (
    question: string,
    minutes: number,
    nearMisses: { id: string; score: number }[] = [],
  ) => ({
    question,
    askedAt: t0 + minutes * 60_000,
    nearMisses,
  });
  const rows = [
    asked("what is the weather in paris", 1),
    asked("who is the ceo of bytedance", 2, [{ id: "incident.parties", score: 0.42 }]),
    asked("Who is the CEO of ByteDance?", 3, [{ id: "incident.parties", score: 0.4 }]),
    asked("tell me a joke", 4),
    asked("who is bytedance's ceo", 5, [{ id: "bytedance.response", score: 0.2 }]),
    asked("what's the weather in paris today", 6),
    asked("who is the ceo of bytedance", 7),
  ];
  const groups = groupQuestions(rows);
  assert.deepEqual(
    groups.map((g) => [g.count, g.representative]),
    [
      [4, "who is the ceo of bytedance"],
      [2, "what's the weather in paris today"],
      [1, "tell me a joke"],
    ],
  );
  const [ceo] = groups;
  assert.deepEqual(ceo?.variants, ["who is bytedance's ceo"]);
  assert.equal(ceo?.lastAskedAt, t0 + 7 * 60_000);
  assert.deepEqual(ceo?.nearMisses, [
    { id: "incident.parties", count: 2, bestScore: 0.42 },
    { id: "bytedance.response", count: 1, bestScore: 0.2 },
  ]);
  // Same input in another order, same output.
  assert.deepEqual(groupQuestions([...rows].reverse()), groups);
});

test("grouping caps variants at three and ignores blank questions", () => {
  const rows = [
    "why was bytedance banned",
    "why was bytedance banned again",
    "was bytedance banned why",
    "bytedance banned why was it",
    "why bytedance banned",
    "",
    "\u200B",
  ].map((question, i) => ({ question, askedAt: i, nearMisses: [] }));
  const groups = groupQuestions(rows);
  assert.equal(groups.length, 1);
  assert.equal(groups[0]?.count, 5);
  assert.equal(groups[0]?.variants.length, 3);
});

test("grouping has a floor: short questions with nothing in common stay apart", () => {
  const rows = ["when", "when", "who", "1", "thanks!", "when?"].map((question, i) => ({
    question,
    askedAt: i,
    nearMisses: [],
  }));
  const groups = groupQuestions(rows);
  assert.deepEqual(
    groups.map((g) => [g.count, g.representative, g.variants]),
    [
      [3, "when?", []],
      [1, "thanks!", []],
      [1, "1", []],
      [1, "who", []],
    ],
  );
});

test("questions are shown as they were asked, not as the engine cleaned them", async () => {
  const store = openUnansweredStore(":memory:");
  const dispatcher = createDispatcher({ commands, onHandled: createUnansweredRecorder(store) });
  const asked = "<script>alert(1)</script> why is the sky <b>blue</b>?";
  await dispatcher.dispatch("ask", { question: `${asked}\u200b\u0007` }, who);
  const rows = store.list();
  assert.deepEqual(
    rows.map((r) => r.question),
    [asked],
  );
  const shown = formatGroups(groupQuestions(rows), rows.length);
  assert.ok(shown.includes(`(1x) ${asked}`), shown);
  store.close();
});
