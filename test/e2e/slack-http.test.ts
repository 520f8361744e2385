/**
 * Real Bolt in HTTP mode against the loopback Slack: signed slash commands,
 * events and button clicks, answers in the ack body or on response_url, and
 * the Web API calls the bot makes.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import { createLogger } from "../../src/core/logger.ts";
import type { OptionSpec } from "../../src/core/options.ts";
import { type RunningSlack, startSlack } from "../../src/platforms/slack/index.ts";
import { decodeButtonValue, renderReply } from "../../src/platforms/slack/render.ts";
import { SignedPoster } from "../fakes/slack/http-client.ts";
import {
  blockActionPayload,
  eventCallback,
  interactiveBody,
  slashCommandBody,
} from "../fakes/slack/payloads.ts";
import { BOT_USER_ID, type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const SECRET = "test-signing-secret";
const EVIL = "<!channel> <@U123> <https://evil|x>";
const LIVE = ["<!channel>", "<@U123>", "<https://evil|x>"];

interface SlackPayload {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[];
}

/** Log lines (JSON) written by our pino logger, to check errors are logged. */
const logLines: string[] = [];
const logger = createLogger("warn", { write: (line: string) => void logLines.push(line) });
const dispatcher = createDispatcher({ commands });
const who: Requester = { platform: "slack", userId: "U0ASKER", channelId: "C0TEST" };

let slack: SlackStandIn;
let app: RunningSlack;
/** A second instance that always acks empty first and answers on response_url. */
let lateApp: RunningSlack;
let poster: SignedPoster;
let latePoster: SignedPoster;
/** A third instance whose rate gate says "slow down" while `limited` is set. */
let limitedApp: RunningSlack;
let limitedPoster: SignedPoster;
let limited = false;
const limitedDispatcher = createDispatcher({
  commands,
  rateGate: async () => (limited ? { ok: false, retryInSeconds: 5 } : { ok: true }),
});

function button(payload: SlackPayload, actionId: string): string {
  const actions = payload.blocks.find((b) => b.type === "actions");
  const value = actions?.elements?.find((e) => e.action_id === actionId)?.value;
  assert.ok(value, `no ${actionId} button`);
  return value;
}

async function slash(command: string, text: string, responseId = "r") {
  const body = slashCommandBody({ command, text, responseUrl: slack.responseUrl(responseId) });
  return poster.form(body);
}

async function click(actionId: string, value: string, responseId: string, via = poster) {
  const payload = blockActionPayload({
    actionId,
    value,
    responseUrl: slack.responseUrl(responseId),
  });
  return via.form(interactiveBody(payload));
}

async function responseFor(id: string): Promise<SlackPayload> {
  const r = await waitFor(() => slack.responsesTo(id)[0], 5000, `response_url ${id}`);
  return r.body as unknown as SlackPayload;
}

describe("Slack HTTP mode (real Bolt, loopback Slack)", () => {
  before(async () => {
    slack = await startSlackStandIn();
    const config = {
      botToken: "xoxb-test-token",
      mode: "http" as const,
      signingSecret: SECRET,
      apiUrl: slack.apiUrl,
    };
    app = await startSlack(config, dispatcher, logger, { port: 0, host: "127.0.0.1" });
    lateApp = await startSlack(config, dispatcher, logger, {
      port: 0,
      host: "127.0.0.1",
      ackBudgetMs: 0,
    });
    limitedApp = await startSlack(config, limitedDispatcher, logger, {
      port: 0,
      host: "127.0.0.1",
    });
    poster = new SignedPoster(`http://127.0.0.1:${app.port}`, SECRET);
    latePoster = new SignedPoster(`http://127.0.0.1:${lateApp.port}`, SECRET);
    limitedPoster = new SignedPoster(`http://127.0.0.1:${limitedApp.port}`, SECRET);
  });

  after(async () => {
    await app?.stop();
    await lateApp?.stop();
    await limitedApp?.stop();
    await slack?.close();
  });

  it("checks the token once at start with auth.test", () => {
    assert.equal(slack.callsTo("auth.test").length, 3); // one per instance
  });

  it("serves a health check for load balancers", async () => {
    const res = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, platforms: { slack: "connected" } });
  });

  it("answers Slack's url_verification challenge", async () => {
    const res = await poster.json({ token: "t", challenge: "c-123", type: "url_verification" });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { challenge: "c-123" });
  });

  it("answers every command and every topic in the ack body, privately", async () => {
    const cases: [string, string][] = [];
    for (const command of dispatcher.commands) {
      const specs = Object.values(command.options as Record<string, OptionSpec>);
      const choice = specs.find((s) => s.kind === "choice");
      const question = specs.find((s) => s.kind === "string" && s.required);
      if (choice?.kind === "choice")
        for (const c of choice.choices) cases.push([command.name, c.value]);
      if (question) cases.push([command.name, "why did OpenAI suspend ByteDance?"]);
      else cases.push([command.name, ""]);
    }
    assert.ok(cases.length >= dispatcher.commands.length);
    for (const [name, text] of cases) {
      const res = await slash(`/${name}`, text);
      assert.equal(res.status, 200, `/${name} ${text}`);
      const payload = res.body as SlackPayload;
      assert.equal(payload.response_type, "ephemeral", `/${name} ${text}`);
      const expected = await dispatcher.dispatchText(name, text, who);
      assert.ok(
        !["error", "invalid"].includes(expected.kind),
        `/${name} ${text}: ${expected.kind}`,
      );
      assert.deepEqual(payload.blocks, renderReply(expected).blocks, `/${name} ${text}`);
      assert.ok(payload.text.length > 0);
    }
    assert.equal(slack.responses.length, 0, "nothing went to response_url");
  });

  it("lists the valid topics when a topic is unknown", async () => {
    const topical = dispatcher.commands.find((c) =>
      Object.values(c.options as Record<string, OptionSpec>).some((s) => s.kind === "choice"),
    );
    assert.ok(topical);
    const res = await slash(`/${topical.name}`, "no-such-topic");
    const json = JSON.stringify(res.body);
    const choice = Object.values(topical.options as Record<string, OptionSpec>).find(
      (s) => s.kind === "choice",
    );
    assert.ok(choice?.kind === "choice");
    for (const c of choice.choices) assert.ok(json.includes(c.value), c.value);
    assert.match(json, /no-such-topic/);
  });

  it("acks first and answers on response_url when the answer is not instant", async () => {
    const body = slashCommandBody({
      command: "/ask",
      text: "why did OpenAI suspend ByteDance?",
      responseUrl: slack.responseUrl("late-1"),
    });
    const res = await latePoster.form(body);
    assert.equal(res.status, 200);
    assert.equal(res.raw, "");
    const payload = await responseFor("late-1");
    assert.equal(payload.response_type, "ephemeral");
    assert.ok(payload.blocks.length > 1);
  });

  it("rejects missing, wrong and stale signatures with 401 and runs nothing", async () => {
    const callsBefore = slack.calls.length;
    const body = slashCommandBody({
      command: "/ask",
      text: "who is ByteDance?",
      responseUrl: slack.responseUrl("unsigned"),
    });
    const url = `http://127.0.0.1:${app.port}/slack/events`;
    const missing = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    assert.equal(missing.status, 401);
    const wrong = await poster.form(body, {
      headers: { "x-slack-signature": `v0=${"0".repeat(64)}` },
    });
    assert.equal(wrong.status, 401);
    const otherSecret = new SignedPoster(poster.baseUrl, "not-the-secret");
    assert.equal((await otherSecret.form(body)).status, 401);
    const stale = await poster.form(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    assert.equal(stale.status, 401);
    // Give a wrongly started handler time to show itself before asserting nothing ran.
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(slack.calls.length, callsBefore);
    assert.equal(slack.responsesTo("unsigned").length, 0);
  });

  it("answers a malformed body with 4xx and keeps serving", async () => {
    const badPayload = await poster.form("payload=%7Bnot-json");
    assert.ok(badPayload.status >= 400 && badPayload.status < 500, String(badPayload.status));
    const badJson = await poster.post("{not json", "application/json");
    assert.ok(badJson.status >= 400 && badJson.status < 500, String(badJson.status));
    const ok = await slash("/help", "");
    assert.equal(ok.status, 200);
  });

  it("answers a follow-up button privately, without replacing the original", async () => {
    const first = (await slash("/ask", "why did OpenAI suspend ByteDance?")).body as SlackPayload;
    const value = button(first, "idesk_follow_0");
    const res = await click("idesk_follow_0", value, "follow-1");
    assert.equal(res.status, 200);
    const payload = await responseFor("follow-1");
    assert.equal(payload.response_type, "ephemeral");
    assert.equal(payload.replace_original, false);
    const decoded = decodeButtonValue(value);
    assert.ok(decoded);
    const expected = await dispatcher.replay(decoded.replay, "follow", who);
    assert.deepEqual(payload.blocks, renderReply({ ...expected, ephemeral: true }).blocks);
  });

  it("shows the sources privately", async () => {
    const first = (await slash("/ask", "why did OpenAI suspend ByteDance?")).body as SlackPayload;
    await click("idesk_sources", button(first, "idesk_sources"), "sources-1");
    const payload = await responseFor("sources-1");
    assert.equal(payload.response_type, "ephemeral");
    assert.match(JSON.stringify(payload.blocks), /<https?:\/\//);
  });

  it("shares an answer in the channel, on any instance (stateless)", async () => {
    const first = (await slash("/ask", "why did OpenAI suspend ByteDance?")).body as SlackPayload;
    // Clicked on the other instance: the button carries all it needs.
    await click("idesk_share", button(first, "idesk_share"), "share-1", latePoster);
    const payload = await responseFor("share-1");
    assert.equal(payload.response_type, "in_channel");
    assert.ok(!JSON.stringify(payload.blocks).includes("idesk_share"));
  });

  it("answers a mention in a thread via chat.postMessage", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const res = await poster.json(
      eventCallback({
        type: "app_mention",
        user: "U0ASKER",
        text: `<@${BOT_USER_ID}> why did OpenAI suspend ByteDance?`,
        ts: "1700000100.000100",
        channel: "C0TEST",
        event_ts: "1700000100.000100",
      }),
    );
    assert.equal(res.status, 200);
    const call = await waitFor(
      () => slack.callsTo("chat.postMessage")[before],
      5000,
      "postMessage",
    );
    assert.equal(call.body.channel, "C0TEST");
    assert.equal(call.body.thread_ts, "1700000100.000100");
    assert.equal(call.headers.authorization, "Bearer xoxb-test-token");
    const expected = await dispatcher.dispatchText("ask", "why did OpenAI suspend ByteDance?", who);
    assert.deepEqual(call.body.blocks, renderReply({ ...expected, ephemeral: false }).blocks);
  });

  it("replies inside an existing thread and routes a leading command word", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    await poster.json(
      eventCallback({
        type: "app_mention",
        user: "U0ASKER",
        text: `<@${BOT_USER_ID}> incident timeline`,
        ts: "1700000200.000200",
        thread_ts: "1700000150.000100",
        channel: "C0TEST",
        event_ts: "1700000200.000200",
      }),
    );
    const call = await waitFor(
      () => slack.callsTo("chat.postMessage")[before],
      5000,
      "postMessage",
    );
    assert.equal(call.body.thread_ts, "1700000150.000100");
    const expected = await dispatcher.dispatchText("incident", "timeline", who);
    assert.equal(call.body.text, renderReply(expected).text);
  });

  it("answers a direct message in its thread and ignores bots and edits", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const dm = (extra: Record<string, unknown>) =>
      poster.json(
        eventCallback({
          type: "message",
          channel: "D0DM",
          channel_type: "im",
          user: "U0ASKER",
          text: "what is Project Seed?",
          ts: "1700000300.000300",
          event_ts: "1700000300.000300",
          ...extra,
        }),
      );
    await dm({ bot_id: "B0OTHER", user: "U0OTHERBOT" });
    await dm({ subtype: "message_changed" });
    await dm({ user: BOT_USER_ID });
    await dm({});
    const call = await waitFor(
      () => slack.callsTo("chat.postMessage")[before],
      5000,
      "postMessage",
    );
    assert.equal(call.body.channel, "D0DM");
    assert.equal(call.body.thread_ts, "1700000300.000300");
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(
      slack.callsTo("chat.postMessage").length,
      before + 1,
      "only the human DM answered",
    );
  });

  it("keeps mentions, channel pings and links typed by a user inert", async () => {
    const res = await slash("/ask", `${EVIL} why did OpenAI suspend ByteDance?`);
    const raw = res.raw;
    for (const live of LIVE) assert.ok(!raw.includes(live), `ack body has ${live}`);
    // Markup is dropped before matching, so the question behind it is still answered.
    assert.match(raw, /suspend/i);

    const before = slack.callsTo("chat.postMessage").length;
    await poster.json(
      eventCallback({
        type: "app_mention",
        user: "U0ASKER",
        text: `<@${BOT_USER_ID}> ${EVIL} what is the rule?`,
        ts: "1700000400.000400",
        channel: "C0TEST",
        event_ts: "1700000400.000400",
      }),
    );
    const call = await waitFor(
      () => slack.callsTo("chat.postMessage")[before],
      5000,
      "postMessage",
    );
    const posted = JSON.stringify(call.body);
    for (const live of LIVE) assert.ok(!posted.includes(live), `postMessage has ${live}`);

    // A shared answer to a question with markup must stay inert too.
    const answered = await slash("/ask", "why did OpenAI suspend ByteDance <@U123>");
    const shareValue = button(answered.body as SlackPayload, "idesk_share");
    await click("idesk_share", shareValue, "share-evil");
    const shared = JSON.stringify(await responseFor("share-evil"));
    for (const live of LIVE) assert.ok(!shared.includes(live), `share has ${live}`);
  });

  it("survives Web API errors (429 with Retry-After, 500, ratelimited) and keeps serving", async () => {
    const mention = (ts: string) =>
      poster.json(
        eventCallback({
          type: "app_mention",
          user: "U0ASKER",
          text: `<@${BOT_USER_ID}> who is ByteDance?`,
          ts,
          channel: "C0ERR",
          event_ts: ts,
        }),
      );
    const posts = () => slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0ERR");

    // 429 then success: the WebClient waits Retry-After and retries.
    slack.failNext("chat.postMessage", "ratelimited-429");
    await mention("1700000500.000001");
    await waitFor(() => posts().length >= 2, 8000, "retry after 429");

    // 500 then success: retried as well.
    slack.failNext("chat.postMessage", "http-500");
    await mention("1700000500.000002");
    await waitFor(() => posts().length >= 4, 8000, "retry after 500");

    // A ratelimited error body is not retried: it is logged and nothing crashes.
    slack.failNext("chat.postMessage", "ratelimited-body");
    await mention("1700000500.000003");
    await waitFor(() => posts().length >= 5, 5000, "ratelimited body");
    await waitFor(() => logLines.some((l) => l.includes("ratelimited")), 5000, "error logged");

    // A failing response_url is logged too.
    slack.failNext("response", "http-500");
    const first = (await slash("/ask", "who is ByteDance?")).body as SlackPayload;
    await click("idesk_share", button(first, "idesk_share"), "share-fail");
    await waitFor(
      () => logLines.some((l) => l.includes("slack button failed")),
      5000,
      "button error",
    );

    // Still serving.
    const ok = await slash("/help", "");
    assert.equal(ok.status, 200);
    assert.ok((ok.body as SlackPayload).blocks.length > 0);
    for (const line of logLines) assert.ok(!line.includes("xoxb-test-token"), "token in logs");
  });

  it("rate-limited: a mention gets an ephemeral slow down in its thread, not a public reply", async () => {
    limited = true;
    const posted = () =>
      slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0LIM");
    await limitedPoster.json(
      eventCallback({
        type: "app_mention",
        user: "U0ASKER",
        text: `<@${BOT_USER_ID}> what is Project Seed?`,
        ts: "1700000900.000100",
        channel: "C0LIM",
        event_ts: "1700000900.000100",
      }),
    );
    const call = await waitFor(() => slack.callsTo("chat.postEphemeral")[0], 5000, "ephemeral");
    assert.equal(call.body.user, "U0ASKER");
    assert.equal(call.body.channel, "C0LIM");
    assert.equal(call.body.thread_ts, "1700000900.000100");
    assert.match(String(call.body.text), /Slow down/);
    assert.equal(posted().length, 0);
  });

  it("rate-limited: Share in channel and Sources answer privately, never 'cites no sources'", async () => {
    limited = false;
    const asked = (await slash("/ask", "why was ByteDance suspended?")).body as SlackPayload;
    limited = true;
    for (const actionId of ["idesk_share", "idesk_sources"]) {
      await click(actionId, button(asked, actionId), `limited-${actionId}`, limitedPoster);
      const payload = await responseFor(`limited-${actionId}`);
      assert.equal(payload.response_type, "ephemeral", actionId);
      assert.match(payload.text, /Slow down/);
      assert.doesNotMatch(JSON.stringify(payload), /cites no sources/);
    }
  });

  it("stops gracefully and frees the port", async () => {
    const extra = await startSlack(
      { botToken: "xoxb-test-token", mode: "http", signingSecret: SECRET, apiUrl: slack.apiUrl },
      dispatcher,
      logger,
      { port: 0, host: "127.0.0.1" },
    );
    const res = await fetch(`http://127.0.0.1:${extra.port}/healthz`);
    assert.equal(res.status, 200);
    await extra.stop();
    await assert.rejects(fetch(`http://127.0.0.1:${extra.port}/healthz`));
  });
});
