/**
 * `eval`: scores the answer engine on a question set (test/eval/*.json).
 * - answer: the bot answers, cites a source, stays within 600 characters,
 *   says every `must` and none of `mustNot`;
 * - abstain: the bot declines;
 * - honest: the bot declines, or says the sources are silent (and no `mustNot`).
 * Items with `after` are asked as the last turn of that conversation.
 */
import { existsSync, readFileSync } from "node:fs";
import { MAX_ANSWER_LENGTH } from "../answer/compose.ts";
import { type Answer, type AskOptions, getEngine } from "../answer/index.ts";
import { type Io, parseCommandLine, stdio } from "./args.ts";
import { type EvalItem, EvalSetSchema, SOURCES_SILENT } from "./eval-schema.ts";

export type { EvalItem } from "./eval-schema.ts";

export interface Tally {
  items: number;
  correct: number;
}

export interface EvalReport {
  answer: Tally;
  abstain: Tally;
  honest: Tally;
  misses: { item: EvalItem; got: Answer }[];
}

export type Asker = (question: string, opts: AskOptions) => { answer: Answer; topic: string };

export function loadEvalSet(path: string): EvalItem[] {
  if (!existsSync(path))
    throw new Error(`No question set at ${path}: check the path given to --set.`);
  return EvalSetSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

const matches = (patterns: readonly string[] | undefined, text: string) =>
  (patterns ?? []).every((p) => new RegExp(p, "i").test(text));
const saysNone = (patterns: readonly string[] | undefined, text: string) =>
  !(patterns ?? []).some((p) => new RegExp(p, "i").test(text));

export function isCorrect(item: EvalItem, got: Answer): boolean {
  if (item.expect === "abstain") return !got.answered;
  if (item.expect === "honest") {
    if (!got.answered) return true;
    return matches(item.must ?? [SOURCES_SILENT], got.answer) && saysNone(item.mustNot, got.answer);
  }
  return (
    got.answered &&
    got.citations.length > 0 &&
    got.answer.length <= MAX_ANSWER_LENGTH &&
    matches(item.must, got.answer) &&
    saysNone(item.mustNot, got.answer)
  );
}

/** Asks an item as a user would: its earlier turns first, each the context of the next. */
export function askItem(item: EvalItem, ask: Asker): Answer {
  let previous: AskOptions["previous"];
  for (const turn of item.after ?? []) {
    const got = ask(turn, { previous });
    if (got.answer.answered) previous = { question: got.topic, facts: got.answer.facts };
  }
  return ask(item.q, { previous }).answer;
}

export function evaluate(items: readonly EvalItem[], ask: Asker): EvalReport {
  const report: EvalReport = {
    answer: { items: 0, correct: 0 },
    abstain: { items: 0, correct: 0 },
    honest: { items: 0, correct: 0 },
    misses: [],
  };
  for (const item of items) {
    const got = askItem(item, ask);
    const ok = isCorrect(item, got);
    const tally = report[item.expect];
    tally.items++;
    if (ok) tally.correct++;
    else report.misses.push({ item, got });
  }
  return report;
}

const pct = (t: Tally) => (t.items ? ((100 * t.correct) / t.items).toFixed(1) : "n/a");

export function summary(report: EvalReport): string[] {
  const line = (label: string, t: Tally) => `${label}: ${t.correct}/${t.items} (${pct(t)}%)`;
  return [
    line("In scope, answered correctly", report.answer),
    line("Off-topic and adversarial, declined", report.abstain),
    ...(report.honest.items ? [line("Known unknowns, answered honestly", report.honest)] : []),
  ];
}

const DEFAULT_SET = "test/eval/questions.json";

const USAGE = `Usage: npm run eval -- [--set FILE] [--json] [--quiet]

  --set FILE  the question set (default ${DEFAULT_SET})
  --json      the report as JSON
  --quiet     figures only, no list of misses`;

export async function runEvalCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      usage: USAGE,
      options: {
        set: { type: "string", default: DEFAULT_SET },
        json: { type: "boolean" },
        quiet: { type: "boolean" },
      },
    },
    io,
  );
  if (typeof args === "number") return args;
  const { values } = args;
  const path = values.set ?? DEFAULT_SET;
  const engine = getEngine();
  const report = evaluate(loadEvalSet(path), (q, opts) => engine.explain(q, opts));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Question set: ${path}`);
  for (const line of summary(report)) out(line);
  if (report.misses.length && !values.quiet) {
    out(`\nMisses (${report.misses.length}):`);
    for (const { item, got } of report.misses) {
      const what = got.answered
        ? `answered [${got.facts.join(", ")}] ${got.answer.slice(0, 160)}`
        : "declined";
      const context = item.after?.length ? ` (after: ${item.after.join(" / ")})` : "";
      out(
        `- [${item.category}] expected ${item.expect}: "${item.q}"${context}\n    got ${what} (confidence ${got.confidence})`,
      );
    }
  }
  return 0;
}
