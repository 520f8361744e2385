/**
 * Load on loopback, the same two loads as the load tests with bigger counts:
 * signed Slack slash commands through the real Bolt app in HTTP mode
 * (concurrency 100), and Discord interactions in bursts through the loopback
 * gateway. Both use the dispatcher as main builds it (default rate limits,
 * unanswered record in memory), each request from its own user. Prints
 * throughput, p50/p99 latency and peak memory (RSS and heap, sampled every
 * 50 ms). Bot and stand-ins share one process, so the figures include both
 * sides' work. Run alone with `tsx bench/load.ts`.
 */
import { pathToFileURL } from "node:url";
import { buildDispatcher } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import { silentLogger } from "../src/core/logger.ts";
import { type LoadResult, runDiscordLoad, runSlackLoad } from "../test/fakes/load.ts";
import { percentile } from "./stats.ts";

const SLACK_REQUESTS = 5000;
const SLACK_CONCURRENCY = 100;
const DISCORD_BURSTS = 50;
const DISCORD_BURST_SIZE = 100;

interface Peak {
  rssMb: number;
  heapMb: number;
}

/** Runs `work` while sampling memory every 50 ms; returns its result and the peaks. */
async function withMemoryPeak<T>(work: () => Promise<T>): Promise<[T, Peak]> {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    return [result, { rssMb: peak.rss / 2 ** 20, heapMb: peak.heap / 2 ** 20 }];
  } finally {
    clearInterval(timer);
  }
}

function report(label: string, r: LoadResult, peak: Peak): string {
  const rate = (r.sent / r.elapsedMs) * 1000;
  const problems = r.sent - r.answeredOnce + r.errors + r.refused;
  return [
    `${label}: n=${r.sent} ${rate.toFixed(0)} req/s`,
    `p50 ${percentile(r.latenciesMs, 50).toFixed(1)} ms`,
    `p99 ${percentile(r.latenciesMs, 99).toFixed(1)} ms`,
    `peak RSS ${peak.rssMb.toFixed(0)} MB, heap ${peak.heapMb.toFixed(0)} MB`,
    problems === 0
      ? "all answered once"
      : `PROBLEMS lost ${r.lost} duplicated ${r.duplicated} errors ${r.errors} refused ${r.refused}`,
  ].join(", ");
}

export async function benchLoad(): Promise<void> {
  const built = await buildDispatcher(loadConfig({ UNANSWERED_DB: ":memory:" }), silentLogger);
  try {
    // Warm-up, not reported: the first requests pay for JIT compilation and connection set-up.
    await runSlackLoad({
      requests: 300,
      concurrency: SLACK_CONCURRENCY,
      dispatcher: built.dispatcher,
    });
    await runDiscordLoad({ bursts: 3, burstSize: 100, dispatcher: built.dispatcher });
    console.log("Load on loopback (dispatcher as main builds it; one user per request):");
    const [slack, slackPeak] = await withMemoryPeak(() =>
      runSlackLoad({
        requests: SLACK_REQUESTS,
        concurrency: SLACK_CONCURRENCY,
        dispatcher: built.dispatcher,
      }),
    );
    console.log(
      report(
        `slack HTTP, signed slash commands, concurrency ${SLACK_CONCURRENCY}`,
        slack,
        slackPeak,
      ),
    );
    const [discord, discordPeak] = await withMemoryPeak(() =>
      runDiscordLoad({
        bursts: DISCORD_BURSTS,
        burstSize: DISCORD_BURST_SIZE,
        dispatcher: built.dispatcher,
      }),
    );
    console.log(
      report(
        `discord, ${DISCORD_BURSTS} bursts of ${DISCORD_BURST_SIZE} interactions`,
        discord,
        discordPeak,
      ),
    );
  } finally {
    await built.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchLoad();
}
