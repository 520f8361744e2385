/**
 * The command line: ask, facts, eval, train, picture, register (Discord), manifest (Slack).
 * Output meant for programs goes to stdout; logs and errors to stderr.
 */
import { runAskCli } from "./cli/ask.ts";
import { runEvalCli } from "./cli/eval.ts";
import { runFactsCli } from "./cli/facts.ts";

const USAGE = `Usage: tsx src/cli.ts <command> [options]

  ask "question" [--json] [--explain]   answer one question; "-" reads one question per line from stdin
  facts [--json]                        print the fact base
  eval [--set FILE] [--json]            score the answer engine on a question set
  train [--dry-run]                     fit the answer engine's scoring model (src/facts/scoring-model.ts)
  ablation [--blind]                    lexical vs sentence encoder vs both, on dev and holdout (and blind)
  picture <timeline|versions> [--out FILE] [--theme light|dark]   draw a picture from the facts
  register                              put the slash commands on Discord
  manifest [--mode socket|http] [--url URL]   print the Slack app manifest`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "ask":
      return runAskCli(rest);
    case "facts":
      return runFactsCli(rest);
    case "eval":
      return runEvalCli(rest);
    case "train": {
      const { runTrainCli } = await import("./cli/train.ts");
      return runTrainCli(rest);
    }
    case "ablation": {
      const { runAblationCli } = await import("./cli/ablation.ts");
      return runAblationCli(rest);
    }
    case "picture": {
      const { runPictureCli } = await import("./cli/picture.ts");
      return runPictureCli(rest);
    }
    case "register": {
      const { runRegisterCli } = await import("./platforms/discord/register.ts");
      return runRegisterCli(rest);
    }
    case "manifest": {
      const { runManifestCli } = await import("./platforms/slack/manifest.ts");
      return runManifestCli(rest);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 1;
  }
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
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
