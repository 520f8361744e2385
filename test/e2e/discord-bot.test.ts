/**
 * The real bot on real discord.js against the loopback Discord: slash
 * commands, autocomplete, buttons, mentions and DMs, and what it sends back.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { decodeCustomId } from "../../src/core/custom-id.ts";
import type { OptionSpec } from "../../src/core/options.ts";
import type { InteractionCallback } from "../fakes/discord/fake-discord.ts";
import {
  type Harness,
  requestsWithMentionParsing,
  startHarness,
} from "../fakes/discord/harness.ts";

const EPHEMERAL = 64;
const visible = commands.filter((c) => !c.hidden);

function embedOf(callback: InteractionCallback) {
  const embed = callback.data?.embeds?.[0];
  assert.ok(embed, "the reply carries an embed");
  return embed;
}

function buttonsOf(callback: InteractionCallback) {
  return (callback.data?.components ?? []).flatMap((row) => row.components);
}

describe("Discord bot against a loopback Discord", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test("/ask answers privately with an embed, a citation link and buttons", async () => {
    const sent = h.fake.sendCommand("ask", { question: "Did OpenAI suspend ByteDance's account?" });
    const callback = await h.fake.callbackFor(sent);
    assert.equal(callback.type, 4, "ChannelMessageWithSource");
    assert.equal(callback.data?.flags, EPHEMERAL);
    assert.deepEqual(callback.data?.allowed_mentions?.parse, []);
    const embed = embedOf(callback);
    assert.match(embed.description ?? "", /suspend/i);
    const links = embed.fields?.find((f) => f.name === "Links");
    assert.ok(links, "a Links field lists the sources");
    assert.match(links.value, /\]\(https:\/\//);
    assert.match(embed.footer?.text ?? "", /Sources: .+, \d{4}-\d{2}-\d{2}/);
    const labels = buttonsOf(callback).map((b) => b.label);
    assert.ok(labels.includes("Sources"));
    assert.ok(labels.includes("Share in channel"));
  });

  test("/ask with public:true answers in the channel", async () => {
    const callback = await h.fake.callbackFor(
      h.fake.sendCommand("ask", { question: "what is Project Seed?", public: true }),
    );
    assert.equal((callback.data?.flags ?? 0) & EPHEMERAL, 0);
    assert.ok(!buttonsOf(callback).some((b) => b.label === "Share in channel"));
  });

  test("every command and every topic of the registry answers", async () => {
    const invocations: { name: string; options: Record<string, string> }[] = [];
    for (const command of visible) {
      const specs = Object.entries(command.options as Record<string, OptionSpec>);
      const choice = specs.find(([, s]) => s.kind === "choice");
      const requiredString = specs.find(([, s]) => s.kind === "string" && s.required);
      const base: Record<string, string> = requiredString
        ? { [requiredString[0]]: "who is involved?" }
        : {};
      invocations.push({ name: command.name, options: base });
      if (choice && choice[1].kind === "choice") {
        for (const c of choice[1].choices)
          invocations.push({ name: command.name, options: { ...base, [choice[0]]: c.value } });
      }
    }
    assert.ok(invocations.length > visible.length, "the registry declares topics");
    const sent = invocations.map((inv) => ({
      inv,
      interaction: h.fake.sendCommand(inv.name, inv.options),
    }));
    for (const { inv, interaction } of sent) {
      let callback = await h.fake.callbackFor(interaction);
      const label = `/${inv.name} ${JSON.stringify(inv.options)}`;
      // A topic with a picture may be deferred while the picture renders (a loaded machine):
      // then its answer is the edit of the deferred reply.
      if (callback.type === 5) {
        const edit = await h.fake.waitForRequest(
          (r) =>
            r.method === "PATCH" && r.path.endsWith(`/${interaction.token}/messages/@original`),
          10_000,
          `the edit of ${label}`,
        );
        callback = { type: 4, data: edit.body as InteractionCallback["data"] };
      }
      const embed = embedOf(callback);
      assert.equal(callback.type, 4, label);
      assert.ok(
        embed.title && !embed.title.startsWith("⚠️"),
        `${label} is not an error: ${embed.title}`,
      );
      assert.ok(
        (embed.description ?? "").length > 0 || (embed.fields ?? []).length > 0,
        `${label} has content`,
      );
    }
  });

  test("autocomplete offers up to 25 choices of at most 100 characters", async () => {
    const callback = await h.fake.callbackFor(h.fake.sendAutocomplete("ask", "question", "why"));
    assert.equal(callback.type, 8, "ApplicationCommandAutocompleteResult");
    const choices = callback.data?.choices ?? [];
    assert.ok(choices.length > 0 && choices.length <= 25);
    for (const c of choices) {
      assert.ok(c.name.length <= 100 && c.value.length <= 100);
    }
  });

  test("a follow-up button answers its question privately", async () => {
    const first = await h.fake.callbackFor(
      h.fake.sendCommand("ask", { question: "why was ByteDance suspended?" }),
    );
    const follow = buttonsOf(first).find(
      (b) => b.custom_id && decodeCustomId(b.custom_id)?.action === "follow",
    );
    assert.ok(follow?.custom_id, "the answer offers a follow-up");
    const callback = await h.fake.callbackFor(h.fake.sendButton(follow.custom_id));
    assert.equal(callback.type, 4, "a new message, not an edit of the first");
    assert.equal(callback.data?.flags, EPHEMERAL);
    assert.ok(embedOf(callback).description);
  });

  test("the Sources button shows the cited sources privately", async () => {
    const first = await h.fake.callbackFor(
      h.fake.sendCommand("ask", { question: "what did OpenAI say?" }),
    );
    const sources = buttonsOf(first).find((b) => b.label === "Sources");
    assert.ok(sources?.custom_id);
    const callback = await h.fake.callbackFor(h.fake.sendButton(sources.custom_id));
    assert.equal(callback.data?.flags, EPHEMERAL);
    assert.match(JSON.stringify(embedOf(callback)), /https:\/\//);
  });

  test("Share in channel posts the same answer publicly", async () => {
    const first = await h.fake.callbackFor(
      h.fake.sendCommand("ask", { question: "what is Project Seed?" }),
    );
    const share = buttonsOf(first).find((b) => b.label === "Share in channel");
    assert.ok(share?.custom_id);
    const callback = await h.fake.callbackFor(h.fake.sendButton(share.custom_id));
    assert.equal(callback.type, 4);
    assert.equal((callback.data?.flags ?? 0) & EPHEMERAL, 0, "no ephemeral flag");
    assert.equal(embedOf(callback).description, embedOf(first).description);
  });

  test("a mention in a guild channel is answered with a reply to that message", async () => {
    const question = "why was ByteDance suspended?";
    const viaSlash = embedOf(await h.fake.callbackFor(h.fake.sendCommand("ask", { question })));
    const messageId = h.fake.sendGuildMention(question);
    const req = await h.fake.waitForRequest(
      (r) =>
        r.method === "POST" &&
        r.path === `/channels/${h.fake.ids.channelId}/messages` &&
        (r.body as { message_reference?: { message_id?: string } })?.message_reference
          ?.message_id === messageId,
    );
    const body = req.body as {
      embeds: { description?: string }[];
      allowed_mentions: { parse: string[]; replied_user: boolean };
      flags?: number;
    };
    assert.ok(viaSlash.description);
    assert.equal(body.embeds[0]?.description, viaSlash.description, "the same answer as /ask");
    assert.deepEqual(body.allowed_mentions, { parse: [], replied_user: false });
    assert.equal((body.flags ?? 0) & EPHEMERAL, 0);
  });

  test("a direct message is answered with a reply, an empty one with help", async () => {
    const asked = h.fake.sendDirectMessage("what is Project Seed?");
    const empty = h.fake.sendDirectMessage("   ");
    const replyTo = (id: string) =>
      h.fake.waitForRequest(
        (r) =>
          r.method === "POST" &&
          r.path === `/channels/${h.fake.ids.dmChannelId}/messages` &&
          (r.body as { message_reference?: { message_id?: string } })?.message_reference
            ?.message_id === id,
      );
    const answer = (await replyTo(asked)).body as { embeds: { description?: string }[] };
    assert.match(answer.embeds[0]?.description ?? "", /seed/i);
    const help = (await replyTo(empty)).body as { embeds: { title?: string }[] };
    assert.ok(help.embeds[0]?.title);
  });

  test("messages from bots are ignored", async () => {
    const ignored = h.fake.sendDirectMessage("why was ByteDance suspended?", true);
    // A human message sent after it is answered; the bot one never is.
    const later = h.fake.sendDirectMessage("what is Project Seed?");
    await h.fake.waitForRequest((r) => JSON.stringify(r.body ?? "").includes(later));
    assert.ok(!h.fake.requests.some((r) => JSON.stringify(r.body ?? "").includes(ignored)));
  });

  test("user text cannot ping: mention syntax is neutralized and parsing is off", async () => {
    const callback = await h.fake.callbackFor(
      h.fake.sendCommand("ask", { question: "@everyone <@123> <@&456> why?" }),
    );
    const text = JSON.stringify(callback.data?.embeds);
    assert.ok(!/@everyone|<@\d|<@&\d/.test(text), text);
  });

  test("no outgoing message ever has mention parsing", () => {
    const sending = h.fake.requests.filter((r) => r.method !== "GET");
    assert.ok(sending.length > 10);
    assert.deepEqual(requestsWithMentionParsing(h.fake.requests), []);
  });
});
