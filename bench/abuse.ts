/**
 * Limits before work, measured: 200 concurrent unsigned 4 MB bodies posted
 * to Slack HTTP mode while valid signed slash commands keep coming. Prints
 * the RSS growth during the flood and the valid requests' p50/p99 before and
 * during it. The flood's clients run in a child process, so the bot's RSS is
 * its own. Run alone with `tsx bench/abuse.ts`.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { commands } from "../commands/index.ts";
import { createDispatcher } from "../src/core/dispatch.ts";
import { silentLogger } from "../src/core/logger.ts";
import { startSlack } from "../src/platforms/slack/index.ts";
import { SignedPoster } from "../test/fakes/slack/http-client.ts";
import { slashCommandBody } from "../test/fakes/slack/payloads.ts";
import { startSlackStandIn } from "../test/fakes/slack/stand-in.ts";
import { percentile } from "./stats.ts";

const SECRET = "abuse-bench-secret";
const FLOOD = 200;
const BODY_BYTES = 4 * 1024 * 1024;

/** Posts FLOOD unsigned bodies of BODY_BYTES at once, each on its own connection; prints status counts. */
const FLOOD_CLIENT = `
const { request } = require("node:http");
const [port, n, size] = process.argv.slice(1).map(Number);
const body = Buffer.alloc(size, 120);
Promise.all(Array.from({ length: n }, () => new Promise((resolve) => {
  const req = request({ port, host: "127.0.0.1", method: "POST", path: "/slack/events", agent: false,
    headers: { "content-type": "application/json", "content-length": size } }, (r) => { r.resume(); r.on("end", () => resolve(r.statusCode)); });
  req.on("error", (e) => resolve(e.code));
  req.end(body);
}))).then((res) => {
  const counts = {};
  for (const r of res) counts[r] = (counts[r] ?? 0) + 1;
  console.log(JSON.stringify(counts));
});
`;

async function valid(poster: SignedPoster, responseUrl: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      const body = slashCommandBody({
        command: "/ask",
        text: "what is project seed?",
        responseUrl,
        userId: `U${i}`,
        channelId: `C${i}`,
      });
      await poster.form(body);
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  return samples;
}

function figures(label: string, s: number[]): string {
  return `${label.padEnd(34)} n=${s.length}  p50 ${percentile(s, 50).toFixed(1)} ms  p99 ${percentile(s, 99).toFixed(1)} ms`;
}

export async function benchAbuse(): Promise<void> {
  const slack = await startSlackStandIn();
  const app = await startSlack(
    { botToken: "xoxb-abuse", mode: "http", signingSecret: SECRET, apiUrl: slack.apiUrl },
    createDispatcher({ commands }),
    silentLogger,
    { port: 0, host: "127.0.0.1" },
  );
  try {
    const poster = new SignedPoster(`http://127.0.0.1:${app.port}`, SECRET);
    const responseUrl = slack.responseUrl("abuse");
    await valid(poster, responseUrl, 200); // warm-up
    const before = await valid(poster, responseUrl, 500);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const flood = spawn(
      process.execPath,
      ["-e", FLOOD_CLIENT, String(app.port), String(FLOOD), String(BODY_BYTES)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let floodOut = "";
    flood.stdout.on("data", (d: Buffer) => {
      floodOut += d.toString();
    });
    const floodDone = new Promise((resolve) => flood.once("exit", resolve));
    const during = await valid(poster, responseUrl, 500);
    await floodDone;
    clearInterval(sampler);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    console.log(
      `Slack HTTP mode, ${FLOOD} concurrent unsigned ${BODY_BYTES / 1024 / 1024} MB bodies (other process) while signed slash commands keep coming, concurrency 10:`,
    );
    console.log(`flood answers: ${floodOut.trim()} (413 from the Content-Length, body never read)`);
    console.log(
      `RSS before ${mb(rssBefore)} MB, peak during the flood ${mb(peak)} MB: +${mb(peak - rssBefore)} MB`,
    );
    console.log(figures("valid requests, no flood", before));
    console.log(figures("valid requests, during the flood", during));
  } finally {
    await app.stop();
    await slack.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await benchAbuse();
}
