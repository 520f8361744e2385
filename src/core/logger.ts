/**
 * The one logger. Structured JSON lines (pino) on stderr, so stdout stays
 * free for the CLI's output. Secrets are redacted twice: by key wherever they
 * nest (config objects, headers), and by shape in the finished line, because
 * a token can also hide inside a string such as an error message or a URL.
 */
import { type Logger, pino } from "pino";

export type { Logger };

const SECRET_KEYS = [
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "clientSecret",
  "password",
  "authorization",
  "cookie",
  "redisUrl",
  "logSalt",
  "DISCORD_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_CLIENT_SECRET",
  "REDIS_URL",
  "RATE_LIMIT_REDIS_URL",
  "LOG_SALT",
  '["x-slack-signature"]',
];

function pathsFor(key: string): string[] {
  const join = (prefix: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key.startsWith("[") ? `*${key}` : key, join("*"), join("*.*"), join("*.*.*")];
}

const REDACT_PATHS = SECRET_KEYS.flatMap(pathsFor);

/** Token shapes scrubbed from every line, whatever field they ended up in. */
const SECRET_PATTERNS: [RegExp, string][] = [
  // Slack bot/user/app-level tokens and Socket Mode app tokens.
  [/\bxox[abposre]-[A-Za-z0-9-]+/g, "[redacted]"],
  [/\bxapp-[A-Za-z0-9-]+/g, "[redacted]"],
  // Discord bot tokens: three base64url parts joined by dots.
  [/[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}/g, "[redacted]"],
  // Discord interaction and webhook tokens travel in REST paths.
  [/(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9._-]{20,}/g, "$1[redacted]"],
  // Authorization header values that slipped into a message.
  [/\b(Bearer|Bot) [A-Za-z0-9._~+/=-]{16,}/g, "$1 [redacted]"],
  // Passwords in URLs (redis://:password@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@/"]+@/gi, "$1[redacted]@"],
];

/** Replaces anything shaped like a token or credential with "[redacted]". */
function scrubSecrets(line: string): string {
  let out = line;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export function createLogger(
  level = "info",
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: { streamWrite: scrubSecrets },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and one-shot CLI runs. */
export const silentLogger: Logger = pino({ level: "silent" });
