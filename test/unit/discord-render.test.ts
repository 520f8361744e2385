/** Reply -> Discord embed and buttons: escaping, limits, buttons, flags. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { decodeCustomId } from "../../src/core/custom-id.ts";
import { makeReply, type Reply } from "../../src/core/reply.ts";
import { escapeText, neutralizeMentions } from "../../src/platforms/discord/escape.ts";
import {
  LIMITS,
  renderMessageReply,
  renderReply,
  safeUrl,
} from "../../src/platforms/discord/render.ts";

const citation = {
  sourceId: "verge",
  publisher: "The Verge",
  title: "OpenAI suspends ByteDance's account",
  date: "2023-12-15",
  url: "https://www.theverge.com/a",
};

function answer(fields: Partial<Reply> = {}): Reply {
  return makeReply({
    kind: "answer",
    title: "Why?",
    paragraphs: ["Because."],
    citations: [citation],
    followUps: [{ question: "When?", replay: "fact incident.date" }],
    replay: "fact incident.reason",
    ...fields,
  });
}

function embedSize(e: ReturnType<typeof renderReply>["embeds"][number]): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

test("mention syntax is broken and markdown escaped", () => {
  const out = escapeText(
    "@everyone @here <@123> <@!5> <@&456> <#789> </ask:1> **bold** [x](https://evil)",
  );
  assert.ok(!/@everyone|@here|<@\d|<@!|<@&|<#\d|<\/a/.test(out), out);
  assert.ok(out.includes("\\*\\*bold\\*\\*"));
  assert.ok(out.includes("\\[x\\]") || out.includes("\\[x]"));
  assert.equal(neutralizeMentions("plain text"), "plain text");
});

test("an ephemeral answer: flag 64, parse [], follow-up, Sources and Share buttons", () => {
  const message = renderReply(answer());
  assert.equal(message.flags, 64);
  assert.deepEqual(message.allowedMentions, { parse: [] });
  const buttons = message.components.flatMap((r) => r.components);
  assert.deepEqual(
    buttons.map((b) => ("custom_id" in b ? decodeCustomId(b.custom_id)?.action : undefined)),
    ["follow", "sources", "share"],
  );
  const embed = message.embeds[0];
  assert.match(embed?.footer?.text ?? "", /The Verge, 2023-12-15/);
  assert.match(embed?.fields?.[0]?.value ?? "", /\(https:\/\/www\.theverge\.com\/a\)/);
});

test("a public reply has no Share button; a message reply never pings the author", () => {
  const message = renderReply(answer({ ephemeral: false }));
  assert.equal(message.flags, undefined);
  assert.ok(!JSON.stringify(message.components).includes("Share in channel"));
  const reply = renderMessageReply(answer());
  assert.deepEqual(reply.allowedMentions, { parse: [], repliedUser: false });
  assert.ok(!("flags" in reply));
  assert.ok(!JSON.stringify(reply.components).includes("Share in channel"));
});

test("problem kinds are styled and carry no buttons", () => {
  for (const kind of ["error", "invalid", "rate-limited"] as const) {
    const message = renderReply(answer({ kind, title: "Nope" }));
    assert.equal(message.components.length, 0);
    assert.notEqual(message.embeds[0]?.color, renderReply(answer()).embeds[0]?.color);
  }
});

test("quotes keep their attribution", () => {
  const message = renderReply(
    answer({ quotes: [{ text: "We are investigating.", attribution: "OpenAI spokesperson" }] }),
  );
  assert.match(
    message.embeds[0]?.description ?? "",
    /> We are investigating\.\n> — OpenAI spokesperson/,
  );
});

test("only http(s) URLs become links, and they cannot break out of the link", () => {
  assert.equal(safeUrl("javascript:alert(1)"), undefined);
  assert.equal(safeUrl("https://a.example/x)(y"), "https://a.example/x%29%28y");
});

test("embed and button limits hold for any reply", () => {
  const text = fc.string({ maxLength: 3000 });
  const reply = fc.record({
    title: text,
    paragraphs: fc.array(text, { maxLength: 4 }),
    bullets: fc.array(fc.string({ maxLength: 300 }), { maxLength: 20 }),
    quotes: fc.array(fc.record({ text, attribution: fc.string({ maxLength: 200 }) }), {
      maxLength: 3,
    }),
    citations: fc.array(
      fc.record({
        sourceId: fc.string({ minLength: 1, maxLength: 10 }),
        publisher: fc.string({ maxLength: 200 }),
        title: fc.string({ maxLength: 600 }),
        date: fc.constant("2023-12-15"),
        url: fc.webUrl(),
      }),
      { maxLength: 40 },
    ),
    followUps: fc.array(
      fc.record({
        question: fc.string({ maxLength: 200 }),
        replay: fc.string({ minLength: 1, maxLength: 120 }),
      }),
      { maxLength: 5 },
    ),
    note: fc.option(text, { nil: undefined }),
  });
  fc.assert(
    fc.property(reply, (fields) => {
      const message = renderReply(makeReply({ kind: "answer", replay: "fact x", ...fields }));
      const embed = message.embeds[0];
      assert.ok(embed);
      assert.ok((embed.title?.length ?? 0) <= LIMITS.title);
      assert.ok((embed.description?.length ?? 0) <= LIMITS.description);
      assert.ok((embed.footer?.text.length ?? 0) <= LIMITS.footer);
      assert.ok((embed.fields ?? []).length <= LIMITS.fields);
      for (const f of embed.fields ?? [])
        assert.ok(f.value.length <= LIMITS.fieldValue && f.value.length > 0);
      assert.ok(embedSize(embed) <= LIMITS.total);
      const buttons = message.components.flatMap((r) => r.components);
      assert.ok(buttons.length <= 5);
      for (const b of buttons) {
        assert.ok((("label" in b && b.label) || "").length <= LIMITS.buttonLabel);
        assert.ok("custom_id" in b && b.custom_id.length <= 100);
      }
      assert.ok(!/@everyone|<@\d/.test(JSON.stringify(embed)));
    }),
    { numRuns: 200 },
  );
});
