import { createInterface } from "node:readline";
import { commands } from "../../commands/index.ts";
import { type Answer, type Explanation, getEngine, type Turn } from "../answer/index.ts";
import type { Contribution } from "../answer/model.ts";
import { createDispatcher } from "../core/dispatch.ts";
import { renderText } from "../platforms/console/render.ts";
import { type Io, parseCommandLine, stdio, usageError } from "./args.ts";

const USAGE = `Usage: npm run --silent ask -- "your question" [--json] [--explain]
       npm run --silent ask -- --json [--session] -     one question per line from stdin

  "your question"  the reply as the chat shows it
  -                read one question per line from stdin; print one JSON answer per line
  --json      the answer as JSON (answered, answer, confidence, facts, citations, quotes, followUps)
  --explain   print every feature, weight and contribution before the answer
  --session   with "-": the lines are one conversation, so a follow-up ("why?") uses the line before`;

function printExplanation(e: Explanation, out: (line: string) => void): void {
  out(`question:   ${e.normalized}`);
  if (e.resolvedAs) out(`resolved:   ${e.resolvedAs}`);
  const a = e.analysis;
  out(`kind:       ${a?.kind ?? "-"}${e.offLimits ? " (off limits: declines)" : ""}`);
  out(`elsewhere:  ${a?.otherEntities.join(" ") || "-"}`);
  out(`terms:      ${a?.terms.join(" ") || "-"}`);
  out(`typos:      ${a?.corrections.join(" ") || "-"}`);
  out(`unknown:    ${a?.unknownTerms.join(" ") || "-"}`);
  out(`threshold:  ${e.threshold}`);
  const table = (rows: Contribution[]) => {
    out("  feature            value    weight   contribution");
    for (const c of rows) {
      out(
        `  ${c.feature.padEnd(18)} ${c.value.toFixed(3).padStart(6)} ${c.weight.toFixed(3).padStart(8)} ${c.contribution.toFixed(3).padStart(10)}`,
      );
    }
  };
  if (e.acceptance) {
    out(
      `\nacceptor: probability ${e.acceptance.probability.toFixed(3)} (answers at ${e.threshold} or more)`,
    );
    table(e.acceptance.contributions);
  }
  for (const s of e.scored.slice(0, 5)) {
    out(
      `\n${s.factId}: rank score ${s.rankScore.toFixed(3)} (matched: ${s.matchedTerms.join(" ")})`,
    );
    table(s.contributions);
  }
  out("");
}

/** `ask`: the rendered reply, or the public Answer JSON with --json; "-" streams stdin. */
export async function runAskCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      usage: USAGE,
      options: {
        json: { type: "boolean" },
        explain: { type: "boolean" },
        session: { type: "boolean" },
      },
      positionals: true,
    },
    io,
  );
  if (typeof args === "number") return args;
  const { values } = args;
  const question = args.positionals.join(" ").trim();
  if (!question) return usageError(USAGE, "ask needs a question.", io);
  const engine = getEngine();
  const out = (line: string) => process.stdout.write(`${line}\n`);

  if (question === "-") {
    const rl = createInterface({ input: process.stdin, terminal: false });
    let previous: Turn | undefined;
    for await (const line of rl) {
      const explained = engine.explain(line, values.session ? { previous } : {});
      const answer: Answer = explained.answer;
      if (answer.answered) previous = { question: explained.topic, facts: answer.facts };
      out(JSON.stringify(answer));
    }
    return 0;
  }
  if (values.explain) printExplanation(engine.explain(question), out);
  if (values.json) {
    out(JSON.stringify(engine.answer(question)));
    return 0;
  }
  const dispatcher = createDispatcher({ commands });
  const reply = await dispatcher.dispatch("ask", { question }, { platform: "cli", userId: "cli" });
  out(renderText(reply));
  return 0;
}
