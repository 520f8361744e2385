/**
 * Shared pieces of the fault tests: a command whose handler always throws
 * (to reach the error boundary through a real platform), and a logger whose
 * JSON lines the test can read back.
 */
import { defineCommand } from "../../src/core/define-command.ts";
import { createLogger, type Logger } from "../../src/core/logger.ts";

export const throwingCommand = defineCommand({
  name: "explode",
  description: "Always fails, to test the error boundary",
  options: {},
  examples: [],
  run() {
    throw new Error("the handler blew up");
  },
});

export interface LogLine {
  level: number;
  msg: string;
  errorId?: string;
  platform?: string;
  command?: string;
  status?: number;
}

export interface CapturedLogs {
  logger: Logger;
  /** The raw lines, as written (for "no secret in the logs" checks). */
  lines: string[];
  /** The lines parsed. */
  parsed(): LogLine[];
}

export function captureLogs(level = "info"): CapturedLogs {
  const lines: string[] = [];
  return {
    logger: createLogger(level, { write: (line: string) => void lines.push(line) }),
    lines,
    parsed: () => lines.map((l) => JSON.parse(l) as LogLine),
  };
}
