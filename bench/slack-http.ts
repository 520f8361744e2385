/**
 * Slack HTTP mode against a bare Bolt app, same run, same concurrency, each
 * server in its own process: Incident Desk as `npm start` runs it (src/main.ts:
 * signature check, de-duplication, rate limits, dispatch, answer engine, Block
 * Kit renderer, unanswered record, logging at the default level `info`) and a
 * bare Bolt app on its own HTTPReceiver acking a fixed text. Two question
 * mixes: the usual commands asked again and again (the answer cache serves
 * repeats) and every question new (nothing from the cache).
 * Run alone with `npm run bench -- slack-http`.
 */
import { fileURLToPath } from "node:url";
import { startSlackStandIn } from "../test/fakes/slack/stand-in.ts";
import { MAIN, startChildServer } from "../test/support/child-server.ts";
import { compare, line, verdict } from "./support/compare.ts";
import { newQuestions, REPEATED, SLACK_SECRET, slackRequests } from "./support/requests.ts";

export const BARE_BOLT = fileURLToPath(new URL("./servers/bare-bolt.ts", import.meta.url));
const REQUESTS = 2000;
const ROUNDS = 4;
const CONCURRENCY = 50;

export async function benchSlackHttp(): Promise<void> {
  const slack = await startSlackStandIn();
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_SALT: "bench-salt",
  };
  // BENCH_CPU_PROF=dir profiles both servers, into dir/ours and dir/bare (see bench/cpu-profile.ts).
  const profile = process.env.BENCH_CPU_PROF;
  const profiled = (who: string) =>
    profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}/${who}`] : [];
  const ours = await startChildServer(MAIN, env, {
    nodeArgs: profiled("ours"),
    // Its log is read (as a shipper would), not split into lines here: the generator stays lean.
    keepLog: false,
  });
  const bare = await startChildServer(
    BARE_BOLT,
    { SLACK_SIGNING_SECRET: SLACK_SECRET },
    { nodeArgs: profiled("bare") },
  );
  try {
    const bareContender = {
      label: "bare Bolt (fixed ack text)",
      urls: [bare.url],
      cpuSeconds: bare.cpuSeconds,
      prepare: (n: number) => slackRequests(n, REPEATED, slack.responseUrl),
    };
    // Warm-up, not reported: JIT, connections, the engine's first answers.
    await compare(
      { ...bareContender, label: "warm-up", urls: [ours.url], cpuSeconds: ours.cpuSeconds },
      bareContender,
      {
        requests: 1000,
        rounds: 1,
        concurrency: CONCURRENCY,
      },
    );
    const fresh = newQuestions(REQUESTS);
    let taken = 0;
    const mixes = [
      {
        name: "repeated questions (answer cache warm)",
        prepare: (n: number) => slackRequests(n, REPEATED, slack.responseUrl),
      },
      {
        name: "new questions, every one (no answer from the cache)",
        prepare: (n: number) => {
          const mix = fresh.slice(taken, taken + n);
          taken += n;
          return slackRequests(n, mix, slack.responseUrl);
        },
      },
    ];
    console.log(
      `Slack HTTP mode: ${REQUESTS} signed slash commands each, ${ROUNDS} alternating rounds, concurrency ${CONCURRENCY}, each server in its own process:`,
    );
    // BENCH_MIX=repeated (or new) runs one mix only, e.g. to profile it alone.
    const only = process.env.BENCH_MIX;
    for (const mix of mixes.filter((m) => !only || m.name.startsWith(only))) {
      const result = await compare(
        {
          label: "incident-desk (npm start, LOG_LEVEL=info)",
          urls: [ours.url],
          cpuSeconds: ours.cpuSeconds,
          prepare: mix.prepare,
        },
        bareContender,
        { requests: REQUESTS, rounds: ROUNDS, concurrency: CONCURRENCY },
      );
      console.log(` ${mix.name}:`);
      console.log(line(result.ours));
      console.log(line(result.bare));
      console.log(
        `  throughput ${verdict(result.throughputRatio, 0.9, true)}, p99 ${verdict(result.p99Ratio, 1.5, false)}`,
      );
    }
    if (slack.responses.length > 0)
      console.log(`  (${slack.responses.length} answers missed the ack and went to response_url)`);
  } finally {
    await Promise.all([ours.stop(), bare.stop()]);
    await slack.close();
  }
}
