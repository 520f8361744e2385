/**
 * Environment -> typed Config, checked by one zod schema. A platform is
 * either fully configured, absent, or an error that names what is missing.
 * Token values never appear in messages.
 */
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const port = z
  .string()
  .regex(/^\d+$/, "must be a port number")
  .transform(Number)
  .pipe(z.number().max(65535, "must be a port number"))
  .optional();

/** "points/seconds", e.g. "8/10": at most 8 requests in any 10 s window. */
function rateLimit() {
  return z
    .string()
    .regex(
      /^[1-9]\d*\/[1-9]\d*$/,
      'must look like "points/seconds", e.g. "8/10" for 8 requests per 10 s',
    )
    .transform((v): RateLimit => {
      const [points, seconds] = v.split("/").map(Number) as [number, number];
      return { points, seconds };
    })
    .optional();
}

function redisUrl() {
  return z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional();
}

const EnvSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_URL: optionalString.pipe(z.url().optional()),
  DISCORD_SHARDS: optionalString,
  DISCORD_PUBLIC_KEY: optionalString.pipe(
    z
      .string()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        "must be the 64-character hex public key from the Developer Portal",
      )
      .optional(),
  ),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: optionalString.pipe(z.url().optional()),
  PORT: optionalString.pipe(port),
  HEALTH_PORT: optionalString.pipe(port),
  LOG_LEVEL: optionalString.pipe(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  DATA_DIR: optionalString,
  LOG_SALT: optionalString,
  RATE_LIMIT_USER: optionalString.pipe(rateLimit()),
  RATE_LIMIT_CHANNEL: optionalString.pipe(rateLimit()),
  REDIS_URL: optionalString.pipe(redisUrl()),
  // The older name, from when Redis held only the rate limits.
  RATE_LIMIT_REDIS_URL: optionalString.pipe(redisUrl()),
  UNANSWERED_DB: optionalString,
  CONVERSATION_TTL_MINUTES: optionalString.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, "must be a positive whole number of minutes")
      .transform(Number)
      .optional(),
  ),
  SHUTDOWN_GRACE_MS: optionalString.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, "must be a positive whole number of milliseconds")
      .transform(Number)
      .optional(),
  ),
  UNANSWERED_RETENTION_DAYS: optionalString.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, "must be a positive whole number of days")
      .transform(Number)
      .optional(),
  ),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
  /** "auto" or a number of shards; unset runs one process with no sharding. */
  shards?: "auto" | number;
}

/** Discord over HTTP interactions (POST /discord/interactions): commands, autocomplete, buttons. */
export interface DiscordHttpConfig {
  applicationId: string;
  /** Hex Ed25519 key that signs every interaction (General Information > Public Key). */
  publicKey: string;
  /** Where follow-up webhook edits go (tests, proxies); Discord's API by default. */
  apiUrl?: string;
}

export interface SlackConfig {
  botToken: string;
  mode: "socket" | "http";
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
}

export interface RateLimit {
  points: number;
  seconds: number;
}

export interface RateLimitConfig {
  user: RateLimit;
  channel: RateLimit;
}

export interface UnansweredConfig {
  /** SQLite file path, or ":memory:". */
  dbPath: string;
  retentionDays: number;
}

export interface Config {
  /** Discord over the gateway (DISCORD_TOKEN). */
  discord?: DiscordConfig;
  /** Discord over HTTP interactions (DISCORD_PUBLIC_KEY); may run with or without the gateway. */
  discordHttp?: DiscordHttpConfig;
  slack?: SlackConfig;
  /** The one HTTP server: webhooks and /healthz (HEALTH_PORT is an alias). */
  port: number;
  logLevel: string;
  /** Salt for hashed ids; unset: a generated one kept under dataDir (see ops/salt.ts). */
  logSalt?: string;
  /** How long a stop may drain before it cuts what is left and exits 1. */
  shutdownGraceMs: number;
  /** Where local state (the unanswered-question database) lives. */
  dataDir: string;
  rateLimit: RateLimitConfig;
  /** Shared state for several instances (REDIS_URL); unset keeps state in this process. */
  redisUrl?: string;
  unanswered: UnansweredConfig;
  /** How long a conversation's last turn is remembered for follow-ups. */
  conversationTtlMs: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Defaults, each defined once and used wherever the value is needed. */
export const DEFAULT_PORT = 3000;
const DEFAULT_DATA_DIR = "data";
export const DEFAULT_RETENTION_DAYS = 90;
const DEFAULT_LOG_LEVEL = "info";
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

type Env = z.infer<typeof EnvSchema>;

function parseEnv(env: NodeJS.ProcessEnv): Env {
  const parsed = EnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Only the variable name is reported: a value could be a secret.
  throw new ConfigError(
    `${String(issue?.path[0])} is not valid: ${issue?.message ?? "check its value"}.`,
  );
}

function discordHttpConfig(e: Env): DiscordHttpConfig | undefined {
  if (!e.DISCORD_PUBLIC_KEY) return undefined;
  if (!e.DISCORD_APPLICATION_ID)
    throw new ConfigError(
      "DISCORD_PUBLIC_KEY is set but DISCORD_APPLICATION_ID is missing. Copy it from the Developer Portal (General Information > Application ID).",
    );
  return {
    applicationId: e.DISCORD_APPLICATION_ID,
    publicKey: e.DISCORD_PUBLIC_KEY.toLowerCase(),
    apiUrl: e.DISCORD_API_URL,
  };
}

function discordConfig(e: Env): DiscordConfig | undefined {
  if (e.DISCORD_SHARDS && !e.DISCORD_TOKEN)
    throw new ConfigError(
      "DISCORD_SHARDS is set but DISCORD_TOKEN is missing: shards are gateway connections, and HTTP interactions need none.",
    );
  // With the public key alone, Discord runs over HTTP only (commands and buttons, no mentions or DMs).
  if (!e.DISCORD_TOKEN && (!e.DISCORD_APPLICATION_ID || e.DISCORD_PUBLIC_KEY)) return undefined;
  if (!e.DISCORD_TOKEN)
    throw new ConfigError(
      "DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is missing. Copy the bot token from the Developer Portal (Bot > Reset Token), or set DISCORD_PUBLIC_KEY (General Information > Public Key) to answer over HTTP interactions only.",
    );
  if (!e.DISCORD_APPLICATION_ID)
    throw new ConfigError(
      "DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing. Copy it from the Developer Portal (General Information > Application ID).",
    );
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL,
    shards: shardCount(e.DISCORD_SHARDS),
  };
}

function shardCount(value: string | undefined): DiscordConfig["shards"] {
  if (!value) return undefined;
  if (value === "auto") return "auto";
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new ConfigError('DISCORD_SHARDS must be "auto" or a positive whole number.');
}

function slackConfig(e: Env): SlackConfig | undefined {
  if (!e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) return undefined;
  if (!e.SLACK_BOT_TOKEN)
    throw new ConfigError(
      "SLACK_BOT_TOKEN is missing. Copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions.",
    );
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      "Slack needs SLACK_APP_TOKEN (Socket Mode, xapp-...) or SLACK_SIGNING_SECRET (HTTP mode). Set one of them.",
    );
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    mode: e.SLACK_APP_TOKEN ? "socket" : "http",
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    apiUrl: e.SLACK_API_URL,
  };
}

/** One server serves /healthz and the webhooks; HEALTH_PORT is only an alias for PORT. */
function serverPort(e: Env): number {
  if (e.PORT !== undefined && e.HEALTH_PORT !== undefined && e.PORT !== e.HEALTH_PORT)
    throw new ConfigError(
      "HEALTH_PORT differs from PORT. One server now serves /healthz and the webhooks on PORT; HEALTH_PORT is only an alias for it. Set PORT alone.",
    );
  return e.PORT ?? e.HEALTH_PORT ?? DEFAULT_PORT;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(env);
  const dataDir = e.DATA_DIR ?? DEFAULT_DATA_DIR;
  return {
    discordHttp: discordHttpConfig(e),
    discord: discordConfig(e),
    slack: slackConfig(e),
    port: serverPort(e),
    logLevel: e.LOG_LEVEL ?? DEFAULT_LOG_LEVEL,
    logSalt: e.LOG_SALT,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? DEFAULT_SHUTDOWN_GRACE_MS,
    dataDir,
    rateLimit: {
      user: e.RATE_LIMIT_USER ?? { points: 8, seconds: 10 },
      channel: e.RATE_LIMIT_CHANNEL ?? { points: 30, seconds: 10 },
    },
    redisUrl: e.REDIS_URL ?? e.RATE_LIMIT_REDIS_URL,
    unanswered: {
      dbPath: e.UNANSWERED_DB ?? `${dataDir}/unanswered.db`,
      retentionDays: e.UNANSWERED_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    },
    conversationTtlMs: (e.CONVERSATION_TTL_MINUTES ?? 15) * 60_000,
  };
}
