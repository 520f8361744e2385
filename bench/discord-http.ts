/**
 * Discord HTTP interactions against a bare endpoint, same run, same
 * concurrency, each server in its own process: Incident Desk as `npm start`
 * runs it with DISCORD_PUBLIC_KEY (signature check, dispatch, answer engine,
 * embed renderer, logging at `info`) and a bare node:http server that checks
 * the same Ed25519 signature and returns a fixed reply. Every interaction must
 * be answered once (type 4 in the response, or type 5 and then a webhook edit).
 * Run alone with `npm run bench -- discord-http`.
 */
import { fileURLToPath } from "node:url";
import { startFakeDiscord } from "../test/fakes/discord/fake-discord.ts";
import { InteractionSigner } from "../test/fakes/discord/interaction-signer.ts";
import { type ChildServer, MAIN, startChildServer } from "../test/support/child-server.ts";
import { compare, line, verdict } from "./support/compare.ts";
import type { LoadRun } from "./support/http-load.ts";
import { discordRequests } from "./support/requests.ts";

const BARE_ED25519 = fileURLToPath(new URL("./servers/bare-ed25519.ts", import.meta.url));
const REQUESTS = 2000;
const ROUNDS = 4;
const CONCURRENCY = 100;

/** Interactions not answered in the response; deferred ones are counted by their edits. */
function notAnswered(run: LoadRun): number {
  return run.bodies.filter((b) => {
    try {
      const type = (JSON.parse(b) as { type?: number }).type;
      return type !== 4 && type !== 5;
    } catch {
      return true;
    }
  }).length;
}

export async function benchDiscordHttp(): Promise<void> {
  const discord = await startFakeDiscord();
  const signer = new InteractionSigner();
  const env = {
    DISCORD_PUBLIC_KEY: signer.publicKey,
    DISCORD_APPLICATION_ID: discord.ids.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    LOG_SALT: "bench-salt",
  };
  // BENCH_CPU_PROF=dir profiles both servers, into dir/ours and dir/bare (see bench/cpu-profile.ts).
  const profile = process.env.BENCH_CPU_PROF;
  const profiled = (who: string) =>
    profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}/${who}`] : [];
  const ours = await startChildServer(MAIN, env, { keepLog: false, nodeArgs: profiled("ours") });
  const bare = await startChildServer(
    BARE_ED25519,
    { DISCORD_PUBLIC_KEY: signer.publicKey },
    { nodeArgs: profiled("bare") },
  );
  try {
    const prepare = (n: number) => discordRequests(n, signer, discord.ids);
    const contender = (label: string, server: ChildServer) => ({
      label,
      urls: [server.url],
      cpuSeconds: server.cpuSeconds,
      prepare,
      check: notAnswered,
    });
    const oursC = contender("incident-desk (npm start, LOG_LEVEL=info)", ours);
    const bareC = contender("bare node:http + Ed25519 (fixed reply)", bare);
    await compare(oursC, bareC, { requests: 1000, rounds: 1, concurrency: CONCURRENCY }); // warm-up
    const result = await compare(oursC, bareC, {
      requests: REQUESTS,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
    });
    console.log(
      `Discord HTTP interactions: ${REQUESTS} signed /ask each, ${ROUNDS} alternating rounds, concurrency ${CONCURRENCY}, each server in its own process:`,
    );
    console.log(line(result.ours));
    console.log(line(result.bare));
    const edits = discord.requests.filter((r) => r.method === "PATCH").length;
    console.log(
      `  throughput ${verdict(result.throughputRatio, 0.8, true)}, p99 x${result.p99Ratio.toFixed(2)}${edits ? `; ${edits} answers deferred and edited in` : ""}`,
    );
  } finally {
    await Promise.all([ours.stop(), bare.stop()]);
    await discord.close();
  }
}
