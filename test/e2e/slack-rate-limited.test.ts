/**
 * Asking too fast on Slack (real Bolt, HTTP mode, loopback Slack): every
 * "slow down" is private. A mention gets an ephemeral message in its thread,
 * never a public reply; Share in channel and Sources answer ephemerally and
 * never claim the answer "cites no sources".
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type RateGate } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { type RunningSlack, startSlack } from "../../src/platforms/slack/index.ts";
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

interface Payload {
  response_type?: string;
  text: string;
  blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[];
}

describe("rate-limited on Slack", () => {
  let slack: SlackStandIn;
  let app: RunningSlack;
  let poster: SignedPoster;
  let limited = false;
  const gate: RateGate = async () =>
    limited ? { ok: false, retryInSeconds: 5 } : { ok: true as const };

  before(async () => {
    slack = await startSlackStandIn();
    const dispatcher = createDispatcher({ commands, rateGate: gate });
    const config = { botToken: "xoxb-t", mode: "http" as const, signingSecret: SECRET };
    app = await startSlack({ ...config, apiUrl: slack.apiUrl }, dispatcher, silentLogger, {
      port: 0,
      host: "127.0.0.1",
    });
    poster = new SignedPoster(`http://127.0.0.1:${app.port}`, SECRET);
  });
  after(async () => {
    await app?.stop();
    await slack?.close();
  });

  it("a mention gets an ephemeral slow down in its thread, not a public reply", async () => {
    limited = true;
    await poster.json(
      eventCallback({
        type: "app_mention",
        user: "U0ASKER",
        text: `<@${BOT_USER_ID}> what is Project Seed?`,
        ts: "1700000900.000100",
        channel: "C0TEST",
        event_ts: "1700000900.000100",
      }),
    );
    const call = await waitFor(() => slack.callsTo("chat.postEphemeral")[0], 5000, "ephemeral");
    assert.equal(call.body.user, "U0ASKER");
    assert.equal(call.body.channel, "C0TEST");
    assert.equal(call.body.thread_ts, "1700000900.000100");
    assert.match(String(call.body.text), /Slow down/);
    assert.equal(slack.callsTo("chat.postMessage").length, 0);
  });

  it("Share in channel and Sources answer privately and honestly", async () => {
    limited = false;
    const asked = await poster.form(
      slashCommandBody({
        command: "/ask",
        text: "why was ByteDance suspended?",
        responseUrl: slack.responseUrl("ask"),
      }),
    );
    const buttons = (asked.body as Payload).blocks.find((b) => b.type === "actions");
    limited = true;
    for (const actionId of ["idesk_share", "idesk_sources"]) {
      const value = buttons?.elements?.find((e) => e.action_id === actionId)?.value;
      assert.ok(value, actionId);
      const responseUrl = slack.responseUrl(actionId);
      await poster.form(interactiveBody(blockActionPayload({ actionId, value, responseUrl })));
      const sent = await waitFor(() => slack.responsesTo(actionId)[0], 5000, actionId);
      const body = sent.body as unknown as Payload;
      assert.equal(body.response_type, "ephemeral", actionId);
      assert.match(body.text, /Slow down/);
      assert.doesNotMatch(JSON.stringify(body), /cites no sources/);
    }
  });
});
