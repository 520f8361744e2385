/**
 * The one command line: `tsx src/cli.ts <subcommand> [flags]` (npm scripts
 * are aliases). Each subcommand parses its flags with the one parser
 * (cli/args.ts) and answers --help. Output meant for programs goes to stdout;
 * logs and errors to stderr.
 */
import { EXIT, stdio } from "./cli/args.ts";
import { isSubcommand, loadSubcommand, USAGE } from "./cli/subcommands.ts";

async function main([command, ...rest]: string[]): Promise<number> {
  if (command === undefined) {
    stdio.err(USAGE);
    return EXIT.usage;
  }
  if (command === "help" || command === "--help" || command === "-h") {
    stdio.out(USAGE);
    return EXIT.ok;
  }
  if (!isSubcommand(command)) {
    stdio.err(`Unknown command "${command}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  return (await loadSubcommand(command))(rest);
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
