/**
 * Nothing lost on stop: the bot as an operator runs it, with 200 Slack slash
 * commands, 200 app_mention events (their replies queued behind a slow Slack)
 * and 200 Discord interactions in flight when SIGTERM arrives. Exactly the
 * README's commands: `npm start` signalled alone and as a process group (as
 * Ctrl+C and systemd do), and `node dist/main.js` after `npm run build` (the
 * container's and the systemd unit's command). Every request answered, exit
 * 0, no token printed.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord.ts";
import { nextId } from "../fakes/discord/payloads.ts";
import type { ContentType } from "../fakes/slack/http-client.ts";
import { eventCallback, slashCommandBody } from "../fakes/slack/payloads.ts";
import { signedHeaders } from "../fakes/slack/signer.ts";
import { BOT_USER_ID, type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const SLACK_BOT_TOKEN = "xoxb-zero-lost-secret-bot-token";
const SLACK_SIGNING_SECRET = "zero-lost-signing-secret-value";
const BURST = 200;
/** A hang bound, not a speed test: the drain's own bound is 10 s. */
const EXIT_BOUND_MS = 20_000;

let discord: FakeDiscord;
let slack: SlackStandIn;
let dataDir: string;
const children: ChildProcess[] = [];

before(async () => {
  // The production build, as the Dockerfile makes it.
  execFileSync(NPM, ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  discord = await startFakeDiscord();
  slack = await startSlackStandIn();
  // Replies to mentions and slash commands are still queued when the signal comes.
  slack.delayMs = 300;
  dataDir = mkdtempSync(join(tmpdir(), "incident-desk-zero-lost-"));
});

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await discord?.close();
  await slack?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Posted {
  /** Resolves once the request is written to the socket (on the wire before the signal). */
  sent: Promise<void>;
  response: Promise<{ status: number; body: string }>;
}

/** A signed POST on its own connection, telling when it is on the wire and when it is answered. */
function post(port: number, body: string, contentType: ContentType): Posted {
  let onSent: () => void = () => {};
  const sent = new Promise<void>((resolve) => {
    onSent = resolve;
  });
  const response = new Promise<{ status: number; body: string }>((resolve) => {
    const req = request(
      {
        port,
        host: "127.0.0.1",
        method: "POST",
        path: "/slack/events",
        agent: false,
        headers: signedHeaders(SLACK_SIGNING_SECRET, body, contentType),
      },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => {
          text += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("finish", onSent);
    req.on("error", (err) => {
      onSent();
      resolve({ status: 0, body: err.message });
    });
    req.end(body);
  });
  return { sent, response };
}

interface Run {
  command: string;
  args: string[];
  /** Where the signal goes: the first process alone, or its whole process group. */
  target: "process" | "group";
}

async function runAndStop(run: Run): Promise<void> {
  let output = "";
  const child = spawn(run.command, run.args, {
    cwd: ROOT,
    detached: run.target === "group", // its own process group, as a terminal or systemd gives it
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dataDir,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.ids.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const capture = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  const port = await waitFor(
    () => /"port":(\d+),[^\n]*"msg":"Slack app running"/.exec(output)?.[1],
    30_000,
    `the bot to start (output so far: ${output.slice(-500)})`,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/healthz`)).status === 200, 10_000, "healthy");
  const tag = `${run.command}-${run.target}-${Date.now()}`;

  // Slash commands, each from its own user and channel so the limits stay out of the way.
  const slashes = Array.from({ length: BURST }, (_, i) =>
    post(
      Number(port),
      slashCommandBody({
        command: "/ask",
        text: i % 2 ? "why was ByteDance suspended?" : "what is project seed?",
        responseUrl: slack.responseUrl(`${tag}-slash-${i}`),
        userId: `US${i}`,
        channelId: `CS${i}`,
      }),
      "application/x-www-form-urlencoded",
    ),
  );
  const mentionChannels = Array.from({ length: BURST }, (_, i) => `CM${tag}-${i}`);
  const mentions = mentionChannels.map((channel, i) =>
    post(
      Number(port),
      JSON.stringify(
        eventCallback({
          type: "app_mention",
          user: `UM${i}`,
          text: `<@${BOT_USER_ID}> who is involved?`,
          ts: `1700000000.${String(i).padStart(6, "0")}`,
          channel,
          event_ts: `1700000000.${String(i).padStart(6, "0")}`,
        }),
      ),
      "application/json",
    ),
  );
  const interactions = Array.from({ length: BURST }, () =>
    discord.sendCommandAs({ userId: nextId(), channelId: nextId() }, "ask", {
      question: "why was ByteDance suspended?",
    }),
  );

  // SIGTERM as soon as everything is on the wire and work is flowing on every side: the
  // mentions are acknowledged (their replies queued), most of the rest is still in flight.
  await Promise.all([...slashes, ...mentions].map((p) => p.sent));
  await Promise.all(mentions.map((p) => p.response));
  await discord.waitFor(() => discord.callbacks.size > 0, 10_000, "the first Discord answer");
  const signalled = Date.now();
  if (run.target === "group") process.kill(-(child.pid as number), "SIGTERM");
  else child.kill("SIGTERM");

  const timeout = new Promise<"hang">((resolve) =>
    setTimeout(() => resolve("hang"), EXIT_BOUND_MS).unref(),
  );
  const result = await Promise.race([exited, timeout]);
  assert.notEqual(result, "hang", `no exit within ${EXIT_BOUND_MS} ms (${output.slice(-1500)})`);
  assert.deepEqual(result, { code: 0, signal: null }, output.slice(-2000));
  assert.ok(Date.now() - signalled < EXIT_BOUND_MS);

  const slashResults = await Promise.all(slashes.map((p) => p.response));
  const lostSlash = slashResults.filter((r, i) => {
    const inAck = r.status === 200 && r.body.includes('"blocks"');
    return !inAck && slack.responsesTo(`${tag}-slash-${i}`).length === 0;
  });
  assert.equal(lostSlash.length, 0, `slash commands lost: ${JSON.stringify(lostSlash[0])}`);

  const mentionResults = await Promise.all(mentions.map((p) => p.response));
  assert.deepEqual(
    mentionResults.filter((r) => r.status !== 200),
    [],
    "every event acknowledged",
  );
  const posted = new Set(slack.callsTo("chat.postMessage").map((c) => c.body.channel));
  assert.deepEqual(
    mentionChannels.filter((c) => !posted.has(c)),
    [],
    "every acknowledged mention answered",
  );
  assert.deepEqual(
    interactions.filter((i) => !discord.callbacks.has(i.id)).map((i) => i.id),
    [],
    "every interaction answered",
  );
  for (const secret of [discord.token, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET])
    assert.ok(!output.includes(secret), "a token or secret was printed");
  // The interaction tokens travel in REST paths; they must not be printed either.
  for (const i of interactions)
    assert.ok(!output.includes(i.token), "an interaction token was printed");
  assert.match(output, /"msg":"stopped"/);
}

test("npm start, SIGTERM to npm alone: drains everything and exits 0", () =>
  runAndStop({ command: NPM, args: ["start"], target: "process" }));

test("npm start, SIGTERM to its process group: drains everything and exits 0", () =>
  runAndStop({ command: NPM, args: ["start"], target: "group" }));

test("node dist/main.js (the container's command), SIGTERM: drains everything and exits 0", () =>
  runAndStop({ command: process.execPath, args: ["dist/main.js"], target: "process" }));
