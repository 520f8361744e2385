/**
 * In the local chat, log lines on the terminal would interleave with the
 * answers, so they go to a file under DATA_DIR instead, at LOG_LEVEL.
 */
import { join } from "node:path";
import { pino } from "pino";
import type { Config } from "../../config.ts";
import { createLogger, type Logger } from "../../core/logger.ts";

export function consoleLogPath(dataDir: string): string {
  return join(dataDir, "console.log");
}

export function createConsoleLogger(config: Pick<Config, "dataDir" | "logLevel">): Logger {
  // Synchronous, so the last lines are on disk when the chat ends and the process exits.
  const file = pino.destination({ dest: consoleLogPath(config.dataDir), mkdir: true, sync: true });
  return createLogger(config.logLevel, file);
}
