/**
 * Faults on the Slack side, injected through the loopback Slack, that the
 * Slack tests do not already cover (slack-http.test.ts covers Web API 429,
 * 500 and ratelimited bodies and a failing response_url; slack-socket.test.ts
 * a socket dropped between envelopes): a Web API call that times out, a
 * socket dropped mid-envelope (its ack lost), and a command handler that throws.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { type RunningSlack, startSlack } from "../../src/platforms/slack/index.ts";
import { captureLogs, throwingCommand } from "../fakes/faults.ts";
import { SignedPoster } from "../fakes/slack/http-client.ts";
import { eventCallback, slashCommandBody } from "../fakes/slack/payloads.ts";
import { BOT_USER_ID, type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const SECRET = "faults-signing-secret";
const BOT_TOKEN = "xoxb-faults-bot-token";
const APP_TOKEN = "xapp-faults-app-token";
/** The WebClient gives up on a call after this long; the stand-in holds calls past it. */
const WEB_API_TIMEOUT_MS = 300;

interface SlackPayload {
  response_type?: string;
  text: string;
  blocks: unknown[];
}

const logs = captureLogs();
const logLines = logs.lines;
const logged = logs.parsed;
const logger = logs.logger;
const dispatcher = createDispatcher({ commands: [...commands, throwingCommand], logger });

let slack: SlackStandIn;
let http: RunningSlack;
let socket: RunningSlack;
let poster: SignedPoster;

function mention(ts: string, channel: string) {
  return poster.json(
    eventCallback({
      type: "app_mention",
      user: "U0ASKER",
      text: `<@${BOT_USER_ID}> what is Project Seed?`,
      ts,
      channel,
      event_ts: ts,
    }),
  );
}

function slashPayload(command: string, text: string) {
  return Object.fromEntries(
    new URLSearchParams(
      slashCommandBody({ command, text, responseUrl: slack.responseUrl(), userId: "U0SOCKET" }),
    ),
  );
}

describe("Slack faults (real Bolt, loopback Slack)", () => {
  before(async () => {
    slack = await startSlackStandIn();
    http = await startSlack(
      { botToken: BOT_TOKEN, mode: "http", signingSecret: SECRET, apiUrl: slack.apiUrl },
      dispatcher,
      logger,
      { port: 0, host: "127.0.0.1", webApiTimeoutMs: WEB_API_TIMEOUT_MS },
    );
    socket = await startSlack(
      { botToken: BOT_TOKEN, mode: "socket", appToken: APP_TOKEN, apiUrl: slack.apiUrl },
      dispatcher,
      logger,
      { socket: { clientPingTimeoutMs: 300 }, webApiTimeoutMs: WEB_API_TIMEOUT_MS },
    );
    poster = new SignedPoster(`http://127.0.0.1:${http.port}`, SECRET);
  });
  after(async () => {
    await http?.stop();
    await socket?.stop();
    await slack?.close();
  });

  it("a Web API call that times out once is retried and the answer is posted", async () => {
    const posts = () => slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0T1");
    slack.failNext("chat.postMessage", "hold");
    const res = await mention("1700002000.000001", "C0T1");
    assert.equal(res.status, 200);
    await waitFor(() => posts().length >= 2, 10_000, "the retry after the timeout");
    assert.equal(posts()[1]?.body.thread_ts, "1700002000.000001");
  });

  it("a Web API call that always times out is logged, and the app keeps serving", async () => {
    const posts = () => slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0T2");
    // retries: 2 by default, so three attempts in all.
    for (let i = 0; i < 3; i++) slack.failNext("chat.postMessage", "hold");
    await mention("1700002000.000002", "C0T2");
    await waitFor(
      () => logged().some((l) => l.msg === "slack mention reply failed"),
      15_000,
      "the failure to be logged",
    );
    assert.equal(posts().length, 3);
    await mention("1700002000.000003", "C0T2");
    await waitFor(() => posts().length >= 4, 5000, "the next mention answered");
    for (const line of logLines) assert.ok(!line.includes(BOT_TOKEN), "token in logs");
  });

  it("a socket dropped mid-envelope: the redelivered envelope is answered after the reconnect", async () => {
    const connections = slack.connections;
    slack.dropOnNextAck();
    const id = slack.sendEnvelope("slash_commands", slashPayload("/incident", "timeline"));
    await slack.waitForConnection(connections + 1, 10_000);
    assert.deepEqual(slack.lostAcks, [id]);
    const ack = await slack.ackFor(id, 10_000);
    const payload = ack.payload as unknown as SlackPayload;
    assert.equal(payload.response_type, "ephemeral");
    assert.ok(payload.blocks.length > 0);
    const next = await slack.ackFor(
      slack.sendEnvelope("slash_commands", slashPayload("/help", "")),
    );
    assert.ok((next.payload as unknown as SlackPayload).blocks.length > 0);
  });

  it("a handler that throws: the user gets the error reply with an id, one error line logs it", async () => {
    const res = await poster.form(
      slashCommandBody({ command: "/explode", text: "", responseUrl: slack.responseUrl() }),
    );
    assert.equal(res.status, 200);
    const payload = res.body as SlackPayload;
    assert.equal(payload.response_type, "ephemeral");
    assert.match(payload.text, /Something went wrong/);
    const id = /error id ([0-9a-f]{8})/.exec(JSON.stringify(payload.blocks))?.[1];
    assert.ok(id, `the reply names an error id: ${payload.text}`);

    const failed = logged().filter((l) => l.level >= 50 && l.errorId === id);
    assert.equal(failed.length, 1, "one error line carries the id");
    assert.equal(failed[0]?.msg, "command failed");
    assert.equal(failed[0]?.platform, "slack");
    assert.equal(failed[0]?.command, "explode");

    const next = await poster.form(
      slashCommandBody({ command: "/ask", text: "what is Project Seed?", responseUrl: "x" }),
    );
    assert.equal(next.status, 200);
    assert.doesNotMatch((next.body as SlackPayload).text, /went wrong/);
    for (const line of logLines)
      assert.ok(!line.includes(BOT_TOKEN) && !line.includes(APP_TOKEN), "token in logs");
  });
});
