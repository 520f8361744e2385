/**
 * Turns discord.js failures into messages that name the fix. Tokens never
 * appear in them: only codes and the names of settings.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { withRetry } from "../../core/backoff.ts";

const FIXES = {
  tokenInvalid:
    "Discord rejected the bot token (invalid token / close code 4004). In the Developer Portal open your application > Bot > Reset Token, copy the new token into DISCORD_TOKEN in .env, and start again.",
  disallowedIntents:
    "Discord refused the gateway intents (close code 4014, disallowed intents). Incident Desk asks only for Guilds, GuildMessages and DirectMessages, none of them privileged; if you added a privileged intent (Message Content, Server Members, Presence), enable it under Developer Portal > Bot > Privileged Gateway Intents or remove it.",
  missingAccess:
    "Discord answered 50001 Missing Access: the bot is not in that server, or was invited without the applications.commands scope, or cannot see the channel. Re-invite it with the URL printed by `npm run register` and check the channel's permissions (View Channel, Send Messages).",
  missingPermissions:
    "Discord answered 50013 Missing Permissions: give the bot's role View Channels, Send Messages, Send Messages in Threads, Embed Links and Read Message History in that channel.",
  unknownApplication:
    "Discord does not know that application (10002 Unknown Application): check DISCORD_APPLICATION_ID (Developer Portal > General Information > Application ID).",
} as const;

function closeOrCode(err: unknown): string | number | undefined {
  if (err && typeof err === "object" && "code" in err)
    return (err as { code: string | number }).code;
  return undefined;
}

/** For start-up and registration: an Error whose message says what to do, or undefined if unknown. */
export function explainDiscordError(err: unknown): Error | undefined {
  const code = closeOrCode(err);
  const message = err instanceof Error ? err.message : String(err);
  let fix: string | undefined;
  if (
    code === "TokenInvalid" ||
    code === "TokenMissing" ||
    code === 4004 ||
    /Authentication failed/i.test(message)
  ) {
    fix = FIXES.tokenInvalid;
  } else if (err instanceof DiscordAPIError && err.status === 401) {
    fix = FIXES.tokenInvalid;
  } else if (code === 4014 || /disallowed intents/i.test(message)) {
    fix = FIXES.disallowedIntents;
  } else if (code === 50001) {
    fix = FIXES.missingAccess;
  } else if (code === 50013) {
    fix = FIXES.missingPermissions;
  } else if (code === 10002) {
    fix = FIXES.unknownApplication;
  }
  return fix ? new Error(fix, { cause: err }) : undefined;
}

/** Socket and DNS failures: the request never reached Discord. */
const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

function networkFailure(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = closeOrCode(e);
    if (typeof code === "string" && NETWORK_CODES.has(code))
      return e instanceof Error ? e.message : code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Discord's REST base when DISCORD_API_URL is unset. */
const DEFAULT_API_URL = "https://discord.com/api";

/**
 * For start-up: the error to show the operator, always one line that names
 * the fix when we know it (no JSON bodies, no stack).
 */
export function explainStartError(err: unknown, apiUrl: string | undefined): Error {
  const known = explainDiscordError(err);
  if (known) return known;
  const unreachable = networkFailure(err);
  if (unreachable) {
    return new Error(
      `Could not reach Discord at ${apiUrl ?? DEFAULT_API_URL} (${unreachable}): check the network or DISCORD_API_URL.`,
      { cause: err },
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new Error(`Discord start-up failed: ${message.split("\n")[0]}`, { cause: err });
}

/** Loggable fields for a REST failure while answering (never the request body or token). */
export function describeRestError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) {
    return {
      status: err.status,
      code: err.code,
      method: err.method,
      hint: explainDiscordError(err)?.message,
    };
  }
  if (err instanceof HTTPError) return { status: err.status, method: err.method };
  if (err instanceof RateLimitError)
    return { status: 429, retryAfter: err.retryAfter, scope: err.scope };
  return { error: err instanceof Error ? err.message : String(err) };
}

/** A failure worth another try: a 5xx from Discord or a request that timed out. */
export function isRetryableRestError(err: unknown): boolean {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) return err.status >= 500;
  return err instanceof Error && err.name === "AbortError";
}

/**
 * A REST call retried after a 5xx or a timeout with exponential backoff and jitter (discord.js
 * itself would retry at once, back to back; the client is built with retries: 0).
 */
export function retryRest<T>(call: () => Promise<T>): Promise<T> {
  return withRetry(call, { retries: 3, baseMs: 250, maxMs: 2000, retryable: isRetryableRestError });
}
