/**
 * Discord over HTTP interactions, end to end on loopback: interactions signed
 * with a test key pair are posted to POST /discord/interactions, answered in
 * the HTTP response (or deferred and then edited through the webhook on the
 * loopback Discord REST stand-in). A request whose signature does not hold is
 * refused with 401 and runs nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type DispatcherOptions } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import {
  createDiscordHttp,
  type DiscordHttp,
  type DiscordHttpOptions,
  INTERACTIONS_PATH,
} from "../../src/platforms/discord/http-interactions.ts";
import type { InteractionCallback } from "../fakes/discord/fake-discord.ts";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord.ts";
import { requestsWithMentionParsing } from "../fakes/discord/harness.ts";
import { InteractionSigner } from "../fakes/discord/interaction-signer.ts";
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  nextId,
} from "../fakes/discord/payloads.ts";
import { MAIN, startChildServer } from "../support/child-server.ts";
import { type RouteServer, serveRoutes } from "../support/route-server.ts";

const EPHEMERAL = 64;

interface Endpoint {
  fake: FakeDiscord;
  signer: InteractionSigner;
  discord: DiscordHttp;
  server: RouteServer;
  url: string;
  /** Requests the dispatcher has handled. */
  handled: number;
  close(): Promise<void>;
}

async function startEndpoint(
  dispatcherOptions: Partial<DispatcherOptions> = {},
  httpOptions: DiscordHttpOptions = {},
): Promise<Endpoint> {
  const fake = await startFakeDiscord();
  const signer = new InteractionSigner();
  const endpoint = { handled: 0 } as Endpoint;
  const dispatcher = createDispatcher({
    commands,
    ...dispatcherOptions,
    onHandled: () => {
      endpoint.handled += 1;
    },
  });
  const discord = createDiscordHttp(
    { applicationId: fake.ids.applicationId, publicKey: signer.publicKey, apiUrl: fake.apiUrl },
    dispatcher,
    silentLogger,
    httpOptions,
  );
  const server = await serveRoutes([discord.route]);
  return Object.assign(endpoint, {
    fake,
    signer,
    discord,
    server,
    url: `${server.url}${INTERACTIONS_PATH}`,
    async close() {
      await discord.stop(Date.now() + 4000);
      await server.close();
      await fake.close();
    },
  });
}

function buttonsOf(callback: InteractionCallback) {
  return (callback.data?.components ?? []).flatMap((row) => row.components);
}

describe("Discord HTTP interactions", () => {
  let e: Endpoint;
  before(async () => {
    e = await startEndpoint();
  });
  after(async () => {
    await e?.close();
  });

  test("bad, missing and stale signatures get 401 and run nothing", async () => {
    const payload = chatInputInteraction({ ids: e.fake.ids }, "ask", { question: "who?" });
    const now = Math.floor(Date.now() / 1000);
    const stranger = new InteractionSigner();
    const attempts = [
      // No signature headers at all.
      e.signer.post(e.url, payload, {
        headers: { "x-signature-ed25519": "", "x-signature-timestamp": "" },
      }),
      // Signed by another key.
      stranger.post(e.url, payload),
      // Signed, then the body changed.
      e.signer.post(e.url, payload, {
        body: JSON.stringify(payload).replace('"name":"ask"', '"name":"sources"'),
      }),
      // The signature is not even hex.
      e.signer.post(e.url, payload, { headers: { "x-signature-ed25519": "zz" } }),
      // Too old, and too far in the future: a good signature outside the window.
      e.signer.post(e.url, payload, { timestamp: now - 360 }),
      e.signer.post(e.url, payload, { timestamp: now + 360 }),
    ];
    for (const result of await Promise.all(attempts)) assert.equal(result.status, 401);
    assert.equal(e.handled, 0, "nothing ran");
    assert.equal(e.fake.requests.length, 0, "nothing was sent to Discord");
  });

  test("PING is answered with PONG", async () => {
    const ping = {
      id: nextId(),
      application_id: e.fake.ids.applicationId,
      type: 1,
      token: "t",
      version: 1,
    };
    const res = await e.signer.post(e.url, ping);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { type: 1 });
  });

  test("/ask is answered in the response: a private embed with buttons and no mentions", async () => {
    const payload = chatInputInteraction({ ids: e.fake.ids }, "ask", {
      question: "why was ByteDance suspended?",
    });
    const res = await e.signer.post(e.url, payload);
    assert.equal(res.status, 200);
    const callback = res.body as InteractionCallback;
    assert.equal(callback.type, 4, "ChannelMessageWithSource");
    assert.equal(callback.data?.flags, EPHEMERAL);
    assert.match(callback.data?.embeds?.[0]?.description ?? "", /ByteDance/);
    assert.deepEqual(callback.data?.allowed_mentions, { parse: [] });
    assert.ok(buttonsOf(callback).some((b) => b.label === "Share in channel"));
  });

  test("public:true answers in the channel", async () => {
    const payload = chatInputInteraction({ ids: e.fake.ids }, "ask", {
      question: "what is Project Seed?",
      public: true,
    });
    const callback = (await e.signer.post(e.url, payload)).body as InteractionCallback;
    assert.equal(callback.type, 4);
    assert.equal(callback.data?.flags, undefined);
  });

  test("autocomplete suggests questions within Discord's limits", async () => {
    const payload = autocompleteInteraction({ ids: e.fake.ids }, "ask", "question", "bytedance");
    const res = await e.signer.post(e.url, payload);
    const callback = res.body as InteractionCallback;
    assert.equal(callback.type, 8, "ApplicationCommandAutocompleteResult");
    const choices = callback.data?.choices ?? [];
    assert.ok(choices.length > 0 && choices.length <= 25);
    for (const c of choices) assert.ok(c.value.length <= 100 && c.name.length <= 100);
  });

  test("a button click runs its replay through the same dispatcher", async () => {
    const asked = chatInputInteraction({ ids: e.fake.ids }, "ask", {
      question: "why was ByteDance suspended?",
    });
    const first = (await e.signer.post(e.url, asked)).body as InteractionCallback;
    const sources = buttonsOf(first).find((b) => b.label === "Sources");
    assert.ok(sources?.custom_id, "the answer has a Sources button");
    const click = buttonInteraction({ ids: e.fake.ids }, sources.custom_id);
    const res = await e.signer.post(e.url, click);
    const callback = res.body as InteractionCallback;
    assert.equal(callback.type, 4);
    assert.equal(callback.data?.flags, EPHEMERAL);
    assert.ok(callback.data?.embeds?.[0]?.title);
  });

  test("a signed body that is not an interaction, or a button that is not ours, is a 400", async () => {
    assert.equal((await e.signer.post(e.url, "not json")).status, 400);
    assert.equal((await e.signer.post(e.url, { type: 99, token: "t" })).status, 400);
    const click = buttonInteraction({ ids: e.fake.ids }, "someone-elses:button");
    assert.equal((await e.signer.post(e.url, click)).status, 400);
  });
});

describe("Discord HTTP interactions: a slow answer", () => {
  let e: Endpoint;
  before(async () => {
    const slowGate = async () => {
      await sleep(500);
      return { ok: true as const };
    };
    e = await startEndpoint({ rateGate: slowGate }, { deferAfterMs: 20 });
  });
  after(async () => {
    await e?.close();
  });

  test("is deferred (type 5, private), then edited in through the webhook", async () => {
    const payload = chatInputInteraction({ ids: e.fake.ids }, "ask", {
      question: "what is Project Seed?",
    });
    const res = await e.signer.post(e.url, payload);
    const callback = res.body as InteractionCallback;
    assert.equal(callback.type, 5, "DeferredChannelMessageWithSource");
    assert.equal(callback.data?.flags, EPHEMERAL);
    const edit = await e.fake.waitForRequest(
      (r) =>
        r.method === "PATCH" &&
        r.path === `/webhooks/${e.fake.ids.applicationId}/${payload.token}/messages/@original`,
    );
    const body = edit.body as { embeds?: { description?: string }[]; flags?: number };
    assert.match(body.embeds?.[0]?.description ?? "", /Seed/);
    assert.equal(body.flags, undefined, "an edit cannot change visibility");
    assert.equal(edit.headers.authorization, undefined, "the interaction token is the credential");
    assert.deepEqual(requestsWithMentionParsing(e.fake.requests), []);
    assert.equal(e.fake.requests.length, 1, "exactly one follow-up");
  });

  test("stop() waits for a deferred answer still on its way", async () => {
    const payload = chatInputInteraction({ ids: e.fake.ids }, "sources", {});
    const res = await e.signer.post(e.url, payload);
    assert.equal((res.body as InteractionCallback).type, 5);
    assert.equal(e.discord.pending(), 1);
    assert.equal(await e.discord.stop(Date.now() + 4000), 0, "nothing cut");
    assert.ok(
      e.fake.requests.some((r) => r.method === "PATCH" && r.path.includes(payload.token)),
      "sent before stop() returned",
    );
  });
});

describe("Discord HTTP interactions: pictures", () => {
  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  test("the text is answered in the response, then an edit adds the picture as a file", async () => {
    const e = await startEndpoint();
    try {
      const payload = chatInputInteraction({ ids: e.fake.ids }, "incident", { topic: "timeline" });
      const callback = (await e.signer.post(e.url, payload)).body as InteractionCallback;
      assert.equal(callback.type, 4, "answered at once, not deferred");
      const embed = callback.data?.embeds?.[0] as { description?: string; image?: unknown };
      assert.ok(embed?.description, "the text is complete without the picture");
      assert.equal(embed.image, undefined);
      const edit = await e.fake.waitForRequest(
        (r) =>
          r.method === "PATCH" &&
          r.path === `/webhooks/${e.fake.ids.applicationId}/${payload.token}/messages/@original`,
      );
      const body = edit.body as {
        embeds?: { description?: string; image?: { url?: string } }[];
        attachments?: { id: number; filename: string }[];
        flags?: number;
      };
      assert.equal(body.embeds?.[0]?.image?.url, "attachment://timeline.png");
      assert.equal(body.embeds?.[0]?.description, embed.description, "the same text");
      assert.deepEqual(
        body.attachments?.map((a) => [a.id, a.filename]),
        [[0, "timeline.png"]],
      );
      assert.equal(body.flags, undefined, "an edit cannot change visibility");
      assert.equal(edit.files.length, 1);
      assert.equal(edit.files[0]?.field, "files[0]");
      assert.equal(edit.files[0]?.name, "timeline.png");
      assert.deepEqual(edit.files[0]?.data.subarray(0, 8), PNG_SIGNATURE);
      assert.equal(
        edit.headers.authorization,
        undefined,
        "the interaction token is the credential",
      );
      assert.deepEqual(requestsWithMentionParsing(e.fake.requests), []);
    } finally {
      await e.close();
    }
  });

  test("a picture that fails to render leaves the text answer alone and sends no edit", async () => {
    const e = await startEndpoint(
      {},
      { pictures: () => Promise.reject(new Error("renderer broke")) },
    );
    try {
      const payload = chatInputInteraction({ ids: e.fake.ids }, "incident", { topic: "timeline" });
      const callback = (await e.signer.post(e.url, payload)).body as InteractionCallback;
      assert.equal(callback.type, 4);
      assert.ok(callback.data?.embeds?.[0]?.description);
      assert.equal(await e.discord.stop(Date.now() + 4000), 0, "nothing left over");
      assert.equal(e.fake.requests.length, 0, "no edit was sent");
    } finally {
      await e.close();
    }
  });
});

describe("Discord HTTP interactions in npm start", () => {
  test("src/main.ts with DISCORD_PUBLIC_KEY alone serves /discord/interactions and /healthz on PORT", async () => {
    const fake = await startFakeDiscord();
    const signer = new InteractionSigner();
    const bot = await startChildServer(MAIN, {
      DISCORD_PUBLIC_KEY: signer.publicKey,
      DISCORD_APPLICATION_ID: fake.ids.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      LOG_SALT: "discord-http-salt",
    });
    try {
      const url = `${bot.url}${INTERACTIONS_PATH}`;
      const ping = {
        id: nextId(),
        application_id: fake.ids.applicationId,
        type: 1,
        token: "t",
        version: 1,
      };
      assert.deepEqual((await signer.post(url, ping)).body, { type: 1 });
      assert.equal((await new InteractionSigner().post(url, ping)).status, 401);
      const asked = chatInputInteraction({ ids: fake.ids }, "ask", {
        question: "what is Project Seed?",
      });
      const callback = (await signer.post(url, asked)).body as InteractionCallback;
      assert.equal(callback.type, 4);
      assert.match(callback.data?.embeds?.[0]?.description ?? "", /Seed/);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });
});
