/**
 * `npm start` as an operator runs it: src/main.ts in its own process, on the
 * loopback Discord and Slack (HTTP mode) with the gateway-mode health
 * endpoint on. Once healthy it gets a burst of interactions and, while they
 * are being answered, SIGTERM: it must answer every one it had received,
 * exit 0 within a bound (a hang check, not a speed test), and never print a
 * token or secret.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord.ts";
import { nextId } from "../fakes/discord/payloads.ts";
import { SignedPoster } from "../fakes/slack/http-client.ts";
import { slashCommandBody } from "../fakes/slack/payloads.ts";
import { type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");
const SLACK_BOT_TOKEN = "xoxb-shutdown-secret-bot-token";
const SLACK_SIGNING_SECRET = "shutdown-signing-secret-value";
/** A hang bound: main forces an exit after 6 s, so 8 s only fails on a real hang. */
const EXIT_BOUND_MS = 8000;
/** Big enough that, without a drain, some answers are cut off by the exit. */
const BURST = 200;

let discord: FakeDiscord;
let slack: SlackStandIn;
let dataDir: string;
let child: ChildProcess | undefined;
let output = "";

interface LogLine {
  msg?: string;
  port?: number;
}

function logLines(): LogLine[] {
  return output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => {
      try {
        return JSON.parse(l) as LogLine;
      } catch {
        return {};
      }
    });
}

before(async () => {
  discord = await startFakeDiscord();
  slack = await startSlackStandIn();
  dataDir = mkdtempSync(join(tmpdir(), "incident-desk-shutdown-"));
});

after(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await discord?.close();
  await slack?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("SIGTERM drains in-flight interactions and exits 0; no token is ever printed", async () => {
  child = spawn(process.execPath, ["--import", TSX, MAIN], {
    // A temporary working directory, so no .env of the developer's leaks into the test.
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.ids.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      HEALTH_PORT: "0",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const capture = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child?.once("exit", (code, signal) => resolve({ code, signal })),
  );

  // Connected: the stand-in saw IDENTIFY, and the health endpoint says so.
  const healthPort = (
    await waitFor(
      () => logLines().find((l) => l.msg === "health endpoint listening"),
      20_000,
      `the health endpoint (output so far: ${output.slice(-500)})`,
    )
  ).port;
  const slackPort = (
    await waitFor(() => logLines().find((l) => l.msg === "Slack app running"), 20_000, "Slack")
  ).port;
  assert.ok(discord.identifyCount >= 1, "the bot identified");
  const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), {
    ok: true,
    platforms: { discord: "connected", slack: "connected" },
  });

  // Slack answers before the signal.
  const poster = new SignedPoster(`http://127.0.0.1:${slackPort}`, SLACK_SIGNING_SECRET);
  const slash = await poster.form(
    slashCommandBody({ command: "/ask", text: "what is Project Seed?", responseUrl: "x" }),
  );
  assert.equal(slash.status, 200);
  assert.ok((slash.body as { blocks?: unknown[] }).blocks?.length);

  // A burst, and SIGTERM as soon as the first answer is on its way: the rest are in flight.
  // Distinct users and channels, so the limits answer each with an answer, not a slow-down.
  const burst = Array.from({ length: BURST }, (_, i) =>
    discord.sendCommandAs({ userId: nextId(), channelId: nextId() }, "ask", {
      question: i % 2 ? "why was ByteDance suspended?" : "who is involved?",
    }),
  );
  await discord.waitFor(() => discord.callbacks.size > 0, 10_000, "the first answer");
  const signalledAt = Date.now();
  child.kill("SIGTERM");

  const timeout = new Promise<"hang">((resolve) =>
    setTimeout(() => resolve("hang"), EXIT_BOUND_MS).unref(),
  );
  const result = await Promise.race([exited, timeout]);
  assert.notEqual(result, "hang", `no exit within ${EXIT_BOUND_MS} ms of SIGTERM`);
  assert.deepEqual(result, { code: 0, signal: null }, output.slice(-2000));
  assert.ok(Date.now() - signalledAt < EXIT_BOUND_MS);

  const unanswered = burst.filter((i) => !discord.callbacks.has(i.id));
  assert.deepEqual(unanswered, [], "every interaction received before SIGTERM was answered");
  const messages = logLines().map((l) => l.msg);
  assert.ok(messages.includes("shutting down"));
  assert.ok(messages.includes("stopped"));

  for (const secret of [discord.token, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET])
    assert.ok(!output.includes(secret), "a token or secret was printed");
  // The interaction tokens travel in REST paths; they must not be printed either.
  for (const i of burst) assert.ok(!output.includes(i.token), "an interaction token was printed");
});
