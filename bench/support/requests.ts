/**
 * Prepared, signed requests for the HTTP benchmarks (signing is done before
 * the clock starts). Each request comes from its own user in one of 200
 * channels, as in a busy workspace, so the real per-user limits stay out of
 * the way and the per-channel ones mostly do. Two question
 * mixes: the usual commands, repeated (what the answer cache is for), and
 * every question new (the dev and holdout eval questions under varied
 * lead-ins, so none is ever answered from the cache).
 */
import { readFileSync } from "node:fs";
import type { InteractionSigner } from "../../test/fakes/discord/interaction-signer.ts";
import { chatInputInteraction, type FakeIds } from "../../test/fakes/discord/payloads.ts";
import { slashCommandBody } from "../../test/fakes/slack/payloads.ts";
import { signedHeaders } from "../../test/fakes/slack/signer.ts";
import type { PreparedRequest } from "./http-load.ts";

export const SLACK_SECRET = "bench-signing-secret";

/** The benchmark's usual mix: answers, topics, sources and help, asked again and again. */
export const REPEATED: [string, string][] = [
  ["/ask", "why was ByteDance suspended?"],
  ["/ask", "what is Project Seed?"],
  ["/ask", "can I use GPT output to train my own model?"],
  ["/incident", "timeline"],
  ["/incident", "statement"],
  ["/policy", "rule"],
  ["/sources", ""],
  ["/help", ""],
];

const LEAD_INS = ["", "so ", "ok, ", "quick question: ", "hey, ", "I wonder ", "please tell me "];

/** `count` distinct /ask questions (dev and holdout eval sets; never the blind set). */
export function newQuestions(count: number): [string, string][] {
  const read = (name: string) =>
    (
      JSON.parse(
        readFileSync(new URL(`../../test/eval/${name}.json`, import.meta.url), "utf8"),
      ) as { q: string }[]
    ).map((item) => item.q);
  const pool = [...read("questions"), ...read("holdout")];
  const out: [string, string][] = [];
  for (const lead of LEAD_INS)
    for (const q of pool) if (out.length < count) out.push(["/ask", `${lead}${q}`]);
  if (out.length < count) throw new Error(`only ${out.length} distinct questions for ${count}`);
  return out;
}

let serial = 0;

/** Signed slash commands, one user each, spread over 200 channels. */
export function slackRequests(
  count: number,
  mix: [string, string][],
  responseUrl: (id: string) => string,
): PreparedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const n = serial++;
    const [command, text] = mix[i % mix.length] as [string, string];
    const body = slashCommandBody({
      command,
      text,
      responseUrl: responseUrl(`bench-${n}`),
      userId: `U${n}`,
      channelId: `C${n % 200}`,
    });
    return {
      path: "/slack/events",
      headers: signedHeaders(SLACK_SECRET, body, "application/x-www-form-urlencoded"),
      body,
    };
  });
}

const QUESTIONS = REPEATED.filter(([c]) => c === "/ask").map(([, q]) => q);

/** Signed /ask interactions, one user each, spread over 200 channels (as the Slack requests are). */
export function discordRequests(
  count: number,
  signer: InteractionSigner,
  ids: FakeIds,
): PreparedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const n = serial++;
    const payload = chatInputInteraction(
      {
        ids: {
          ...ids,
          userId: String(3_000_000_000_000_000n + BigInt(n)),
          channelId: String(4_000_000_000_000_000n + BigInt(n % 200)),
        },
      },
      "ask",
      { question: QUESTIONS[i % QUESTIONS.length] as string },
    );
    const body = JSON.stringify(payload);
    return { path: "/discord/interactions", headers: signer.headers(body), body };
  });
}
