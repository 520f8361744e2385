/**
 * The one command line: `tsx src/cli.ts <subcommand> [flags]` (npm scripts
 * are aliases). Each subcommand parses its flags with the one parser
 * (cli/args.ts) and answers --help. Output meant for programs goes to stdout;
 * logs and errors to stderr. Heavy subcommands are loaded only when run.
 */
import { EXIT, stdio } from "./cli/args.ts";

interface Entry {
  summary: string;
  run(argv: string[]): Promise<number>;
}

const SUBCOMMANDS: Record<string, Entry> = {
  ask: {
    summary: 'answer one question; "-" reads one question per line from stdin',
    run: async (argv) => (await import("./cli/ask.ts")).runAskCli(argv),
  },
  facts: {
    summary: "print the fact base",
    run: async (argv) => (await import("./cli/facts.ts")).runFactsCli(argv),
  },
  eval: {
    summary: "score the answer engine on a question set",
    run: async (argv) => (await import("./cli/eval.ts")).runEvalCli(argv),
  },
  train: {
    summary: "fit the answer engine's scoring model (src/facts/scoring-model.ts)",
    run: async (argv) => (await import("./cli/train.ts")).runTrainCli(argv),
  },
  ablation: {
    summary: "lexical vs sentence encoder vs both, on dev and holdout (and blind)",
    run: async (argv) => (await import("./cli/ablation.ts")).runAblationCli(argv),
  },
  register: {
    summary: "put the slash commands on Discord",
    run: async (argv) => (await import("./cli/register.ts")).runRegisterCli(argv),
  },
  manifest: {
    summary: "print the Slack app manifest",
    run: async (argv) => (await import("./cli/manifest.ts")).runManifestCli(argv),
  },
  unanswered: {
    summary: "what people asked that the facts do not cover",
    run: async (argv) => (await import("./cli/unanswered.ts")).runUnansweredCli(argv),
  },
  sharded: {
    summary: "run Discord with one process per shard",
    run: async (argv) => (await import("./cli/sharded.ts")).runShardedCli(argv),
  },
};

const USAGE = `Usage: tsx src/cli.ts <command> [options]   (npm run <command> -- [options])

${Object.entries(SUBCOMMANDS)
  .map(([name, s]) => `  ${name.padEnd(12)}${s.summary}`)
  .join("\n")}

Every command takes --help for its options.`;

async function main([command, ...rest]: string[]): Promise<number> {
  if (command === undefined) {
    stdio.err(USAGE);
    return EXIT.usage;
  }
  if (command === "help" || command === "--help" || command === "-h") {
    stdio.out(USAGE);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(SUBCOMMANDS, command) ? SUBCOMMANDS[command] : undefined;
  if (!entry) {
    stdio.err(`Unknown command "${command}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  return entry.run(rest);
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    stdio.err(err instanceof Error ? err.message : String(err));
    process.exitCode = EXIT.failed;
  },
);
