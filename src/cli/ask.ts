import { createInterface } from "node:readline";
import { commands } from "../../commands/index.ts";
import { getEngine } from "../answer/index.ts";
import { createDispatcher } from "../core/dispatch.ts";
import { renderText } from "../platforms/console/render.ts";

/** `ask`: the rendered reply, or the public Answer JSON with --json; "-" streams stdin. */
export async function runAskCli(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const explain = args.includes("--explain");
  const question = args.filter((a) => !a.startsWith("--")).join(" ");
  if (!question) {
    process.stderr.write('Usage: npm run --silent ask -- "your question" [--json] [--explain]\n');
    return 1;
  }
  const engine = getEngine();
  const out = (line: string) => process.stdout.write(`${line}\n`);

  if (question === "-") {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) out(JSON.stringify(engine.answer(line)));
    return 0;
  }
  if (explain) {
    const e = engine.explain(question);
    out(`question:   ${e.normalized}`);
    out(`kind:       ${e.ranking.kind}${e.offLimits ? " (off limits: abstains)" : ""}`);
    out(`elsewhere:  ${e.ranking.otherEntities.join(" ") || "-"}`);
    out(`terms:      ${e.ranking.terms.join(" ")}`);
    out(`typos:      ${e.ranking.corrections.join(" ") || "-"}`);
    out(`unknown:    ${e.ranking.unknownTerms.join(" ") || "-"}`);
    out(`threshold:  ${e.threshold}`);
    out("candidates: fact | confidence | bm25 | coverage | matched");
    for (const c of e.candidates) {
      out(
        `  ${c.factId} | ${c.confidence.toFixed(3)} | ${c.score.toFixed(2)} | ${c.coverage.toFixed(2)} | ${c.matchedTerms.join(" ")}`,
      );
    }
    out("");
  }
  if (json) {
    out(JSON.stringify(engine.answer(question)));
    return 0;
  }
  const dispatcher = createDispatcher({ commands });
  const reply = await dispatcher.dispatch("ask", { question }, { platform: "cli", userId: "cli" });
  out(renderText(reply));
  return 0;
}
