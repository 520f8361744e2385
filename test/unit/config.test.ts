/**
 * loadConfig(env): no platform means the console only; a half-configured
 * platform names what is missing; bad values name their variable; and no
 * message ever repeats a secret that was passed in.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { hashUserId, setLogSalt } from "../../src/core/hash-id.ts";

const DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secretdiscordtokenvalue0123456789";
const BOT_TOKEN = "xoxb-1111-2222-secretbottokenvalue";
const APP_TOKEN = "xapp-1-A111-2222-secretapptokenvalue";
const SIGNING_SECRET = "secretsigningsecretvalue0123456789";
const SECRETS = [DISCORD_TOKEN, BOT_TOKEN, APP_TOKEN, SIGNING_SECRET];

/** The ConfigError loadConfig throws for this env. */
function errorFor(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `a ConfigError, got ${String(err)}`);
    for (const secret of SECRETS) {
      assert.ok(!err.message.includes(secret), `the message repeats a secret: ${err.message}`);
    }
    return err;
  }
  assert.fail(`loadConfig accepted ${JSON.stringify(Object.keys(env))}`);
}

describe("HEALTH_PORT", () => {
  test("is an alias for PORT", () => {
    assert.equal(loadConfig({ HEALTH_PORT: "9090" }).port, 9090);
    assert.equal(loadConfig({ HEALTH_PORT: "9090", PORT: "9090" }).port, 9090);
  });

  test("a different HEALTH_PORT is an error that says one server serves both", () => {
    assert.throws(() => loadConfig({ HEALTH_PORT: "9090", PORT: "8080" }), /PORT alone/);
  });
});

describe("defaults", () => {
  test("an empty env runs the console only, with defaults", () => {
    const config = loadConfig({});
    assert.equal(config.discord, undefined);
    assert.equal(config.slack, undefined);
    assert.equal(config.port, 3000);
    assert.equal(config.shutdownGraceMs, 10_000);
    assert.equal(config.logSalt, undefined);
    assert.equal(config.logLevel, "info");
    assert.equal(config.dataDir, "data");
    assert.deepEqual(config.rateLimit, {
      user: { points: 8, seconds: 10 },
      channel: { points: 30, seconds: 10 },
    });
    assert.equal(config.redisUrl, undefined);
    assert.equal(config.discordHttp, undefined);
    assert.deepEqual(config.unanswered, { dbPath: "data/unanswered.db", retentionDays: 90 });
  });

  test("blank and whitespace-only values count as unset", () => {
    const config = loadConfig({ DISCORD_TOKEN: "  ", SLACK_BOT_TOKEN: "", PORT: " " });
    assert.equal(config.discord, undefined);
    assert.equal(config.slack, undefined);
    assert.equal(config.port, 3000);
  });

  test("values are read and converted", () => {
    const config = loadConfig({
      PORT: "8080",
      LOG_LEVEL: "debug",
      SHUTDOWN_GRACE_MS: "2500",
      DATA_DIR: "/var/lib/desk",
      RATE_LIMIT_USER: "3/5",
      RATE_LIMIT_CHANNEL: "100/60",
      REDIS_URL: "redis://127.0.0.1:6379",
      UNANSWERED_RETENTION_DAYS: "30",
      LOG_SALT: "per-deployment-salt",
    });
    assert.equal(config.port, 8080);
    assert.equal(config.logSalt, "per-deployment-salt");
    assert.equal(config.shutdownGraceMs, 2500);
    assert.equal(config.logLevel, "debug");
    assert.deepEqual(config.rateLimit.user, { points: 3, seconds: 5 });
    assert.deepEqual(config.rateLimit.channel, { points: 100, seconds: 60 });
    assert.equal(config.redisUrl, "redis://127.0.0.1:6379");
    assert.deepEqual(config.unanswered, {
      dbPath: "/var/lib/desk/unanswered.db",
      retentionDays: 30,
    });
  });
});

test("the configured salt changes every hashed id", () => {
  setLogSalt(loadConfig({ LOG_SALT: "one-salt" }).logSalt ?? "");
  const before = hashUserId("slack", "U1");
  setLogSalt(loadConfig({ LOG_SALT: "another-salt" }).logSalt ?? "");
  assert.notEqual(hashUserId("slack", "U1"), before);
  setLogSalt(loadConfig({ LOG_SALT: "one-salt" }).logSalt ?? "");
  assert.equal(hashUserId("slack", "U1"), before);
});

describe("Discord", () => {
  test("token and application id make a Discord config", () => {
    const config = loadConfig({
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: "123456789012345678",
      DISCORD_GUILD_ID: "42",
      DISCORD_API_URL: "http://127.0.0.1:9999/api",
    });
    assert.deepEqual(config.discord, {
      token: DISCORD_TOKEN,
      applicationId: "123456789012345678",
      guildId: "42",
      apiUrl: "http://127.0.0.1:9999/api",
      shards: undefined,
    });
    assert.equal(config.slack, undefined);
  });

  test("half set names the missing variable", () => {
    const noId = errorFor({ DISCORD_TOKEN });
    assert.match(noId.message, /DISCORD_APPLICATION_ID is missing/);
    const noToken = errorFor({ DISCORD_APPLICATION_ID: "123" });
    assert.match(noToken.message, /DISCORD_TOKEN is missing/);
  });

  test("DISCORD_SHARDS is auto or a positive whole number", () => {
    const base = { DISCORD_TOKEN, DISCORD_APPLICATION_ID: "1" };
    assert.equal(loadConfig({ ...base, DISCORD_SHARDS: "auto" }).discord?.shards, "auto");
    assert.equal(loadConfig({ ...base, DISCORD_SHARDS: "4" }).discord?.shards, 4);
    for (const bad of ["0", "-1", "two", "1.5"]) {
      assert.match(errorFor({ ...base, DISCORD_SHARDS: bad }).message, /DISCORD_SHARDS/, bad);
    }
  });
});

describe("REDIS_URL", () => {
  test("RATE_LIMIT_REDIS_URL still works, and REDIS_URL wins when both are set", () => {
    assert.equal(
      loadConfig({ RATE_LIMIT_REDIS_URL: "redis://old:6379" }).redisUrl,
      "redis://old:6379",
    );
    assert.equal(
      loadConfig({ REDIS_URL: "redis://new:6379", RATE_LIMIT_REDIS_URL: "redis://old:6379" })
        .redisUrl,
      "redis://new:6379",
    );
  });
});

describe("Discord HTTP interactions", () => {
  const PUBLIC_KEY = "ab".repeat(32);

  test("public key and application id, without a token, is HTTP-only", () => {
    const config = loadConfig({
      DISCORD_PUBLIC_KEY: PUBLIC_KEY.toUpperCase(),
      DISCORD_APPLICATION_ID: "123",
      DISCORD_API_URL: "http://127.0.0.1:9999/api",
    });
    assert.equal(config.discord, undefined);
    assert.deepEqual(config.discordHttp, {
      applicationId: "123",
      publicKey: PUBLIC_KEY,
      apiUrl: "http://127.0.0.1:9999/api",
    });
  });

  test("with the token as well, the gateway runs beside it", () => {
    const config = loadConfig({
      DISCORD_PUBLIC_KEY: PUBLIC_KEY,
      DISCORD_APPLICATION_ID: "123",
      DISCORD_TOKEN,
    });
    assert.equal(config.discord?.token, DISCORD_TOKEN);
    assert.equal(config.discordHttp?.publicKey, PUBLIC_KEY);
  });

  test("half set names the missing variable", () => {
    assert.match(
      errorFor({ DISCORD_PUBLIC_KEY: PUBLIC_KEY }).message,
      /DISCORD_APPLICATION_ID is missing/,
    );
    const noKeyNoToken = errorFor({ DISCORD_APPLICATION_ID: "123" }).message;
    assert.match(noKeyNoToken, /DISCORD_TOKEN is missing/);
    assert.match(noKeyNoToken, /DISCORD_PUBLIC_KEY/);
    assert.match(
      errorFor({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_APPLICATION_ID: "1", DISCORD_SHARDS: "2" })
        .message,
      /DISCORD_SHARDS is set but DISCORD_TOKEN is missing/,
    );
  });
});

describe("Slack", () => {
  test("bot token plus app token is Socket Mode", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    assert.equal(config.slack?.mode, "socket");
    assert.equal(config.slack?.botToken, BOT_TOKEN);
    assert.equal(config.slack?.appToken, APP_TOKEN);
    assert.equal(config.discord, undefined);
  });

  test("bot token plus signing secret is HTTP mode", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: "http://127.0.0.1:8888/api/",
    });
    assert.equal(config.slack?.mode, "http");
    assert.equal(config.slack?.signingSecret, SIGNING_SECRET);
    assert.equal(config.slack?.apiUrl, "http://127.0.0.1:8888/api/");
  });

  test("with both, Socket Mode wins", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    });
    assert.equal(config.slack?.mode, "socket");
  });

  test("a bot token alone names both ways to finish", () => {
    const err = errorFor({ SLACK_BOT_TOKEN: BOT_TOKEN });
    assert.match(err.message, /SLACK_APP_TOKEN/);
    assert.match(err.message, /SLACK_SIGNING_SECRET/);
  });

  test("an app token or signing secret without the bot token names SLACK_BOT_TOKEN", () => {
    assert.match(errorFor({ SLACK_APP_TOKEN: APP_TOKEN }).message, /SLACK_BOT_TOKEN is missing/);
    assert.match(
      errorFor({ SLACK_SIGNING_SECRET: SIGNING_SECRET }).message,
      /SLACK_BOT_TOKEN is missing/,
    );
  });

  test("both platforms at once", () => {
    const config = loadConfig({
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: "1",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
    });
    assert.ok(config.discord && config.slack);
  });
});

describe("invalid values name their variable", () => {
  const cases: [string, string][] = [
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["HEALTH_PORT", "http"],
    ["LOG_LEVEL", "loud"],
    ["DISCORD_API_URL", "not a url"],
    ["SLACK_API_URL", "127.0.0.1:80"],
    ["RATE_LIMIT_USER", "8"],
    ["RATE_LIMIT_CHANNEL", "0/10"],
    ["REDIS_URL", "http://127.0.0.1:6379"],
    ["RATE_LIMIT_REDIS_URL", "http://127.0.0.1:6379"],
    ["DISCORD_PUBLIC_KEY", "not-a-key"],
    ["UNANSWERED_RETENTION_DAYS", "0"],
  ];
  for (const [name, value] of cases) {
    test(`${name}=${JSON.stringify(value)}`, () => {
      const err = errorFor({ [name]: value });
      assert.ok(err.message.startsWith(`${name} is not valid`), err.message);
    });
  }
});

describe("secrets never appear in messages", () => {
  test("a secret pasted into the wrong variable is not echoed back", () => {
    for (const secret of SECRETS) {
      for (const name of [
        "PORT",
        "LOG_LEVEL",
        "DISCORD_API_URL",
        "SLACK_API_URL",
        "DISCORD_SHARDS",
      ]) {
        const env =
          name === "DISCORD_SHARDS"
            ? { DISCORD_TOKEN, DISCORD_APPLICATION_ID: "1", [name]: secret }
            : { [name]: secret };
        const err = errorFor(env);
        assert.match(err.message, new RegExp(name));
      }
    }
  });

  test("a redis URL with a password is not echoed back", () => {
    const err = errorFor({ RATE_LIMIT_REDIS_URL: "http://:hunter2secret@127.0.0.1:6379" });
    assert.doesNotMatch(err.message, /hunter2secret/);
  });

  test("missing-partner errors do not repeat the token that was given", () => {
    errorFor({ DISCORD_TOKEN });
    errorFor({ SLACK_BOT_TOKEN: BOT_TOKEN });
    errorFor({ SLACK_APP_TOKEN: APP_TOKEN });
    errorFor({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
  });
});
