/**
 * `eval`: scores the answer engine on a question set (test/eval/*.json).
 * An "answer" item is correct when the bot answers and every `must` pattern
 * matches the answer text; an "abstain" item when the bot abstains.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type Answer, getEngine } from "../answer/index.ts";

const ItemSchema = z.object({
  q: z.string(),
  expect: z.enum(["answer", "abstain"]),
  must: z.array(z.string()).optional(),
  category: z.string(),
});
export type EvalItem = z.infer<typeof ItemSchema>;

export interface EvalReport {
  answerItems: number;
  answeredCorrectly: number;
  abstainItems: number;
  abstainedCorrectly: number;
  misses: { item: EvalItem; got: Answer }[];
}

export function loadEvalSet(path: string): EvalItem[] {
  return z.array(ItemSchema).parse(JSON.parse(readFileSync(path, "utf8")));
}

export function isCorrect(item: EvalItem, got: Answer): boolean {
  if (item.expect === "abstain") return !got.answered;
  return got.answered && (item.must ?? []).every((p) => new RegExp(p, "i").test(got.answer));
}

export function evaluate(items: EvalItem[], answer: (q: string) => Answer): EvalReport {
  const report: EvalReport = {
    answerItems: 0,
    answeredCorrectly: 0,
    abstainItems: 0,
    abstainedCorrectly: 0,
    misses: [],
  };
  for (const item of items) {
    const got = answer(item.q);
    const ok = isCorrect(item, got);
    if (item.expect === "answer") {
      report.answerItems++;
      if (ok) report.answeredCorrectly++;
    } else {
      report.abstainItems++;
      if (ok) report.abstainedCorrectly++;
    }
    if (!ok) report.misses.push({ item, got });
  }
  return report;
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : "n/a");

export async function runEvalCli(args: string[]): Promise<number> {
  const setIndex = args.indexOf("--set");
  const path = setIndex >= 0 ? (args[setIndex + 1] ?? "") : "test/eval/questions.json";
  const engine = getEngine();
  const report = evaluate(loadEvalSet(path), (q) => engine.answer(q));
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Question set: ${path}`);
  out(
    `Answered correctly: ${report.answeredCorrectly}/${report.answerItems} (${pct(report.answeredCorrectly, report.answerItems)}%)`,
  );
  out(
    `Abstained correctly: ${report.abstainedCorrectly}/${report.abstainItems} (${pct(report.abstainedCorrectly, report.abstainItems)}%)`,
  );
  if (report.misses.length) {
    out(`\nMisses (${report.misses.length}):`);
    for (const { item, got } of report.misses) {
      const what = got.answered
        ? `answered [${got.facts.join(", ")}] ${got.answer.slice(0, 140)}`
        : "abstained";
      out(
        `- [${item.category}] expected ${item.expect}: "${item.q}"\n    got ${what} (confidence ${got.confidence})`,
      );
    }
  }
  return 0;
}
