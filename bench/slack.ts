/**
 * Slack HTTP mode on loopback: signed slash commands posted to /slack/events
 * of (a) Incident Desk (Bolt + signature check + dispatch + answer engine +
 * Block Kit renderer, the answer in the ack body) and (b) a bare Bolt app on
 * the same HTTPReceiver whose command handler acks a fixed text. Same load,
 * same process, same run; the ratio is our overhead over Bolt itself.
 * Run alone with `tsx bench/slack.ts`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
// The baseline is Bolt itself, so the bench (not src/) builds a bare Bolt app.
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { commands } from "../commands/index.ts";
import { createDispatcher } from "../src/core/dispatch.ts";
import { silentLogger } from "../src/core/logger.ts";
import { startSlack } from "../src/platforms/slack/index.ts";
import { SignedPoster } from "../test/fakes/slack/http-client.ts";
import { slashCommandBody } from "../test/fakes/slack/payloads.ts";
import { startSlackStandIn } from "../test/fakes/slack/stand-in.ts";
import { percentile } from "./stats.ts";

const SECRET = "bench-signing-secret";
const REQUESTS = 2000;
const WARMUP = 200;
const CONCURRENCY = 50;
const ROUNDS = 4;

const COMMANDS: [string, string][] = [
  ["/ask", "why was ByteDance suspended?"],
  ["/ask", "what is Project Seed?"],
  ["/ask", "can I use GPT output to train my own model?"],
  ["/incident", "timeline"],
  ["/incident", "statement"],
  ["/policy", "rule"],
  ["/sources", ""],
  ["/help", ""],
];

interface Result {
  label: string;
  samples: number[];
  elapsedMs: number;
  failures: number;
}

async function load(
  label: string,
  poster: SignedPoster,
  responseUrl: string,
  count: number,
): Promise<Result> {
  const samples: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < count) {
      const [command, text] = COMMANDS[next++ % COMMANDS.length] as [string, string];
      const body = slashCommandBody({ command, text, responseUrl });
      const t0 = performance.now();
      const res = await poster.form(body);
      samples.push(performance.now() - t0);
      if (res.status !== 200 || !res.raw) failures++;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { label, samples, elapsedMs: performance.now() - started, failures };
}

function line(r: Result): string {
  const rate = (r.samples.length / r.elapsedMs) * 1000;
  return `${r.label.padEnd(34)} n=${r.samples.length} ${rate.toFixed(0).padStart(6)} req/s  median ${percentile(r.samples, 50).toFixed(2)} ms  p99 ${percentile(r.samples, 99).toFixed(2)} ms${r.failures ? `  FAILURES ${r.failures}` : ""}`;
}

async function startBareBolt(): Promise<{ port: number; stop(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    authorize: async () => ({ botToken: "xoxb-bench", botId: "BBOT", botUserId: "UBOT" }),
    convoStore: false,
  });
  app.command(/^\/[\w-]+$/, async ({ ack }) => {
    await ack("Incident Desk is thinking about it.");
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as import("node:http").Server;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    stop: async () => {
      await app.stop();
    },
  };
}

export async function benchSlack(): Promise<void> {
  const slack = await startSlackStandIn();
  const dispatcher = createDispatcher({ commands });
  const ours = await startSlack(
    { botToken: "xoxb-bench", mode: "http", signingSecret: SECRET, apiUrl: slack.apiUrl },
    dispatcher,
    silentLogger,
    { port: 0, host: "127.0.0.1" },
  );
  const bare = await startBareBolt();
  try {
    const responseUrl = slack.responseUrl("bench");
    const oursPoster = new SignedPoster(`http://127.0.0.1:${ours.port}`, SECRET);
    const barePoster = new SignedPoster(`http://127.0.0.1:${bare.port}`, SECRET);
    await load("warm-up", oursPoster, responseUrl, WARMUP);
    await load("warm-up", barePoster, responseUrl, WARMUP);

    // Alternate rounds so a change in machine load hits both apps alike.
    const a: Result = {
      label: "incident-desk (answer in ack body)",
      samples: [],
      elapsedMs: 0,
      failures: 0,
    };
    const b: Result = {
      label: "bare Bolt (fixed ack text)",
      samples: [],
      elapsedMs: 0,
      failures: 0,
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [total, poster] of [
        [a, oursPoster],
        [b, barePoster],
      ] as const) {
        const r = await load(total.label, poster, responseUrl, REQUESTS / ROUNDS);
        total.samples.push(...r.samples);
        total.elapsedMs += r.elapsedMs;
        total.failures += r.failures;
      }
    }
    console.log(
      `Slack HTTP mode, signed slash commands on loopback, ${REQUESTS} requests each (${ROUNDS} alternating rounds), concurrency ${CONCURRENCY}:`,
    );
    console.log(line(a));
    console.log(line(b));
    const medianRatio = percentile(a.samples, 50) / percentile(b.samples, 50);
    const rateRatio = b.samples.length / b.elapsedMs / (a.samples.length / a.elapsedMs);
    console.log(
      `overhead ratio (incident-desk / bare Bolt): median latency x${medianRatio.toFixed(2)}, throughput x${(1 / rateRatio).toFixed(2)} (bare is x${rateRatio.toFixed(2)} faster)`,
    );
    if (slack.responses.length > 0)
      console.log(`note: ${slack.responses.length} answers went to response_url`);
  } finally {
    await ours.stop();
    await bare.stop();
    await slack.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await benchSlack();
}
