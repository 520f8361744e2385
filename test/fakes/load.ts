/**
 * Load drivers shared by the load tests and `bench/load.ts`: many signed
 * Slack slash commands at a fixed concurrency, and many Discord interactions
 * in bursts through the loopback gateway. Each request comes from its own
 * user (and one of many channels), as in a busy workspace, so the real
 * per-user and per-channel limits stay out of the way. They count what was
 * answered how often, so a caller can assert "every one answered once".
 */
import { performance } from "node:perf_hooks";
import type { Dispatcher } from "../../src/core/dispatch.ts";
import { type Logger, silentLogger } from "../../src/core/logger.ts";
import { startDiscord } from "../../src/platforms/discord/index.ts";
import { startSlack } from "../../src/platforms/slack/index.ts";
import { type InteractionCallback, startFakeDiscord } from "./discord/fake-discord.ts";
import { nextId } from "./discord/payloads.ts";
import { SignedPoster } from "./slack/http-client.ts";
import { slashCommandBody } from "./slack/payloads.ts";
import { startSlackStandIn } from "./slack/stand-in.ts";
import { waitFor } from "./slack/wait-for.ts";

/** The titles of an error reply and a rate-limit reply: neither may appear under load. */
const REFUSED = /Something went wrong|Slow down/;

/** Channels the load is spread over: few enough to share, many enough for the channel limit. */
const CHANNELS = 200;

const SLACK_COMMANDS: [string, string][] = [
  ["/ask", "why was ByteDance suspended?"],
  ["/ask", "what is Project Seed?"],
  ["/ask", "can I use GPT output to train my own model?"],
  ["/incident", "timeline"],
  ["/policy", "rule"],
  ["/sources", ""],
  ["/help", ""],
];

const DISCORD_QUESTIONS = [
  "why was ByteDance suspended?",
  "what is Project Seed?",
  "when did OpenAI suspend ByteDance?",
  "can I use GPT output to train my own model?",
  "what did ByteDance say?",
];

export interface LoadResult {
  sent: number;
  /** Requests answered exactly once. */
  answeredOnce: number;
  /** Requests never answered. */
  lost: number;
  /** Requests answered more than once. */
  duplicated: number;
  /** Requests that got an error status (HTTP status >= 400 or a failed call). */
  errors: number;
  /** Answers that were an error or rate-limit reply instead of an answer. */
  refused: number;
  /** Send -> answer, in ms, one per answered request. */
  latenciesMs: number[];
  elapsedMs: number;
}

export interface SlackLoadOptions {
  requests: number;
  concurrency: number;
  dispatcher: Dispatcher;
  logger?: Logger;
  /** How long to wait for answers that went to response_url; default 10 s. */
  settleMs?: number;
}

/** Signed slash commands through the real Bolt app in HTTP mode (startSlack). */
export async function runSlackLoad(opts: SlackLoadOptions): Promise<LoadResult> {
  const secret = "load-signing-secret";
  const slack = await startSlackStandIn();
  const app = await startSlack(
    { botToken: "xoxb-load-token", mode: "http", signingSecret: secret, apiUrl: slack.apiUrl },
    opts.dispatcher,
    opts.logger ?? silentLogger,
    { port: 0, host: "127.0.0.1" },
  );
  try {
    const poster = new SignedPoster(`http://127.0.0.1:${app.port}`, secret);
    const inAck = new Array<number>(opts.requests).fill(0);
    const latenciesMs: number[] = [];
    let errors = 0;
    let refused = 0;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < opts.requests) {
        const i = next++;
        const [command, text] = SLACK_COMMANDS[i % SLACK_COMMANDS.length] as [string, string];
        const body = slashCommandBody({
          command,
          text,
          responseUrl: slack.responseUrl(`load-${i}`),
          userId: `U${i}`,
          channelId: `C${i % CHANNELS}`,
        });
        const t0 = performance.now();
        try {
          const res = await poster.form(body);
          if (res.status >= 400) errors++;
          const answer = res.body as { blocks?: unknown[]; text?: string } | string;
          if (typeof answer === "object" && answer && Array.isArray(answer.blocks)) {
            inAck[i] = 1;
            latenciesMs.push(performance.now() - t0);
            if (REFUSED.test(answer.text ?? "")) refused++;
          }
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const elapsedMs = performance.now() - started;

    // Answers that missed the ack budget arrive on response_url; wait for them.
    const counts = () => {
      const n = [...inAck];
      for (const r of slack.responses) {
        const i = Number(r.id.replace(/^load-/, ""));
        if (Number.isInteger(i) && i < n.length) n[i] = (n[i] ?? 0) + 1;
      }
      return n;
    };
    await waitFor(
      () => counts().every((c) => c > 0),
      opts.settleMs ?? 10_000,
      "every answer",
    ).catch(() => undefined);
    const final = counts();
    refused += slack.responses.filter((r) => REFUSED.test(String(r.body.text ?? ""))).length;
    return {
      sent: opts.requests,
      answeredOnce: final.filter((c) => c === 1).length,
      lost: final.filter((c) => c === 0).length,
      duplicated: final.filter((c) => c > 1).length,
      errors,
      refused,
      latenciesMs,
      elapsedMs,
    };
  } finally {
    await app.stop();
    await slack.close();
  }
}

export interface DiscordLoadOptions {
  bursts: number;
  burstSize: number;
  dispatcher: Dispatcher;
  logger?: Logger;
  /** How long one burst may take to be answered; default 15 s. */
  burstTimeoutMs?: number;
}

/** INTERACTION_CREATE bursts through the loopback gateway to the real bot (startDiscord). */
export async function runDiscordLoad(opts: DiscordLoadOptions): Promise<LoadResult> {
  const fake = await startFakeDiscord();
  const bot = await startDiscord(
    { token: fake.token, applicationId: fake.ids.applicationId, apiUrl: fake.apiUrl },
    opts.dispatcher,
    opts.logger ?? silentLogger,
  ).catch(async (err) => {
    await fake.close();
    throw err;
  });
  try {
    const sent: { id: string; at: number }[] = [];
    const started = performance.now();
    for (let b = 0; b < opts.bursts; b++) {
      const burst: string[] = [];
      for (let k = 0; k < opts.burstSize; k++) {
        const i = sent.length;
        const question = DISCORD_QUESTIONS[i % DISCORD_QUESTIONS.length] as string;
        const at = performance.now();
        const interaction = fake.sendCommandAs(
          { userId: nextId(), channelId: String(9_000_000_000_000_000n + BigInt(i % CHANNELS)) },
          "ask",
          { question },
        );
        sent.push({ id: interaction.id, at });
        burst.push(interaction.id);
      }
      // The next burst goes out once this one is answered (or has timed out).
      await fake
        .waitFor(
          () => burst.every((id) => fake.callbacks.has(id)),
          opts.burstTimeoutMs ?? 15_000,
          `burst ${b}`,
        )
        .catch(() => undefined);
    }
    const elapsedMs = performance.now() - started;

    const posts = new Map<string, { n: number; failed: boolean }>();
    for (const r of fake.requests) {
      const match = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
      if (!match?.[1] || r.method !== "POST") continue;
      const entry = posts.get(match[1]) ?? { n: 0, failed: false };
      entry.n += 1;
      if (r.status >= 400 || r.status === 0) entry.failed = true;
      posts.set(match[1], entry);
    }
    const latenciesMs: number[] = [];
    let answeredOnce = 0;
    let lost = 0;
    let duplicated = 0;
    let errors = 0;
    let refused = 0;
    for (const { id, at } of sent) {
      const entry = posts.get(id);
      const callback = fake.callbacks.get(id);
      if (!entry || !callback) lost++;
      else if (entry.n === 1) answeredOnce++;
      else duplicated++;
      if (entry?.failed) errors++;
      const embed = (callback?.body as InteractionCallback | undefined)?.data?.embeds?.[0];
      if (REFUSED.test(embed?.title ?? "")) refused++;
      if (callback) latenciesMs.push(callback.at - at);
    }
    return {
      sent: sent.length,
      answeredOnce,
      lost,
      duplicated,
      errors,
      refused,
      latenciesMs,
      elapsedMs,
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}
