/**
 * Real Bolt in Socket Mode against the loopback Slack: apps.connections.open,
 * hello, envelopes for a slash command, an event and a button, the acks the
 * bot sends back, and reconnection after the socket drops.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { type RunningSlack, startSlack } from "../../src/platforms/slack/index.ts";
import { renderReply } from "../../src/platforms/slack/render.ts";
import { blockActionPayload, eventCallback } from "../fakes/slack/payloads.ts";
import { BOT_USER_ID, type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const dispatcher = createDispatcher({ commands });
const who: Requester = { platform: "slack", userId: "U0ASKER", channelId: "C0TEST" };

interface AckPayload {
  response_type?: string;
  text?: string;
  blocks?: { type: string; elements?: { action_id?: string; value?: string }[] }[];
}

let slack: SlackStandIn;
let app: RunningSlack;

function slashPayload(command: string, text: string, responseId: string) {
  return {
    token: "t",
    team_id: "T0TEST",
    team_domain: "test",
    channel_id: "C0TEST",
    channel_name: "general",
    user_id: "U0ASKER",
    user_name: "asker",
    command,
    text,
    api_app_id: "A0TEST",
    is_enterprise_install: "false",
    response_url: slack.responseUrl(responseId),
    trigger_id: "1.2.3",
  };
}

describe("Slack Socket Mode (real Bolt, loopback Slack)", () => {
  before(async () => {
    slack = await startSlackStandIn();
    app = await startSlack(
      {
        botToken: "xoxb-test-token",
        mode: "socket",
        appToken: "xapp-test-token",
        apiUrl: slack.apiUrl,
      },
      dispatcher,
      silentLogger,
      // A short ping timeout keeps the reconnect delay (a multiple of it) short.
      { socket: { clientPingTimeoutMs: 300 } },
    );
  });

  after(async () => {
    await app?.stop();
    await slack?.close();
  });

  it("opens the socket through apps.connections.open with the app token", async () => {
    await slack.waitForConnection(1);
    const open = slack.callsTo("apps.connections.open");
    assert.equal(open.length, 1);
    assert.equal(open[0]?.headers.authorization, "Bearer xapp-test-token");
    assert.equal(slack.callsTo("auth.test")[0]?.headers.authorization, "Bearer xoxb-test-token");
  });

  it("answers a slash command in the envelope's ack", async () => {
    const id = slack.sendEnvelope(
      "slash_commands",
      slashPayload("/ask", "what is Project Seed?", "s1"),
    );
    const ack = await slack.ackFor(id);
    const payload = ack.payload as AckPayload;
    assert.equal(payload.response_type, "ephemeral");
    const expected = await dispatcher.dispatchText("ask", "what is Project Seed?", who);
    assert.deepEqual(payload.blocks, renderReply(expected).blocks);
  });

  it("acks an app_mention event and answers in the thread", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const id = slack.sendEnvelope(
      "events_api",
      eventCallback({
        type: "app_mention",
        user: "U0ASKER",
        text: `<@${BOT_USER_ID}> policy rule`,
        ts: "1700001000.000100",
        channel: "C0TEST",
        event_ts: "1700001000.000100",
      }),
    );
    await slack.ackFor(id);
    const call = await waitFor(
      () => slack.callsTo("chat.postMessage")[before],
      5000,
      "postMessage",
    );
    assert.equal(call.body.thread_ts, "1700001000.000100");
    const expected = await dispatcher.dispatchText("policy", "rule", who);
    assert.equal(call.body.text, renderReply(expected).text);
  });

  it("acks a button click and shares the answer in the channel", async () => {
    const first = await slack.ackFor(
      slack.sendEnvelope("slash_commands", slashPayload("/incident", "reason", "s2")),
    );
    const actions = (first.payload as AckPayload).blocks?.find((b) => b.type === "actions");
    const share = actions?.elements?.find((e) => e.action_id === "idesk_share")?.value;
    assert.ok(share);
    const id = slack.sendEnvelope(
      "interactive",
      blockActionPayload({
        actionId: "idesk_share",
        value: share,
        responseUrl: slack.responseUrl("s3"),
      }),
    );
    await slack.ackFor(id);
    const posted = await waitFor(() => slack.responsesTo("s3")[0], 5000, "share response");
    assert.equal(posted.body.response_type, "in_channel");
  });

  it("reconnects after the socket drops and keeps serving", async () => {
    const opened = slack.callsTo("apps.connections.open").length;
    slack.dropSocket();
    await slack.waitForConnection(2, 10_000);
    assert.equal(slack.callsTo("apps.connections.open").length, opened + 1);
    const id = slack.sendEnvelope("slash_commands", slashPayload("/help", "", "s4"));
    const ack = await slack.ackFor(id);
    assert.ok(((ack.payload as AckPayload).blocks ?? []).length > 0);
  });
});
