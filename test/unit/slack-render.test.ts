import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { keepReply, makeReply, type Reply } from "../../src/core/reply.ts";
import { jsonBody } from "../../src/platforms/http/json-body.ts";
import { escapeMrkdwn, mrkdwnLink } from "../../src/platforms/slack/escape.ts";
import { responsePayload } from "../../src/platforms/slack/listeners/shared.ts";
import { decodeButtonValue, LIMITS, renderReply } from "../../src/platforms/slack/render.ts";

/** Every `text` string anywhere in a rendered message. */
function allTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) allTexts(v, out);
  else if (value && typeof value === "object")
    for (const v of Object.values(value)) allTexts(v, out);
  return out;
}

const answer: Reply = makeReply({
  kind: "answer",
  title: "Why was ByteDance suspended?",
  paragraphs: ["OpenAI suspended the account in December 2023."],
  quotes: [
    {
      text: "All API customers must adhere to our usage policies",
      attribution: "OpenAI spokesperson",
    },
  ],
  citations: [
    {
      sourceId: "verge",
      publisher: "The Verge",
      title: "OpenAI suspends ByteDance",
      date: "2023-12-15",
      url: "https://www.theverge.com/x",
    },
  ],
  followUps: [
    { question: "What does the policy say?", replay: "fact policy.no-competing-models" },
    { question: "How did ByteDance respond?", replay: "fact incident.bytedance-response" },
  ],
  replay: "ask why was bytedance suspended",
});

describe("Slack renderer", () => {
  it("renders a header, the answer, the quote, sources and buttons", () => {
    const { blocks, text } = renderReply(answer);
    assert.equal(blocks[0]?.type, "header");
    assert.match(text, /Why was ByteDance suspended\?/);
    const json = JSON.stringify(blocks);
    assert.match(json, /> All API customers/);
    assert.match(json, /<https:\/\/www.theverge.com\/x\|OpenAI suspends ByteDance>/);
    const actions = blocks.find((b) => b.type === "actions");
    assert.ok(actions && actions.type === "actions");
    const ids = actions.elements.map((e) => ("action_id" in e ? e.action_id : ""));
    assert.deepEqual(ids, ["idesk_follow_0", "idesk_follow_1", "idesk_sources", "idesk_share"]);
    assert.equal(new Set(ids).size, ids.length);
    const values = actions.elements.map((e) =>
      "value" in e ? decodeButtonValue(e.value) : undefined,
    );
    assert.deepEqual(values[0], { action: "follow", replay: "fact policy.no-competing-models" });
    assert.deepEqual(values[3], { action: "share", replay: "ask why was bytedance suspended" });
  });

  it("offers Share in channel only on private replies and Sources only with citations", () => {
    const pub = renderReply({ ...answer, ephemeral: false });
    assert.doesNotMatch(JSON.stringify(pub.blocks), /idesk_share/);
    const bare = renderReply({ ...answer, citations: [], followUps: [], replay: undefined });
    assert.equal(
      bare.blocks.find((b) => b.type === "actions"),
      undefined,
    );
  });

  it("escapes mentions, channel pings and links typed by a user", () => {
    const evil = "<!channel> hi <@U123> see <https://evil|x> & more";
    const reply = makeReply({
      kind: "abstain",
      title: evil,
      paragraphs: [evil],
      bullets: [evil],
      quotes: [{ text: evil, attribution: evil }],
      followUps: [{ question: evil, replay: `ask ${evil}` }],
      note: evil,
      replay: `ask ${evil}`,
    });
    const { blocks, text } = renderReply(reply);
    const texts = [text, ...allTexts(blocks)].join("\n");
    for (const live of ["<!channel>", "<@U123>", "<https://evil|x>"])
      assert.ok(!texts.includes(live), live);
    assert.ok(texts.includes("&lt;!channel&gt;"));
    const share = JSON.stringify(blocks).match(/"value":"([^"]*)","style"/)?.[1];
    assert.deepEqual(decodeButtonValue(share), { action: "share", replay: `ask ${evil}` });
  });

  it("never lets arbitrary user text produce a control sequence (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        fc.string({ maxLength: 80 }),
        (s, q) => {
          const reply = makeReply({
            kind: "answer",
            title: s,
            paragraphs: [s, q],
            bullets: [q],
            quotes: [{ text: s, attribution: q }],
            followUps: [{ question: q, replay: "ask y" }],
            note: s,
            replay: "ask y",
          });
          const rendered = renderReply(reply);
          const texts = [rendered.text, ...allTexts(rendered.blocks)];
          return texts.every(
            (t) => !t.includes("<") && !/&(?!amp;|lt;|gt;)/.test(t.replace(/&(amp|lt|gt);/g, "")),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps within Block Kit limits for huge replies", () => {
    const long = "word ".repeat(2000);
    const reply = makeReply({
      kind: "answer",
      title: "T".repeat(400),
      paragraphs: Array.from({ length: 80 }, () => long),
      bullets: Array.from({ length: 300 }, (_, i) => `bullet ${i} ${"&".repeat(30)}`),
      citations: Array.from({ length: 14 }, (_, i) => ({
        sourceId: `s${i}`,
        publisher: "P",
        title: `Title ${i}`,
        date: "2023-12-15",
        url: `https://example.com/${i}?a=1&b=<2>`,
      })),
      followUps: Array.from({ length: 6 }, (_, i) => ({
        question: `Q${i} ${"x".repeat(120)}`,
        replay: `fact f${i}`,
      })),
      replay: "ask long",
    });
    const { blocks, text } = renderReply(reply);
    assert.ok(blocks.length <= LIMITS.blocks);
    assert.ok(text.length <= LIMITS.fallbackText);
    for (const b of blocks) {
      if (b.type === "section") assert.ok((b.text?.text.length ?? 0) <= LIMITS.sectionText);
      if (b.type === "header") assert.ok(b.text.text.length <= LIMITS.headerText);
      if (b.type === "context") assert.ok(b.elements.length <= LIMITS.contextElements);
      if (b.type === "actions") {
        assert.ok(b.elements.length <= 5);
        for (const e of b.elements) {
          if (e.type !== "button") continue;
          assert.ok(e.text.text.length <= LIMITS.buttonText);
          assert.ok((e.value ?? "").length <= LIMITS.actionValue);
          assert.ok((e.action_id ?? "").length <= LIMITS.actionId);
        }
      }
    }
    // The long title falls back to a bold lead instead of a header.
    assert.equal(blocks[0]?.type, "section");
    assert.match(JSON.stringify(blocks), /example.com\/0\?a=1&amp;b=%3C2%3E/);
  });

  it("escapes the three control characters and builds safe links", () => {
    assert.equal(escapeMrkdwn("a & <b> c"), "a &amp; &lt;b&gt; c");
    assert.equal(mrkdwnLink("javascript:alert(1)", "x<y"), "x&lt;y");
    assert.equal(mrkdwnLink("https://a.example/p|q", "T"), "<https://a.example/p%7Cq|T>");
  });
});

describe("a kept reply's payload", () => {
  it("is rendered and serialized once, and reads the same as a fresh render", () => {
    const kept = keepReply(structuredClone(answer));
    const first = responsePayload(kept);
    assert.equal(responsePayload(kept), first);
    assert.equal(jsonBody(first), jsonBody(first));
    assert.deepEqual(JSON.parse(jsonBody(first)), responsePayload(structuredClone(answer)));
    // Not kept: rendered each time, so a change to it shows.
    const fresh = structuredClone(answer);
    assert.notEqual(responsePayload(fresh), responsePayload(fresh));
  });
});
