/**
 * Bolt, its receivers and its WebClient log through this adapter into our
 * pino logger, so their lines are structured, redacted and as quiet as
 * LOG_LEVEL says (silent in tests).
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../core/logger.ts";

function boltLevel(pinoLevel: string): LogLevel {
  if (pinoLevel === "debug" || pinoLevel === "trace") return LogLevel.DEBUG;
  if (pinoLevel === "info") return LogLevel.INFO;
  if (pinoLevel === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}

function line(parts: unknown[]): { err?: unknown; msg: string } {
  const err = parts.find((p) => p instanceof Error);
  const msg = parts
    .filter((p) => p !== err)
    .map((p) => (typeof p === "string" ? p : JSON.stringify(p)))
    .join(" ");
  return err ? { err, msg } : { msg };
}

export function boltLogger(logger: Logger, name = "slack"): BoltLogger {
  let child = logger.child({ component: name });
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      // Bolt logs a lot at debug: skip the formatting when the level is off.
      if (!child.isLevelEnabled(level)) return;
      const { err, msg } = line(parts);
      child[level](err ? { err } : {}, msg);
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    // pino's level (LOG_LEVEL) governs; Bolt's own level requests are ignored.
    setLevel: () => {},
    getLevel: () => boltLevel(logger.level),
    setName: (n: string) => {
      child = logger.child({ component: n });
    },
  };
}
