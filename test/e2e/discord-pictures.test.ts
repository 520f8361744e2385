/**
 * Pictures on Discord: the real bot on real discord.js against the loopback
 * Discord attaches the PNG to its reply (a multipart callback whose embed
 * shows `attachment://...`), keeps the text in the embed, and, when the
 * picture cannot be rendered, answers with the text alone and one warning.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Harness, startHarness } from "../fakes/discord/harness.ts";
import { captureLogs } from "../fakes/faults.ts";
import { decodePngSize } from "../support/png.ts";

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const EPHEMERAL = 64;

describe("Discord pictures", () => {
  let h: Harness;
  before(async () => {
    // A first render on a loaded machine may pass the 1.5 s deferral; these checks are about
    // the direct reply, so deferral is pushed out of the way.
    h = await startHarness({}, {}, { deferAfterMs: 10_000 });
  });
  after(async () => {
    await h?.close();
  });

  for (const [topic, command, fileName, text] of [
    ["timeline", "incident", "timeline.png", /15 Dec 2023: OpenAI suspends/],
    ["versions", "policy", "versions.png", /Terms of Use of March 14, 2023/],
  ] as const) {
    test(`/${command} ${topic} arrives as multipart with ${fileName} shown in the embed`, async () => {
      const sent = h.fake.sendCommand(command, { topic });
      const request = await h.fake.waitFor(
        () => h.fake.callbacks.get(sent.id),
        10_000,
        `the callback of /${command} ${topic}`,
      );
      assert.match(String(request.headers["content-type"]), /^multipart\/form-data/);
      assert.equal(request.files.length, 1);
      const [file] = request.files;
      assert.equal(file?.name, fileName);
      assert.equal(file?.contentType, "image/png");
      assert.equal(decodePngSize(file?.data ?? Buffer.alloc(0)).width, 800);

      const callback = request.body as {
        data: {
          flags?: number;
          embeds: { description?: string; image?: { url: string } }[];
          attachments: { id: number | string; description?: string }[];
        };
      };
      assert.equal(callback.data.flags, EPHEMERAL, "private by default, picture and all");
      const [embed] = callback.data.embeds;
      assert.equal(embed?.image?.url, `attachment://${fileName}`);
      assert.match(embed?.description ?? "", text, "the text stays in the embed");
      assert.match(
        callback.data.attachments[0]?.description ?? "",
        /^.{20,}$/,
        "the attachment carries alt text",
      );
    });
  }

  test("a reply without a picture is plain JSON, no attachment", async () => {
    const sent = h.fake.sendCommand("incident", { topic: "summary" });
    const request = await h.fake.waitFor(() => h.fake.callbacks.get(sent.id));
    assert.match(String(request.headers["content-type"]), /^application\/json/);
    assert.equal(request.files.length, 0);
  });
});

describe("Discord pictures on a deferred reply", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({}, {}, { deferAfterMs: 0 });
  });
  after(async () => {
    await h?.close();
  });

  test("the edit of the deferred reply carries the picture", async () => {
    const sent = h.fake.sendCommand("policy", { topic: "versions", public: true });
    const deferral = await h.fake.callbackFor(sent);
    assert.equal(deferral.type, 5, "DeferredChannelMessageWithSource");
    const edit = await h.fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${sent.token}/messages/@original`),
      10_000,
      "the edit of the deferred reply",
    );
    assert.equal(edit.files[0]?.name, "versions.png");
    const body = edit.body as { embeds: { image?: { url: string } }[] };
    assert.equal(body.embeds[0]?.image?.url, "attachment://versions.png");
  });
});

describe("Discord pictures when rendering fails", () => {
  let h: Harness;
  const logs = captureLogs();
  before(async () => {
    h = await startHarness(
      {},
      { logger: logs.logger },
      { pictures: () => Promise.reject(new Error("resvg exploded")) },
    );
  });
  after(async () => {
    await h?.close();
  });

  test("the text answer still goes out, with one warning logged", async () => {
    const sent = h.fake.sendCommand("incident", { topic: "timeline" });
    const request = await h.fake.waitForRequest(
      (r) => CALLBACK.test(r.path) && r.path.includes(`/${sent.id}/`),
    );
    assert.equal(request.status, 204);
    assert.equal(request.files.length, 0);
    const callback = request.body as {
      data: { embeds: { description?: string; image?: unknown }[] };
    };
    assert.match(callback.data.embeds[0]?.description ?? "", /OpenAI suspends/);
    assert.equal(callback.data.embeds[0]?.image, undefined);
    const warnings = logs.parsed().filter((l) => /could not render the picture/.test(l.msg));
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.level, 40, "a warning, not an error");
  });
});
