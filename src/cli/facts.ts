import { exportFactBase, factBase } from "../facts/index.ts";

/** `facts`: the whole fact base, as one JSON document with --json. */
export async function runFactsCli(args: string[]): Promise<number> {
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(exportFactBase(), null, 2)}\n`);
    return 0;
  }
  for (const fact of factBase.facts) {
    process.stdout.write(
      `${fact.id} [${fact.firmness}] ${fact.statement}\n  cites: ${fact.citations.map((c) => c.source).join(", ")}\n`,
    );
  }
  process.stdout.write(
    `\n${factBase.facts.length} facts from ${factBase.sources.length} sources. Use --json for everything.\n`,
  );
  return 0;
}
