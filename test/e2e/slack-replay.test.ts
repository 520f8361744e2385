/**
 * Slack HTTP mode runs each delivery once: a replayed signed request, a
 * timestamp outside five minutes either way, and Slack's own retries of an
 * event (X-Slack-Retry-Num, same event_id) run nothing twice. Real Bolt on
 * the loopback Slack.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { type RunningSlack, startSlack } from "../../src/platforms/slack/index.ts";
import { SignedPoster } from "../fakes/slack/http-client.ts";
import { eventCallback, slashCommandBody } from "../fakes/slack/payloads.ts";
import { signedHeaders } from "../fakes/slack/signer.ts";
import { BOT_USER_ID, type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const SECRET = "replay-signing-secret";

let slack: SlackStandIn;
let app: RunningSlack;
let poster: SignedPoster;
let handled = 0;

async function postRaw(body: string, headers: Record<string, string>) {
  const res = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
    method: "POST",
    headers,
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe("Slack HTTP mode runs each delivery once", () => {
  before(async () => {
    slack = await startSlackStandIn();
    const dispatcher = createDispatcher({
      commands,
      onHandled: () => {
        handled += 1;
      },
    });
    app = await startSlack(
      { botToken: "xoxb-replay", mode: "http", signingSecret: SECRET, apiUrl: slack.apiUrl },
      dispatcher,
      silentLogger,
      { port: 0, host: "127.0.0.1" },
    );
    poster = new SignedPoster(`http://127.0.0.1:${app.port}`, SECRET);
  });
  after(async () => {
    await app?.stop();
    await slack?.close();
  });

  it("answers a signed request once; the same bytes replayed three times run nothing", async () => {
    const body = slashCommandBody({ command: "/help", text: "", responseUrl: slack.responseUrl() });
    const headers = signedHeaders(SECRET, body, "application/x-www-form-urlencoded");
    const before = handled;
    const first = await postRaw(body, headers);
    assert.equal(first.status, 200);
    assert.ok(first.text.includes("blocks"), "the first one is answered");
    for (let i = 0; i < 3; i++) {
      const again = await postRaw(body, headers);
      assert.equal(again.status, 200);
      assert.equal(again.text, "", "a replay gets an empty 200");
    }
    assert.equal(handled - before, 1, "the command ran once");
  });

  it("refuses timestamps more than five minutes away, in the past and in the future", async () => {
    const now = Math.floor(Date.now() / 1000);
    const before = handled;
    // Twenty seconds past the window, so a slow test run cannot drift back inside it.
    for (const skew of [-320, 320, 3600, 365 * 24 * 3600]) {
      const body = slashCommandBody({
        command: "/help",
        text: "",
        responseUrl: slack.responseUrl(),
      });
      const res = await poster.form(body, { timestamp: now + skew });
      assert.equal(res.status, 401, `skew ${skew} s`);
    }
    const body = slashCommandBody({ command: "/help", text: "", responseUrl: slack.responseUrl() });
    assert.equal((await poster.form(body, { timestamp: now + 240 })).status, 200, "4 min is fine");
    assert.equal(handled - before, 1);
  });

  it("de-duplicates Slack's retries of an event by event_id", async () => {
    const event = eventCallback({
      type: "app_mention",
      user: "U0RETRY",
      text: `<@${BOT_USER_ID}> what is project seed`,
      ts: "1700000100.000100",
      channel: "C0RETRY",
      event_ts: "1700000100.000100",
    });
    const first = await poster.json(event);
    assert.equal(first.status, 200);
    // Slack retries with a new timestamp and signature and X-Slack-Retry-Num.
    for (const n of [1, 2, 3]) {
      const retry = await poster.json(event, {
        timestamp: Math.floor(Date.now() / 1000) + n,
        headers: { "x-slack-retry-num": String(n), "x-slack-retry-reason": "http_timeout" },
      });
      assert.equal(retry.status, 200);
    }
    await waitFor(
      () => slack.callsTo("chat.postMessage").some((c) => c.body.channel === "C0RETRY"),
      5000,
      "the reply",
    );
    await new Promise((r) => setTimeout(r, 100));
    const replies = slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0RETRY");
    assert.equal(replies.length, 1, "answered once");
  });

  it("a mention with an unknown topic is corrected privately, not in the public thread", async () => {
    const event = eventCallback({
      type: "app_mention",
      user: "U0TOPIC",
      text: `<@${BOT_USER_ID}> /incident ${"nonsense".repeat(20)}`,
      ts: "1700000200.000100",
      channel: "C0TOPIC",
      event_ts: "1700000200.000100",
    });
    assert.equal((await poster.json(event)).status, 200);
    const correction = await waitFor(
      () => slack.callsTo("chat.postEphemeral").find((c) => c.body.channel === "C0TOPIC"),
      5000,
      "the private correction",
    );
    assert.equal(correction.body.user, "U0TOPIC");
    assert.ok(!JSON.stringify(correction.body).includes("nonsense".repeat(6)), "echo capped");
    assert.equal(
      slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0TOPIC").length,
      0,
    );
  });

  it("answers a signed request no listener handles with 404 at once, not after 3 s", async () => {
    const res = await poster.form("garbage=1&more=2");
    assert.equal(res.status, 404);
  });
});
