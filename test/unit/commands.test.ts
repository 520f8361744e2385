/**
 * The real command registry, through the dispatcher: every topic of
 * /incident and /policy, /sources, /help, /ask follow-ups and the hidden
 * `fact` command. Topics are read from the registry, never hard-coded.
 */

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { MAX_ANSWER_LENGTH } from "../../src/answer/compose.ts";
import type { AnyCommand } from "../../src/core/define-command.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import type { ChoiceOption, OptionSpec } from "../../src/core/options.ts";
import { factBase, getFact, SECONDARY_MARK } from "../../src/facts/index.ts";

const dispatcher = createDispatcher({ commands });
const who: Requester = { platform: "console", userId: "tester" };
const sourceIds = new Set(factBase.sources.map((s) => s.id));

function commandNamed(name: string): AnyCommand {
  const command = commands.find((c) => c.name === name);
  assert.ok(command, `/${name} is registered`);
  return command;
}

function topicsOf(name: string): string[] {
  const options = commandNamed(name).options as Record<string, OptionSpec>;
  const topic = options.topic as ChoiceOption | undefined;
  assert.equal(topic?.kind, "choice");
  return topic.choices.map((c) => c.value);
}

for (const name of ["incident", "policy"]) {
  describe(`/${name}`, () => {
    const topics = topicsOf(name);

    test("has topics", () => assert.ok(topics.length >= 5));

    for (const topic of topics) {
      test(`${topic}: titled, with content and citations, and its replay key reproduces it`, async () => {
        const reply = await dispatcher.dispatch(name, { topic }, who);
        assert.equal(reply.kind, "topic");
        assert.ok(reply.title.length > 0);
        assert.ok(reply.paragraphs.length + reply.bullets.length >= 1, "some content");
        assert.ok(reply.citations.length >= 1, "some citation");
        for (const c of reply.citations) assert.ok(sourceIds.has(c.sourceId), c.sourceId);
        assert.equal(reply.ephemeral, true);
        assert.ok(reply.replay, "a replay key");
        assert.deepEqual(await dispatcher.replay(reply.replay, "follow", who), reply);
        for (const id of reply.meta?.facts ?? []) assert.ok(getFact(id), id);
      });
    }

    test("no topic shows the first one", async () => {
      const plain = await dispatcher.dispatch(name, {}, who);
      const first = await dispatcher.dispatch(name, { topic: topics[0] }, who);
      assert.deepEqual(plain, first);
    });

    test("`public` posts it for everyone", async () => {
      const reply = await dispatcher.dispatch(name, { topic: topics[0], public: true }, who);
      assert.equal(reply.ephemeral, false);
    });
  });
}

describe("topic details", () => {
  test("/policy applies-to-me carries the not-legal-advice note", async () => {
    const reply = await dispatcher.dispatch("policy", { topic: "applies-to-me" }, who);
    assert.match(reply.note ?? "", /not legal advice/i);
    const rule = await dispatcher.dispatch("policy", { topic: "rule" }, who);
    assert.equal(rule.note, undefined);
  });

  test("/incident timeline is in date order and ends with what no source says", async () => {
    const reply = await dispatcher.dispatch("incident", { topic: "timeline" }, who);
    const dated = (reply.meta?.facts ?? [])
      .map((id) => getFact(id)?.when?.date)
      .filter((d): d is string => d !== undefined);
    assert.ok(dated.length >= 3);
    assert.deepEqual([...dated].sort(), dated);
    assert.equal(reply.bullets.length, dated.length + 1);
    assert.match(reply.bullets.at(-1) ?? "", /No source says/);
    // Each dated line shows its year.
    for (const line of reply.bullets.slice(0, -1)) assert.match(line, /\b20\d\d\b/, line);
    const years = reply.bullets.slice(0, -1).map((l) => Number(/\b(20\d\d)\b/.exec(l)?.[1]));
    assert.deepEqual(
      [...years].sort((a, b) => a - b),
      years,
    );
  });

  test("topic citations are one per source, with quotes shown as quotes", async () => {
    const reply = await dispatcher.dispatch("incident", { topic: "statement" }, who);
    const ids = reply.citations.map((c) => c.sourceId);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of reply.citations) assert.equal(c.quote, undefined);
    assert.ok(reply.quotes.length >= 1);
  });

  test("follow-ups on a topic each replay to an answer", async () => {
    const reply = await dispatcher.dispatch("incident", { topic: "summary" }, who);
    assert.ok(reply.followUps.length >= 1);
    for (const f of reply.followUps) {
      const answer = await dispatcher.replay(f.replay, "follow", who);
      assert.equal(answer.kind, "answer", f.replay);
    }
  });
});

describe("topics cover the fact base", () => {
  test("every fact is shown by some /incident or /policy topic (the timeline shows the dated ones)", async () => {
    const shown = new Set<string>();
    for (const name of ["incident", "policy"])
      for (const topic of topicsOf(name)) {
        const reply = await dispatcher.dispatch(name, { topic }, who);
        for (const id of reply.meta?.facts ?? []) shown.add(id);
      }
    const missing = [...factBase.facts.values()]
      .map((f) => f.id)
      .filter((id) => !shown.has(id) && id !== "incident.timeline");
    assert.deepEqual(
      missing,
      [],
      "add these facts to a topic in commands/incident.ts or commands/policy.ts",
    );
  });
});

describe("/sources", () => {
  test("lists every source in the fact base", async () => {
    const reply = await dispatcher.dispatch("sources", {}, who);
    assert.equal(reply.kind, "sources");
    assert.deepEqual(
      reply.citations.map((c) => c.sourceId),
      factBase.sources.map((s) => s.id),
    );
    assert.equal(reply.bullets.length, factBase.sources.length);
    for (const [i, s] of factBase.sources.entries()) {
      assert.ok(reply.bullets[i]?.includes(s.title), s.id);
      if (s.url) assert.ok(reply.bullets[i]?.includes(s.url), s.id);
      else assert.ok(reply.bullets[i]?.includes("no stable link"), s.id);
      // The explanation promises that secondary sources are marked: they are, and only they.
      assert.equal(reply.bullets[i]?.includes("secondary"), s.secondary === true, s.id);
      if (s.urlNote) assert.ok(reply.bullets[i]?.includes(s.urlNote), s.id);
    }
    assert.match(reply.paragraphs.join(" "), /secondary/);
    assert.ok(factBase.sources.some((s) => s.secondary));
    assert.equal(reply.replay, "sources");
  });

  test("marks exactly the sources held second-hand, as its explanation promises", async () => {
    const reply = await dispatcher.dispatch("sources", {}, who);
    assert.match(reply.paragraphs.join(" "), new RegExp(`marked "${SECONDARY_MARK}"`));
    const marked = factBase.sources.filter((_, i) =>
      reply.bullets[i]?.endsWith(`[${SECONDARY_MARK}]`),
    );
    assert.ok(marked.length > 0, "some source is secondary");
    assert.deepEqual(
      marked.map((s) => s.id),
      factBase.sources.filter((s) => s.secondary).map((s) => s.id),
    );
  });
});

describe("/help", () => {
  test("lists every visible command and never the hidden one", async () => {
    const reply = await dispatcher.dispatch("help", {}, who);
    assert.equal(reply.kind, "help");
    const visible = commands.filter((c) => !c.hidden);
    assert.ok(commands.some((c) => c.hidden && c.name === "fact"));
    assert.equal(reply.bullets.length, visible.length);
    for (const c of visible) {
      assert.ok(
        reply.bullets.some((b) => b.startsWith(`/${c.name}`)),
        `/${c.name} in help`,
      );
    }
    assert.ok(!reply.bullets.some((b) => b.startsWith("/fact")));
    assert.doesNotMatch(JSON.stringify(reply), /\/fact\b/);
  });

  test("usage lines show topics and required options", async () => {
    const reply = await dispatcher.dispatch("help", {}, who);
    assert.ok(reply.bullets.some((b) => b.startsWith("/ask <question>")));
    assert.ok(
      reply.bullets.some((b) => b.startsWith(`/incident [${topicsOf("incident").join("|")}]`)),
    );
  });

  test("explains how to ask on each platform", async () => {
    const texts = new Set<string>();
    for (const platform of ["discord", "slack", "console"] as const) {
      const reply = await dispatcher.dispatch("help", {}, { platform, userId: "u" });
      texts.add(reply.paragraphs[1] ?? "");
    }
    assert.equal(texts.size, 3);
  });
});

describe("/ask", () => {
  test("an answer is titled with the question understood, cited, and its follow-ups replay to answers", async () => {
    const reply = await dispatcher.dispatch("ask", { question: "why was bytedance banned" }, who);
    assert.equal(reply.kind, "answer");
    assert.equal(reply.title, getFact("incident.reason")?.questions[0]);
    assert.ok(reply.citations.length >= 1);
    assert.equal(reply.replay, "fact incident.reason");
    assert.ok(reply.followUps.length >= 1 && reply.followUps.length <= 3);
    for (const f of reply.followUps) {
      assert.ok(f.question.length <= 80);
      const next = await dispatcher.replay(f.replay, "follow", who);
      assert.equal(next.kind, "answer", f.replay);
      assert.equal(next.title, f.question);
    }
  });

  test("an answer of several facts is titled with each fact's question, not the first alone", async () => {
    const reply = await dispatcher.dispatch(
      "ask",
      { question: "when and why was bytedance's account suspended" },
      who,
    );
    const facts = reply.meta?.facts ?? [];
    assert.ok(facts.length >= 2, String(facts));
    assert.equal(reply.title, facts.map((id) => getFact(id)?.questions[0]).join(" / "));
    assert.ok(reply.title.length <= 150);
  });

  test("an abstention offers starter questions that replay to answers, and records near misses", async () => {
    const reply = await dispatcher.dispatch(
      "ask",
      { question: "what's the weather in Paris" },
      who,
    );
    assert.equal(reply.kind, "abstain");
    assert.deepEqual(reply.citations, []);
    assert.equal(reply.replay, undefined);
    assert.equal(reply.meta?.answered, false);
    assert.ok(reply.followUps.length >= 2 && reply.followUps.length <= 3);
    for (const f of reply.followUps) {
      assert.equal((await dispatcher.replay(f.replay, "follow", who)).kind, "answer");
    }
    const near = await dispatcher.dispatch("ask", { question: "does bytedance sell pizza" }, who);
    assert.equal(near.kind, "abstain");
    const misses = near.meta?.nearMisses ?? [];
    assert.ok(misses.length >= 1 && misses.length <= 3);
    for (const m of misses) assert.ok(getFact(m.id) && m.score >= 0 && m.score <= 1, m.id);
  });
});

describe("hidden fact command", () => {
  test("unknown ids give a friendly invalid reply", async () => {
    const reply = await dispatcher.dispatch("fact", { ids: "no.such-fact,also.missing" }, who);
    assert.equal(reply.kind, "invalid");
    assert.match(reply.paragraphs.join(" "), /\/ask/);
    const replayed = await dispatcher.replay("fact nothing", "follow", who);
    assert.equal(replayed.kind, "invalid");
  });

  test(`several ids make one answer; facts that would pass ${MAX_ANSWER_LENGTH} characters are left out`, async () => {
    const ids = "incident.spokesperson, incident.suspension-date";
    const reply = await dispatcher.dispatch("fact", { ids }, who);
    assert.equal(reply.kind, "answer");
    assert.deepEqual(reply.meta?.facts, ["incident.spokesperson", "incident.suspension-date"]);
    assert.equal(reply.replay, "fact incident.spokesperson,incident.suspension-date");
    const long = await dispatcher.dispatch(
      "fact",
      { ids: "incident.reason,policy.rule,incident.summary" },
      who,
    );
    assert.deepEqual(long.meta?.facts, ["incident.reason", "policy.rule"]);
    assert.ok((long.paragraphs.join(" ") ?? "").length <= MAX_ANSWER_LENGTH);
  });
});

describe("kept replies (built once, shared by everyone who asks the same)", () => {
  const slackUser = (n: number): Requester => ({
    platform: "slack",
    userId: `U${n}`,
    channelId: "C1",
  });

  test("a public ask never turns the kept reply public for the next asker, nor the reverse", async () => {
    for (const [name, options] of [
      ["incident", { topic: "timeline" }],
      ["ask", { question: "why was ByteDance suspended?" }],
      ["sources", {}],
      ["help", {}],
    ] as const) {
      const first = await dispatcher.dispatch(name, { ...options, public: true }, slackUser(1));
      const second = await dispatcher.dispatch(name, options, slackUser(2));
      const third = await dispatcher.dispatch(name, { ...options, public: true }, slackUser(3));
      assert.equal(first.ephemeral, false, name);
      assert.equal(second.ephemeral, true, name);
      assert.equal(third.ephemeral, false, name);
      assert.ok(Object.isFrozen(second) && Object.isFrozen(second.paragraphs), name);
      assert.throws(() => {
        (second as { ephemeral: boolean }).ephemeral = false;
      }, TypeError);
    }
  });

  test("a repeated question gets the same reply object; a follow-up with context does not", async () => {
    const asker = slackUser(10);
    const a = await dispatcher.dispatch("ask", { question: "what is Project Seed?" }, asker);
    const b = await dispatcher.dispatch(
      "ask",
      { question: "what is Project Seed?" },
      slackUser(11),
    );
    assert.equal(a, b);
    const { withMemory } = dispatcherWithMemory();
    await withMemory.dispatch("ask", { question: "what is Project Seed?" }, asker);
    const followUp = await withMemory.dispatch("ask", { question: "why?" }, asker);
    const alone = await withMemory.dispatch("ask", { question: "why?" }, slackUser(12));
    assert.notEqual(followUp, alone);
    assert.equal(Object.isFrozen(followUp), false);
  });

  test("a long message's turn is remembered as the question it asked, not the scene", async () => {
    const { withMemory, memory } = dispatcherWithMemory();
    const asker = slackUser(13);
    const question = "my boss sent me this story and I need the basics. What was Project Seed?";
    await withMemory.dispatch("ask", { question }, asker);
    assert.equal(JSON.parse(memory.get(asker.userId) ?? "{}").question, "What was Project Seed?");
  });
});

/** A dispatcher whose conversation memory is a Map of each user's last turn. */
function dispatcherWithMemory() {
  const memory = new Map<string, string>();
  const withMemory = createDispatcher({
    commands,
    conversations: {
      handleFor: (w) => ({
        recall: async () => {
          const turn = memory.get(w.userId);
          return turn ? JSON.parse(turn) : undefined;
        },
        remember: async (turn) => void memory.set(w.userId, JSON.stringify(turn)),
      }),
    },
  });
  return { withMemory, memory };
}
