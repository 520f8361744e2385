/**
 * The one logger. Structured JSON lines (pino) on stderr, so stdout stays
 * free for the CLI's output. Secrets are redacted by key wherever they nest.
 */
import { type Logger, pino } from "pino";

export type { Logger };

const SECRET_KEYS = [
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "authorization",
  "DISCORD_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
];

export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(
  level = "info",
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination);
}

/** A logger that writes nothing, for tests and one-shot CLI runs. */
export const silentLogger: Logger = pino({ level: "silent" });
