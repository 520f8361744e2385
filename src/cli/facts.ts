import { exportFactBase, factBase } from "../facts/index.ts";
import { EXIT, type Io, parseCommandLine, stdio } from "./args.ts";

const USAGE = `Usage: npm run --silent facts -- [--json]

  (no flag)  one line per fact: id, firmness, statement and the sources it cites
  --json     every source and fact as one JSON document, citations expanded`;

/** `facts`: the whole fact base, as one JSON document with --json. */
export async function runFactsCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(argv, { usage: USAGE, options: { json: { type: "boolean" } } }, io);
  if (typeof args === "number") return args;
  if (args.values.json) {
    io.out(JSON.stringify(exportFactBase(), null, 2));
    return EXIT.ok;
  }
  for (const fact of factBase.facts) {
    const cites = fact.citations.map((c) => c.source).join(", ");
    io.out(`${fact.id} [${fact.firmness}] ${fact.statement}\n  cites: ${cites}`);
  }
  io.out(
    `\n${factBase.facts.length} facts from ${factBase.sources.length} sources. Use --json for everything.`,
  );
  return EXIT.ok;
}
