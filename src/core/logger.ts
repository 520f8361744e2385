/**
 * The one logger. Structured JSON lines (pino) on stderr, so stdout stays
 * free for the CLI's output. Secrets are redacted twice: by key wherever they
 * nest (config objects, headers), and by shape in the finished line, because
 * a token can also hide inside a string such as an error message or a URL.
 * Both are cheap on a line that holds no secret, since every request logs one.
 */
import { type Logger, pino } from "pino";

export type { Logger };

/** Field names whose values are never logged, wherever they nest (compared case-insensitively). */
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
  "x-slack-signature",
];
const SECRET = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));
const CENSOR = "[redacted]";
/** Deeper than any object we log; bounds the walk on a cyclic or huge object. */
const MAX_DEPTH = 8;

/**
 * A copy of `value` with every secret-named field censored, or `value` itself
 * when it holds none (the usual case, so a request's log line costs one pass
 * over its keys and no copy). Errors are left to the err serializer below.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  if (value instanceof Error || ArrayBuffer.isView(value)) return value;
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const key in source) {
    const field = source[key];
    const out =
      SECRET.has(key.toLowerCase()) && field !== undefined
        ? CENSOR
        : redactSecrets(field, depth + 1);
    if (out !== field) {
      copy ??= Array.isArray(source) ? [...source] : { ...source };
      (copy as Record<string, unknown>)[key] = out;
    }
  }
  return (copy ?? value) as T;
}

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

/**
 * Something every pattern above needs, found in one cheap pass: a line without it (most
 * lines) has nothing to scrub. (A leading `[\w-]{20,}` run costs irregexp ~30 us a line.)
 */
const MIGHT_HOLD_SECRET =
  /xox|xapp-|\.[\w-]{6,}\.|\/(?:webhooks|interactions)\/|Bearer |Bot |:\/\//;

/** Replaces anything shaped like a token or credential with "[redacted]". */
function scrubSecrets(line: string): string {
  if (!MIGHT_HOLD_SECRET.test(line)) return line;
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
      // One walk per logged object instead of pino's path-based redact, which cost about
      // half a millisecond per line with these keys at every depth (docs/operations.md).
      formatters: { log: redactSecrets, bindings: redactSecrets },
      serializers: { err: (err: Error) => redactSecrets(pino.stdSerializers.err(err)) },
      hooks: { streamWrite: scrubSecrets },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and one-shot CLI runs. */
export const silentLogger: Logger = pino({ level: "silent" });
