/**
 * Answer-engine figures: time per question (median, p99), questions per
 * second over at least 5,000 questions, and start-up time to the first answer.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { getEngine } from "../src/answer/index.ts";
import { percentile } from "./stats.ts";

const ROUNDS_MIN = 5000;

function questionPool(): string[] {
  const items = JSON.parse(readFileSync("test/eval/questions.json", "utf8")) as { q: string }[];
  return items.map((i) => i.q);
}

/** A fresh process that loads the fact base, builds the index and answers once. */
function startupToFirstAnswerMs(): number {
  const script =
    'const t0 = performance.now(); const { getEngine } = await import("./src/answer/index.ts"); getEngine().answer("why was bytedance suspended"); process.stdout.write(String(performance.now() - t0));';
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      encoding: "utf8",
    },
  );
  return Number(out);
}

/** Times one pass of `ask` over the pool, ROUNDS_MIN questions at least. */
function timeAll(
  pool: string[],
  ask: (q: string) => unknown,
): { times: number[]; totalMs: number } {
  const times: number[] = [];
  const rounds = Math.ceil(ROUNDS_MIN / pool.length);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of pool) {
      const t0 = performance.now();
      ask(q);
      times.push(performance.now() - t0);
    }
  }
  return { times, totalMs: performance.now() - started };
}

function report(label: string, { times, totalMs }: { times: number[]; totalMs: number }): void {
  console.log(`  ${label}`);
  console.log(`    median:           ${percentile(times, 50).toFixed(3)} ms/question`);
  console.log(`    p99:              ${percentile(times, 99).toFixed(3)} ms/question`);
  console.log(`    max:              ${Math.max(...times).toFixed(3)} ms/question`);
  console.log(
    `    throughput:       ${Math.round(times.length / (totalMs / 1000))} questions/s (one core)`,
  );
}

export async function benchEngine(): Promise<void> {
  const pool = questionPool();
  const engine = getEngine();
  for (const q of pool) engine.explain(q); // warm-up: JIT

  // explain() always computes; answer() serves repeated questions from the answer cache.
  const computed = timeAll(pool, (q) => engine.explain(q));
  const cached = timeAll(pool, (q) => engine.answer(q));
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const rssMb = process.memoryUsage().rss / 1024 / 1024;

  console.log("Answer engine");
  console.log(`  questions:          ${computed.times.length} per pass (${pool.length} distinct)`);
  report("every question computed (features, ranker, acceptor, composition):", computed);
  report("repeated questions from the answer cache:", cached);
  console.log(`  heap after run:     ${heapMb.toFixed(1)} MiB; RSS ${rssMb.toFixed(1)} MiB`);
  console.log(
    `  start-up to first answer (fresh process, module load + index + answer): ${startupToFirstAnswerMs().toFixed(1)} ms`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEngine();
