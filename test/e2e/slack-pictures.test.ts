/**
 * Pictures on Slack, with real Bolt in HTTP mode against the loopback Slack:
 * a private slash-command answer stays text only (ephemeral messages cannot
 * carry files); Share in channel posts the text and then uploads the PNG with
 * files.uploadV2 (files.getUploadURLExternal, the upload to the URL it
 * returned, files.completeUploadExternal); a thread reply gets its picture in
 * the thread; a failed render or a token without files:write leaves the text
 * alone, with one warning.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { type RunningSlack, startSlack } from "../../src/platforms/slack/index.ts";
import { captureLogs } from "../fakes/faults.ts";
import { SignedPoster } from "../fakes/slack/http-client.ts";
import {
  blockActionPayload,
  eventCallback,
  interactiveBody,
  slashCommandBody,
} from "../fakes/slack/payloads.ts";
import {
  BOT_USER_ID,
  DEFAULT_SCOPES,
  type SlackStandIn,
  startSlackStandIn,
} from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";
import { decodePngSize } from "../support/png.ts";

const SECRET = "test-signing-secret";
const dispatcher = createDispatcher({ commands });

interface SlackPayload {
  response_type?: string;
  text: string;
  blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[];
}

function shareValue(payload: SlackPayload): string {
  const actions = payload.blocks.find((b) => b.type === "actions");
  const value = actions?.elements?.find((e) => e.action_id === "idesk_share")?.value;
  assert.ok(value, "the private answer has a Share in channel button");
  return value;
}

/** One Slack app on the stand-in, with its own log. */
async function startApp(
  slack: SlackStandIn,
  options: Parameters<typeof startSlack>[3] = {},
): Promise<{ app: RunningSlack; poster: SignedPoster; logs: ReturnType<typeof captureLogs> }> {
  const logs = captureLogs("warn");
  const app = await startSlack(
    { botToken: "xoxb-test-token", mode: "http", signingSecret: SECRET, apiUrl: slack.apiUrl },
    dispatcher,
    logs.logger,
    { port: 0, host: "127.0.0.1", ...options },
  );
  return { app, poster: new SignedPoster(`http://127.0.0.1:${app.port}`, SECRET), logs };
}

async function privateAnswer(slack: SlackStandIn, poster: SignedPoster, text: string) {
  const body = slashCommandBody({ command: "/incident", text, responseUrl: slack.responseUrl() });
  return (await poster.form(body)).body as SlackPayload;
}

async function share(slack: SlackStandIn, poster: SignedPoster, value: string, id: string) {
  const payload = blockActionPayload({
    actionId: "idesk_share",
    value,
    responseUrl: slack.responseUrl(id),
  });
  await poster.form(interactiveBody(payload));
  return waitFor(() => slack.responsesTo(id)[0], 5000, `response_url ${id}`);
}

describe("Slack pictures", () => {
  let slack: SlackStandIn;
  let running: Awaited<ReturnType<typeof startApp>>;
  before(async () => {
    slack = await startSlackStandIn();
    running = await startApp(slack);
  });
  after(async () => {
    await running?.app.stop();
    await slack?.close();
  });

  it("keeps a private answer text only, and uploads the picture when it is shared", async () => {
    const answer = await privateAnswer(slack, running.poster, "timeline");
    assert.equal(answer.response_type, "ephemeral");
    assert.equal(
      slack.callsTo("files.getUploadURLExternal").length,
      0,
      "no upload for a private answer",
    );

    const shared = await share(slack, running.poster, shareValue(answer), "share-timeline");
    assert.equal(shared.body.response_type, "in_channel");
    assert.match(String(shared.body.text), /Timeline/, "the text goes first, and stays");

    const complete = await waitFor(
      () => slack.callsTo("files.completeUploadExternal")[0],
      10_000,
      "files.completeUploadExternal",
    );
    const [getUrl] = slack.callsTo("files.getUploadURLExternal");
    const [upload] = slack.uploads;
    assert.ok(getUrl && upload);
    assert.ok(getUrl.seq < upload.seq && upload.seq < complete.seq, "get URL, upload, complete");
    assert.equal(getUrl.body.filename, "timeline.png");
    assert.match(String(getUrl.body.alt_text), /dated events/);

    // The bytes sent to the upload URL are the whole PNG.
    const form = await new Response(new Uint8Array(upload.body), {
      headers: { "content-type": upload.contentType },
    }).formData();
    const file = [...form.values()].find((v) => typeof v !== "string");
    assert.ok(file && typeof file !== "string", "a file part in the upload");
    const png = Buffer.from(await file.arrayBuffer());
    assert.equal(Number(getUrl.body.length), png.length);
    assert.equal(decodePngSize(png).width, 800);

    assert.equal(complete.body.channel_id, "C0TEST");
    const files = complete.body.files as { id: string; title: string }[];
    assert.equal(files[0]?.id, upload.fileId);
    assert.match(files[0]?.title ?? "", /ByteDance suspension/);
    assert.equal(running.logs.parsed().length, 0, "nothing to warn about");
  });

  it("posts a thread reply's picture into the thread", async () => {
    const before = slack.callsTo("files.completeUploadExternal").length;
    await running.poster.json(
      eventCallback({
        type: "app_mention",
        user: "U0ASKER",
        text: `<@${BOT_USER_ID}> policy versions`,
        ts: "1700000500.000500",
        channel: "C0TEST",
        event_ts: "1700000500.000500",
      }),
    );
    const complete = await waitFor(
      () => slack.callsTo("files.completeUploadExternal")[before],
      10_000,
      "files.completeUploadExternal",
    );
    assert.equal(complete.body.thread_ts, "1700000500.000500");
    assert.equal(complete.body.channel_id, "C0TEST");
    const posted = slack.callsTo("chat.postMessage").at(-1);
    assert.ok(posted && posted.seq < complete.seq, "the text first, then the picture");
    assert.equal(slack.callsTo("files.getUploadURLExternal").at(-1)?.body.filename, "versions.png");
  });
});

describe("Slack pictures that cannot be posted", () => {
  let slack: SlackStandIn;
  before(async () => {
    slack = await startSlackStandIn();
  });
  after(async () => {
    await slack?.close();
  });

  it("a render failure shares the text alone, with one warning", async () => {
    const { app, poster, logs } = await startApp(slack, {
      pictures: () => Promise.reject(new Error("resvg exploded")),
    });
    try {
      const answer = await privateAnswer(slack, poster, "timeline");
      const shared = await share(slack, poster, shareValue(answer), "share-broken");
      assert.equal(shared.body.response_type, "in_channel");
      const warning = await waitFor(
        () => logs.parsed().find((l) => /could not render the picture/.test(l.msg)),
        5000,
        "the warning",
      );
      assert.equal(warning.level, 40);
      assert.equal(logs.parsed().length, 1, "one warning, nothing else");
      assert.equal(slack.callsTo("files.getUploadURLExternal").length, 0);
    } finally {
      await app.stop();
    }
  });

  it("a token without files:write starts, says so once, and shares text only", async () => {
    slack.scopes = DEFAULT_SCOPES.filter((s) => s !== "files:write");
    const { app, poster, logs } = await startApp(slack);
    try {
      const warnings = logs.parsed();
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]?.msg ?? "", /files:write/);
      const answer = await privateAnswer(slack, poster, "timeline");
      const shared = await share(slack, poster, shareValue(answer), "share-no-scope");
      assert.equal(shared.body.response_type, "in_channel");
      assert.equal(slack.callsTo("files.getUploadURLExternal").length, 0);
      assert.equal(logs.parsed().length, 1, "no warning per share");
    } finally {
      slack.scopes = [...DEFAULT_SCOPES];
      await app.stop();
    }
  });
});
