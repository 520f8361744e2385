/**
 * The one argument parser for every subcommand: node:util parseArgs, strict.
 * Each subcommand declares its flags and its usage once; --help (or -h)
 * prints that usage and exits 0; an unknown or malformed flag prints the
 * problem and the usage and exits 2.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

/** Where a subcommand writes: one call per line (or block) of output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 done, 1 failed (a missing file, Discord said no), 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandLine<O extends Options> {
  /** The complete usage, printed by --help and after a usage error. */
  usage: string;
  options: O;
  /** Whether words other than flags are allowed (ask's question). */
  positionals?: boolean;
}

export type Values<O extends Options> = {
  [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean;
};

/** A usage error: what is wrong, then how to use the command; returns the exit code. */
export function usageError(usage: string, problem: string, io: Io = stdio): number {
  io.err(`${problem}\n\n${usage}`);
  return EXIT.usage;
}

/**
 * The parsed flags and words, or the exit code when there is nothing more to
 * do (--help was asked for, or the command line was wrong).
 */
export function parseCommandLine<const O extends Options>(
  argv: readonly string[],
  spec: CommandLine<O>,
  io: Io = stdio,
): { values: Values<O>; positionals: string[] } | number {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...spec.options, help: { type: "boolean", short: "h" } },
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
  } catch (err) {
    return usageError(spec.usage, (err as Error).message, io);
  }
  if (parsed.values.help) {
    io.out(spec.usage);
    return EXIT.ok;
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}
