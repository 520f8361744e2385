/**
 * Several instances, one truth: the same Slack load (signed slash commands,
 * one user each, concurrency 100) on one Incident Desk instance, then spread
 * round-robin over two instances sharing one redis-server, as a load balancer
 * would. Also prints the CPU the load generator itself used, since on a small
 * machine it competes with the instances for cores.
 * Run alone with `npm run bench -- instances`.
 */
import { availableParallelism } from "node:os";
import { startSlackStandIn } from "../test/fakes/slack/stand-in.ts";
import { type ChildServer, MAIN, startChildServer } from "../test/support/child-server.ts";
import { startTestRedis } from "../test/support/redis-server.ts";
import { percentile } from "./stats.ts";
import { runLoad } from "./support/http-load.ts";
import { REPEATED, SLACK_SECRET, slackRequests } from "./support/requests.ts";

const REQUESTS = 4000;
const CONCURRENCY = 100;

export async function benchInstances(): Promise<void> {
  const redis = await startTestRedis();
  const slack = await startSlackStandIn();
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redis.url,
    LOG_SALT: "bench-salt",
  };
  const servers: ChildServer[] = [];
  try {
    servers.push(
      ...(await Promise.all([startChildServer(MAIN, env), startChildServer(MAIN, env)])),
    );
    const urls = servers.map((s) => s.url);
    const prepare = (n: number) => slackRequests(n, REPEATED, slack.responseUrl);
    await runLoad(urls, prepare(600), CONCURRENCY); // warm-up, both instances
    console.log(
      `Slack HTTP, ${REQUESTS} signed slash commands at concurrency ${CONCURRENCY}, state in one redis-server, ${availableParallelism()} CPUs for everything:`,
    );
    const rates: number[] = [];
    for (const [label, targets] of [
      ["one instance", urls.slice(0, 1)],
      ["two instances (round-robin)", urls],
    ] as const) {
      const cpu = process.cpuUsage();
      const run = await runLoad(targets, prepare(REQUESTS), CONCURRENCY);
      const used = process.cpuUsage(cpu);
      const rate = (REQUESTS / run.elapsedMs) * 1000;
      rates.push(rate);
      const generatorCores = (used.user + used.system) / 1000 / run.elapsedMs;
      console.log(
        `  ${label.padEnd(28)} ${rate.toFixed(0).padStart(6)} req/s  p50 ${percentile(run.latenciesMs, 50).toFixed(1)} ms  p99 ${percentile(run.latenciesMs, 99).toFixed(1)} ms  load generator ${generatorCores.toFixed(2)} cores${(run.statuses.get(200) ?? 0) === REQUESTS ? "" : "  (some not 200)"}`,
      );
    }
    const ratio = (rates[1] ?? Number.NaN) / (rates[0] ?? Number.NaN);
    console.log(`  two / one: x${ratio.toFixed(2)} (target >= 1.6 where cores allow)`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await slack.close();
    await redis.stop();
  }
}
