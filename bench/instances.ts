/**
 * Several instances, one truth: the same Slack load (signed slash commands,
 * one user each, concurrency 100) on one Incident Desk instance, then spread
 * round-robin over two instances sharing one redis-server, as a load balancer
 * would. Two instances can only be faster if there are idle cores for them,
 * so it also prints where the CPU went per request (each instance, Redis, and
 * this process: load generator plus Slack stand-in), the machine's load
 * average, and the ceiling those figures allow on this machine's cores.
 * Run alone with `npm run bench -- instances`.
 */
import { availableParallelism, loadavg } from "node:os";
import { startSlackStandIn } from "../test/fakes/slack/stand-in.ts";
import {
  type ChildServer,
  MAIN,
  processCpuSeconds,
  startChildServer,
} from "../test/support/child-server.ts";
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
      ...(await Promise.all([
        startChildServer(MAIN, env, { keepLog: false }),
        startChildServer(MAIN, env, { keepLog: false }),
      ])),
    );
    const urls = servers.map((s) => s.url);
    const redisPid = redis.pid() as number;
    const prepare = (n: number) => slackRequests(n, REPEATED, slack.responseUrl);
    await runLoad(urls, prepare(600), CONCURRENCY); // warm-up, both instances
    const cores = availableParallelism();
    console.log(
      `Slack HTTP, ${REQUESTS} signed slash commands at concurrency ${CONCURRENCY}, state in one redis-server; ${cores} CPUs for everything, load average ${loadavg()[0]?.toFixed(1)} at start:`,
    );
    const rates: number[] = [];
    for (const [label, targets] of [
      ["one instance", servers.slice(0, 1)],
      ["two instances (round-robin)", servers],
    ] as const) {
      const before = {
        bots: servers.map((s) => s.cpuSeconds()),
        redis: processCpuSeconds(redisPid),
        self: process.cpuUsage(),
      };
      const run = await runLoad(
        targets.map((s) => s.url),
        prepare(REQUESTS),
        CONCURRENCY,
      );
      const perRequestMs = (seconds: number) => ((seconds * 1000) / REQUESTS).toFixed(2);
      const bots = servers.reduce((sum, s, i) => sum + s.cpuSeconds() - (before.bots[i] ?? 0), 0);
      const redisCpu = processCpuSeconds(redisPid) - before.redis;
      const self = process.cpuUsage(before.self);
      const selfCpu = (self.user + self.system) / 1e6;
      const rate = (REQUESTS / run.elapsedMs) * 1000;
      rates.push(rate);
      const ok = (run.statuses.get(200) ?? 0) === REQUESTS ? "" : "  (some not 200)";
      console.log(
        `  ${label.padEnd(28)} ${rate.toFixed(0).padStart(6)} req/s  p50 ${percentile(run.latenciesMs, 50).toFixed(1)} ms  p99 ${percentile(run.latenciesMs, 99).toFixed(1)} ms${ok}`,
      );
      const total = bots + redisCpu + selfCpu;
      console.log(
        `    CPU per request: bot ${perRequestMs(bots)} ms, redis ${perRequestMs(redisCpu)} ms, load generator + stand-in ${perRequestMs(selfCpu)} ms; ${(total / (run.elapsedMs / 1000)).toFixed(2)} of ${cores} cores busy with this run`,
      );
      if (targets.length === 2) {
        // On an otherwise idle machine: one instance can use one core; all the work together
        // (instances, Redis, load generator) can use every core.
        const botMs = (bots * 1000) / REQUESTS;
        const totalMs = (total * 1000) / REQUESTS;
        const ceiling = (instances: number) =>
          Math.min((Math.min(instances, cores) * 1000) / botMs, (cores * 1000) / totalMs);
        console.log(
          `    ceilings on ${cores} idle cores at this CPU per request: one instance ${ceiling(1).toFixed(0)} req/s, two ${ceiling(2).toFixed(0)} req/s: at most x${(ceiling(2) / ceiling(1)).toFixed(2)}`,
        );
      }
    }
    const ratio = (rates[1] ?? Number.NaN) / (rates[0] ?? Number.NaN);
    console.log(
      `  two / one: x${ratio.toFixed(2)} (target >= 1.6 when the load generator is not the bottleneck and the cores are free)`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await slack.close();
    await redis.stop();
  }
}
