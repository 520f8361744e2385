/**
 * The subcommands of the one command line, and how to load one: each lives in
 * src/cli/<name>.ts and exports run<Name>Cli(argv), loaded only when it runs.
 */

export type Runner = (argv: string[]) => Promise<number>;

/** Name -> what it does, in the order `tsx src/cli.ts` lists them. */
export const SUBCOMMANDS: Readonly<Record<string, string>> = {
  ask: 'answer one question; "-" reads one question per line from stdin',
  facts: "print the fact base",
  eval: "score the answer engine on a question set",
  train: "fit the answer engine's scoring model (src/facts/scoring-model.ts)",
  ablation: "lexical vs sentence encoder vs both, on dev and holdout (and blind)",
  picture: "draw the timeline or the policy versions from the facts (PNG)",
  register: "put the slash commands on Discord",
  manifest: "print the Slack app manifest",
  unanswered: "what people asked that the facts do not cover",
  sharded: "run Discord with one process per shard (npm run start:sharded)",
};

export function isSubcommand(name: string): boolean {
  return Object.hasOwn(SUBCOMMANDS, name);
}

/** The runner of a listed subcommand. */
export async function loadSubcommand(name: string): Promise<Runner> {
  const module = (await import(`./${name}.ts`)) as Record<string, unknown>;
  const run = module[`run${name.charAt(0).toUpperCase()}${name.slice(1)}Cli`];
  if (typeof run !== "function") throw new Error(`src/cli/${name}.ts has no run function`);
  return run as Runner;
}

export const USAGE = `Usage: tsx src/cli.ts <command> [options]   (npm run <command> -- [options])

${Object.entries(SUBCOMMANDS)
  .map(([name, summary]) => `  ${name.padEnd(12)}${summary}`)
  .join("\n")}

Every command takes --help for its options.`;
