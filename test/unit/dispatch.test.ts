/**
 * The dispatcher with small made-up commands and with the real registry:
 * validation replies, the error boundary (an error id in the reply and in
 * the log), the rate gate, `public`, the onHandled hook, replay keys,
 * autocomplete and free-text parsing.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { type AnyCommand, defineCommand } from "../../src/core/define-command.ts";
import {
  createDispatcher,
  type HandledEvent,
  type RateGate,
  type Requester,
} from "../../src/core/dispatch.ts";
import { createLogger } from "../../src/core/logger.ts";
import { option } from "../../src/core/options.ts";
import { makeReply } from "../../src/core/reply.ts";

const who: Requester = { platform: "console", userId: "tester", channelId: "room" };
const onSlack: Requester = { platform: "slack", userId: "U1", channelId: "C1" };
const denyAll: RateGate = async () => ({ ok: false, retryInSeconds: 3 });

const echo = defineCommand({
  name: "echo",
  description: "Says the text back",
  options: {
    text: option.string({
      description: "What to say",
      required: true,
      maxLength: 10,
      autocomplete: (partial) => Array.from({ length: 40 }, (_, i) => `${partial}${i}`),
    }),
    loud: option.boolean({ description: "Shout it" }),
    public: option.boolean({ description: "Post for everyone" }),
  },
  examples: ["echo hello"],
  run({ text, loud }) {
    return makeReply({
      kind: "answer",
      title: "Echo",
      paragraphs: [loud ? text.toUpperCase() : text],
      replay: `echo ${text}`,
    });
  },
});

const colour = defineCommand({
  name: "colour",
  description: "Picks a colour",
  options: {
    pick: option.choice({
      description: "Which colour",
      choices: [
        { value: "red", description: "Red", aliases: ["crimson"] },
        { value: "green", description: "Green" },
      ],
    }),
  },
  examples: ["colour red"],
  run({ pick }) {
    return makeReply({ kind: "topic", title: `Colour ${pick ?? "none"}` });
  },
});

const boom = defineCommand({
  name: "boom",
  description: "Always fails",
  options: {
    word: option.string({
      description: "Anything",
      maxLength: 50,
      autocomplete: () => {
        throw new Error("autocomplete broke");
      },
    }),
  },
  examples: [],
  run() {
    throw new Error("kaboom: something internal");
  },
});

const asyncBoom = defineCommand({
  name: "asyncboom",
  description: "Fails later",
  options: {},
  examples: [],
  async run() {
    await Promise.resolve();
    throw new TypeError("late failure");
  },
});

const secret = defineCommand({
  name: "secret",
  description: "Hidden",
  hidden: true,
  options: {},
  examples: [],
  run: () => makeReply({ kind: "answer", title: "Secret" }),
});

const madeUp: AnyCommand[] = [echo, colour, boom, asyncBoom, secret];

/** A logger whose JSON lines land in an array. */
function capturingLogger(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, {
    write(line: string) {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  return { logger, lines };
}

describe("validation", () => {
  const d = createDispatcher({ commands: madeUp });

  test("an unknown command lists the visible commands, not hidden ones", async () => {
    const reply = await d.dispatch("nope", {}, who);
    assert.equal(reply.kind, "invalid");
    assert.equal(reply.title, "Unknown command");
    const text = reply.paragraphs.join(" ");
    assert.match(text, /\/nope/);
    for (const name of ["echo", "colour", "boom", "asyncboom"])
      assert.match(text, new RegExp(`/${name}\\b`));
    assert.doesNotMatch(text, /\/secret/);
  });

  test("the dispatcher's command list leaves hidden commands out", () => {
    assert.deepEqual(
      d.commands.map((c) => c.name),
      ["echo", "colour", "boom", "asyncboom"],
    );
  });

  test("a missing required option gives the command's help", async () => {
    for (const text of [undefined, "", "   ", "\u200b\u200b"]) {
      const reply = await d.dispatch("echo", text === undefined ? {} : { text }, who);
      assert.equal(reply.kind, "help", JSON.stringify(text));
      assert.equal(reply.title, "/echo");
      assert.match(reply.paragraphs[0] ?? "", /Type a text after \/echo/);
      assert.deepEqual(reply.bullets, ["/echo hello"]);
    }
  });

  test("a too-long string states the limit and the length", async () => {
    const reply = await d.dispatch("echo", { text: "abcdefghijk" }, who);
    assert.equal(reply.kind, "invalid");
    assert.match(reply.paragraphs[0] ?? "", /limit is 10 characters and yours has 11/);
  });

  test("strings are trimmed before the length check", async () => {
    const reply = await d.dispatch("echo", { text: "   abcdefghij   " }, who);
    assert.equal(reply.kind, "answer");
    assert.deepEqual(reply.paragraphs, ["abcdefghij"]);
  });

  test("a value of the wrong type or choice is invalid, naming the option", async () => {
    const wrongType = await d.dispatch("echo", { text: "hi", loud: "yes" }, who);
    assert.equal(wrongType.kind, "invalid");
    assert.match(wrongType.paragraphs[0] ?? "", /loud/);
    const wrongChoice = await d.dispatch("colour", { pick: "blue" }, who);
    assert.equal(wrongChoice.kind, "invalid");
    assert.match(wrongChoice.paragraphs[0] ?? "", /must be one of: red, green/);
  });

  test("typed options reach the command", async () => {
    const reply = await d.dispatch("echo", { text: "hi", loud: true }, who);
    assert.deepEqual(reply.paragraphs, ["HI"]);
  });
});

describe("error boundary", () => {
  test("a throwing command gives an error reply with an id that is also logged", async () => {
    const { logger, lines } = capturingLogger("info");
    const d = createDispatcher({ commands: madeUp, logger });
    for (const name of ["boom", "asyncboom"]) {
      lines.length = 0;
      const reply = await d.dispatch(name, {}, who);
      assert.equal(reply.kind, "error");
      const id = /error id ([0-9a-f]{8})\b/.exec(reply.paragraphs.join(" "))?.[1];
      assert.ok(id, reply.paragraphs.join(" "));
      const errorLine = lines.find((l) => l.msg === "command failed");
      assert.ok(errorLine, "an error line is logged");
      assert.equal(errorLine.errorId, id);
      assert.equal(errorLine.level, 50);
      assert.equal(errorLine.command, name);
      const handled = lines.find((l) => l.msg === "request handled");
      assert.equal(handled?.errorId, id);
      assert.equal(handled?.kind, "error");
      // The user sees no internals.
      assert.doesNotMatch(JSON.stringify(reply), /kaboom|late failure/);
    }
  });

  test("error ids differ between failures", async () => {
    const d = createDispatcher({ commands: madeUp });
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const reply = await d.dispatch("boom", {}, who);
      ids.add(/error id ([0-9a-f]{8})/.exec(reply.paragraphs.join(" "))?.[1] ?? "");
    }
    assert.equal(ids.size, 5);
  });

  test("a throwing rate gate or onHandled hook never makes dispatch throw", async () => {
    const d = createDispatcher({
      commands: madeUp,
      rateGate: async () => {
        throw new Error("limiter down");
      },
    });
    assert.equal((await d.dispatch("echo", { text: "hi" }, onSlack)).kind, "error");
    const { logger, lines } = capturingLogger("warn");
    const hooked = createDispatcher({
      commands: madeUp,
      logger,
      onHandled: () => {
        throw new Error("hook broke");
      },
    });
    const reply = await hooked.dispatch("echo", { text: "hi" }, who);
    assert.equal(reply.kind, "answer");
    assert.ok(lines.some((l) => l.msg === "onHandled hook failed"));
  });

  test("the request line logs hashed ids, never the raw user or channel", async () => {
    const { logger, lines } = capturingLogger("info");
    const d = createDispatcher({ commands: madeUp, logger });
    await d.dispatch(
      "echo",
      { text: "hi" },
      { platform: "slack", userId: "U999RAW", channelId: "C777RAW" },
    );
    const line = lines.find((l) => l.msg === "request handled");
    assert.ok(line);
    assert.match(String(line.user), /^[0-9a-f]{16}$/);
    assert.match(String(line.channel), /^[0-9a-f]{16}$/);
    assert.doesNotMatch(JSON.stringify(lines), /U999RAW|C777RAW/);
  });
});

describe("rate gate, public and onHandled", () => {
  test("a denied request is rate-limited with the retry seconds, and the command does not run", async () => {
    let runs = 0;
    const counted = defineCommand({
      name: "count",
      description: "Counts",
      options: {},
      examples: [],
      run() {
        runs++;
        return makeReply({ kind: "answer", title: "Counted" });
      },
    });
    const seen: Requester[] = [];
    const gate: RateGate = async (w) => {
      seen.push(w);
      return { ok: false, retryInSeconds: 7 };
    };
    const d = createDispatcher({ commands: [counted], rateGate: gate });
    const reply = await d.dispatch("count", {}, onSlack);
    assert.equal(reply.kind, "rate-limited");
    assert.match(reply.paragraphs.join(" "), /try again in 7 s/);
    assert.equal(runs, 0);
    assert.deepEqual(seen, [onSlack]);
    const allowed = createDispatcher({ commands: [counted], rateGate: async () => ({ ok: true }) });
    assert.equal((await allowed.dispatch("count", {}, onSlack)).kind, "answer");
    assert.equal(runs, 1);
  });

  test("the local console and CLI are never rate-limited", async () => {
    const d = createDispatcher({ commands: madeUp, rateGate: denyAll });
    for (const platform of ["console", "cli"] as const) {
      const local = { platform, userId: "operator" };
      for (let i = 0; i < 12; i++)
        assert.equal((await d.handleText("echo hi", local)).kind, "answer");
    }
    assert.equal((await d.handleText("echo hi", onSlack)).kind, "rate-limited");
  });

  test("`public: true` makes a reply non-ephemeral; otherwise it stays private", async () => {
    const d = createDispatcher({ commands: madeUp });
    assert.equal((await d.dispatch("echo", { text: "hi" }, who)).ephemeral, true);
    assert.equal((await d.dispatch("echo", { text: "hi", public: false }, who)).ephemeral, true);
    assert.equal((await d.dispatch("echo", { text: "hi", public: true }, who)).ephemeral, false);
    const real = createDispatcher({ commands });
    const ask = await real.dispatch("ask", { question: "what is project seed", public: true }, who);
    assert.equal(ask.ephemeral, false);
  });

  test("onHandled receives each request with its reply", async () => {
    const events: HandledEvent[] = [];
    const d = createDispatcher({ commands: madeUp, onHandled: (e) => events.push(e) });
    const ok = await d.dispatch("echo", { text: "hi" }, who);
    const failed = await d.dispatch("boom", {}, who);
    await d.dispatchText("colour", "red", who);
    assert.equal(events.length, 3);
    const [first, second, third] = events;
    assert.equal(first?.command, "echo");
    assert.deepEqual(first?.options, { text: "hi" });
    assert.equal(first?.reply, ok);
    assert.deepEqual(first?.who, who);
    assert.equal(first?.errorId, undefined);
    assert.ok(typeof first?.durationMs === "number" && first.durationMs >= 0);
    assert.equal(second?.reply, failed);
    assert.match(second?.errorId ?? "", /^[0-9a-f]{8}$/);
    assert.deepEqual(third?.options, { text: "red" });
  });
});

describe("replay", () => {
  const d = createDispatcher({ commands });

  test("follow re-creates the answer from a fact key", async () => {
    const reply = await d.replay("fact incident.reason", "follow", who);
    assert.equal(reply.kind, "answer");
    assert.deepEqual(reply.meta?.facts, ["incident.reason"]);
    assert.equal(reply.ephemeral, true);
  });

  test("share makes the same reply public", async () => {
    const asked = await d.dispatch("ask", { question: "why was bytedance suspended" }, who);
    assert.ok(asked.replay);
    const shared = await d.replay(asked.replay, "share", who);
    assert.equal(shared.ephemeral, false);
    // Same content; only the confidence in meta differs (a replay rests on the facts themselves).
    const { meta: _a, ...sharedBody } = shared;
    const { meta: _b, ...askedBody } = asked;
    assert.deepEqual({ ...sharedBody, ephemeral: true }, askedBody);
    assert.deepEqual(shared.meta?.facts, asked.meta?.facts);
  });

  test("sources lists the reply's citations", async () => {
    const asked = await d.dispatch("ask", { question: "what is project seed" }, who);
    assert.ok(asked.replay && asked.citations.length > 0);
    const sources = await d.replay(asked.replay, "sources", who);
    assert.equal(sources.kind, "sources");
    assert.deepEqual(sources.citations, asked.citations);
    assert.equal(sources.bullets.length, asked.citations.length);
    for (const [i, c] of asked.citations.entries()) {
      assert.ok(sources.bullets[i]?.includes(c.publisher), sources.bullets[i]);
    }
  });

  test("a key with no argument and a topic key both work", async () => {
    assert.equal((await d.replay("help", "follow", who)).kind, "help");
    assert.equal((await d.replay("incident timeline", "follow", who)).title, "Timeline");
  });

  test("sharing an error keeps it private", async () => {
    const failing = createDispatcher({ commands: madeUp });
    const reply = await failing.replay("boom", "share", who);
    assert.equal(reply.kind, "error");
    assert.equal(reply.ephemeral, true);
  });

  test('an unknown key is an invalid reply, not a throw, and not "no sources"', async () => {
    const reply = await d.replay("nosuch thing", "follow", who);
    assert.equal(reply.kind, "invalid");
    const noSources = await d.replay("nosuch", "sources", who);
    assert.equal(noSources.kind, "invalid");
  });
});

describe("visibility, decided in dispatch", () => {
  const d = createDispatcher({ commands: madeUp });
  const limited = createDispatcher({ commands, rateGate: denyAll });

  test("text said to the bot is public by default, or as asked", async () => {
    assert.equal((await d.handleText("echo hi", onSlack)).ephemeral, false);
    assert.equal((await d.handleText("echo hi", onSlack, "private")).ephemeral, true);
    assert.equal((await d.dispatchText("echo", "hi", onSlack)).ephemeral, true);
  });

  test("follow-ups and sources are private; a share is public", async () => {
    assert.equal((await d.replay("echo hi", "follow", onSlack)).ephemeral, true);
    assert.equal((await d.replay("echo hi", "sources", onSlack)).ephemeral, true);
    assert.equal((await d.replay("echo hi", "share", onSlack)).ephemeral, false);
  });

  test("problems stay private, even where public was asked for", async () => {
    assert.equal((await d.handleText("/nope", onSlack)).ephemeral, true);
    assert.equal(
      (await d.dispatch("echo", { text: "x".repeat(20), public: true }, who)).ephemeral,
      true,
    );
    assert.equal((await d.replay("boom", "share", onSlack)).ephemeral, true);
  });

  test("a rate-limited mention, share or Sources click is a private, honest slow down", async () => {
    const mention = await limited.handleText("what is project seed", onSlack);
    const share = await limited.replay("fact incident.reason", "share", onSlack);
    const sources = await limited.replay("fact incident.reason", "sources", onSlack);
    const slash = await limited.dispatch("ask", { question: "x", public: true }, onSlack);
    for (const reply of [mention, share, sources, slash]) {
      assert.equal(reply.kind, "rate-limited");
      assert.equal(reply.ephemeral, true);
      assert.match(reply.paragraphs.join(" "), /try again in 3 s/);
      assert.doesNotMatch(JSON.stringify(reply), /cites no sources/);
    }
  });
});

describe("autocomplete", () => {
  const d = createDispatcher({ commands: madeUp });

  test("caps at 25 suggestions", () => {
    const got = d.autocomplete("echo", "text", "x");
    assert.equal(got.length, 25);
    assert.equal(got[0], "x0");
  });

  test("a throwing autocomplete gives no suggestions", () => {
    assert.deepEqual(d.autocomplete("boom", "word", "x"), []);
  });

  test("unknown commands, unknown options and non-string options give none", () => {
    assert.deepEqual(d.autocomplete("nope", "text", "x"), []);
    assert.deepEqual(d.autocomplete("echo", "nope", "x"), []);
    assert.deepEqual(d.autocomplete("echo", "loud", "x"), []);
    assert.deepEqual(d.autocomplete("colour", "pick", "r"), []);
  });

  test("the real /ask suggests known questions", () => {
    const real = createDispatcher({ commands });
    const got = real.autocomplete("ask", "question", "what is proj");
    assert.ok(got.length >= 1 && got.length <= 25);
    assert.ok(got.includes("What is Project Seed?"));
    assert.ok(real.autocomplete("ask", "question", "").length <= 25);
  });
});

describe("dispatchText", () => {
  const d = createDispatcher({ commands: madeUp });
  const real = createDispatcher({ commands });

  test("a leading word picks a choice by value, alias or unique prefix", async () => {
    assert.equal((await d.dispatchText("colour", "red", who)).title, "Colour red");
    assert.equal((await d.dispatchText("colour", "crimson", who)).title, "Colour red");
    assert.equal((await d.dispatchText("colour", "gre", who)).title, "Colour green");
    assert.equal((await d.dispatchText("colour", "", who)).title, "Colour none");
  });

  test("an unknown topic is echoed back at most 40 characters long, privately", async () => {
    const long = "x".repeat(500);
    const reply = await d.dispatchText("colour", long, who);
    assert.equal(reply.kind, "invalid");
    assert.equal(reply.ephemeral, true);
    const echoed = /"([^"]*)" is not a pick/.exec(reply.paragraphs[0] ?? "")?.[1] ?? "";
    assert.ok(echoed.length <= 40 && echoed.length > 0, echoed);
  });

  test("an unknown topic is invalid and lists the valid ones", async () => {
    const reply = await d.dispatchText("colour", "blue", who);
    assert.equal(reply.kind, "invalid");
    assert.match(
      reply.paragraphs[0] ?? "",
      /"blue" is not a pick I know\. Try one of: red, green\./,
    );
    const topic = await real.dispatchText("incident", "gossip", who);
    assert.equal(topic.kind, "invalid");
    assert.match(
      topic.paragraphs[0] ?? "",
      /summary, timeline, parties, evidence, reason, statement, bytedance-response, bytedance-ai, coverage, next/,
    );
  });

  test("the real commands parse topics and aliases", async () => {
    assert.equal((await real.dispatchText("incident", "timeline", who)).title, "Timeline");
    assert.equal(
      (await real.dispatchText("incident", "why", who)).title,
      "Why OpenAI suspended ByteDance",
    );
    assert.equal(
      (await real.dispatchText("policy", "tos", who)).title,
      "The rule: no competing models from OpenAI's output",
    );
  });

  test("free text becomes the string option", async () => {
    const reply = await real.dispatchText("ask", "what is project seed", who);
    assert.equal(reply.kind, "answer");
    assert.deepEqual(reply.meta?.facts, ["incident.project-seed"]);
    assert.equal((await d.dispatchText("echo", "hello", who)).paragraphs[0], "hello");
    assert.equal((await d.dispatchText("echo", "", who)).kind, "help");
  });

  test("an unknown command is reported the same way as with dispatch", async () => {
    const reply = await real.dispatchText("nope", "anything", who);
    assert.equal(reply.kind, "invalid");
    assert.match(reply.paragraphs[0] ?? "", /\/ask, \/incident, \/policy, \/sources, \/help/);
    assert.doesNotMatch(reply.paragraphs[0] ?? "", /\/fact/);
  });
});
