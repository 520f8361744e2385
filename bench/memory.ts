/**
 * Peak memory under load: 5,000 signed Slack slash commands at concurrency
 * 100 to a fresh Incident Desk process (as `npm start` runs it) and to a fresh
 * bare Bolt app, one after the other. Peak RSS is each process's high-water
 * mark (VmHWM), from start-up to the end of the load, so nothing is missed
 * between samples. Run alone with `npm run bench -- memory`.
 */
import { startSlackStandIn } from "../test/fakes/slack/stand-in.ts";
import { MAIN, startChildServer } from "../test/support/child-server.ts";
import { BARE_BOLT } from "./slack-http.ts";
import { runLoad } from "./support/http-load.ts";
import { REPEATED, SLACK_SECRET, slackRequests } from "./support/requests.ts";

const REQUESTS = 5000;
const CONCURRENCY = 100;

export async function benchMemory(): Promise<void> {
  const slack = await startSlackStandIn();
  const servers = [
    {
      label: "incident-desk (npm start)",
      start: () =>
        startChildServer(MAIN, {
          SLACK_BOT_TOKEN: "xoxb-bench",
          SLACK_SIGNING_SECRET: SLACK_SECRET,
          SLACK_API_URL: slack.apiUrl,
          LOG_SALT: "bench-salt",
        }),
    },
    {
      label: "bare Bolt (fixed ack text)",
      start: () => startChildServer(BARE_BOLT, { SLACK_SIGNING_SECRET: SLACK_SECRET }),
    },
  ];
  console.log(
    `Peak RSS (VmHWM), fresh process, ${REQUESTS} signed slash commands at concurrency ${CONCURRENCY}:`,
  );
  const peaks: number[] = [];
  try {
    for (const s of servers) {
      const server = await s.start();
      try {
        const idle = server.peakRssMb();
        const run = await runLoad(
          [server.url],
          slackRequests(REQUESTS, REPEATED, slack.responseUrl),
          CONCURRENCY,
        );
        const peak = server.peakRssMb();
        peaks.push(peak);
        const ok = run.statuses.get(200) ?? 0;
        console.log(
          `  ${s.label.padEnd(30)} after start ${idle.toFixed(0).padStart(4)} MB, peak ${peak.toFixed(0).padStart(4)} MB${ok === REQUESTS ? "" : `  (${REQUESTS - ok} not 200)`}`,
        );
      } finally {
        await server.stop();
      }
    }
    const ratio = (peaks[0] ?? Number.NaN) / (peaks[1] ?? Number.NaN);
    console.log(
      `  ratio x${ratio.toFixed(2)} (target <= 1.3: ${ratio <= 1.3 ? "met" : "NOT met"})`,
    );
  } finally {
    await slack.close();
  }
}
