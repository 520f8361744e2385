/**
 * Discord round trip on loopback: the real bot (discord.js + dispatch + answer
 * engine + renderer) against the loopback Discord, timed from the moment an
 * INTERACTION_CREATE is written to the gateway socket until the bot's
 * callback POST has arrived. Bot and stand-in share one process, so the
 * figures include both sides' work. Run alone with `tsx bench/discord.ts`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { startHarness } from "../test/fakes/discord/harness.ts";

const QUESTIONS = [
  "why was ByteDance suspended?",
  "what is Project Seed?",
  "when did OpenAI suspend ByteDance?",
  "what did OpenAI say?",
  "can I use GPT output to train my own model?",
  "who is involved?",
  "what did ByteDance say?",
  "is Microsoft involved?",
];

const WARMUP = 50;
const SEQUENTIAL = 1000;
const CONCURRENT = 1000;
const IN_FLIGHT = 25;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function summary(label: string, samples: number[], elapsedMs: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const rate = (samples.length / elapsedMs) * 1000;
  return `${label}: n=${samples.length} median ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, ${rate.toFixed(0)} interactions/s`;
}

export async function benchDiscord(): Promise<void> {
  const h = await startHarness();
  try {
    let i = 0;
    const roundTrip = async (): Promise<number> => {
      const question = QUESTIONS[i++ % QUESTIONS.length] as string;
      const sentAt = performance.now();
      const interaction = h.fake.sendCommand("ask", { question });
      await h.fake.callbackFor(interaction, 10_000);
      const callback = h.fake.callbacks.get(interaction.id);
      return (callback?.at ?? performance.now()) - sentAt;
    };

    for (let w = 0; w < WARMUP; w++) await roundTrip();

    const sequential: number[] = [];
    let started = performance.now();
    for (let n = 0; n < SEQUENTIAL; n++) sequential.push(await roundTrip());
    console.log(
      summary("discord /ask round trip, one at a time", sequential, performance.now() - started),
    );

    const concurrent: number[] = [];
    let next = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next++ < CONCURRENT) concurrent.push(await roundTrip());
      }),
    );
    console.log(
      summary(
        `discord /ask round trip, ${IN_FLIGHT} in flight`,
        concurrent,
        performance.now() - started,
      ),
    );
  } finally {
    await h.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchDiscord();
}
