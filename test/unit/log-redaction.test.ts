/**
 * Logs are grepped for the test secrets after logging them in every place
 * they could plausibly end up: config objects, env maps, headers, error
 * messages and stacks, URLs, child-logger bindings and dispatch's own lines.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { commands } from "../../commands/index.ts";
import { loadConfig } from "../../src/config.ts";
import { defineCommand } from "../../src/core/define-command.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { createLogger } from "../../src/core/logger.ts";

const DISCORD_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
const SLACK_BOT_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const SLACK_USER_TOKEN = "xoxp-1234567890-0987654321-1122334455-ZyXwVuTsRqPoNmLkJiHg";
const SLACK_APP_TOKEN = "xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef";
const SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const INTERACTION_TOKEN =
  "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWg";
const REDIS_PASSWORD = "hunter2-redis-pass";
const USER_ID = "987654321098765432";

/** Secrets that can be found by their shape, wherever they appear. */
const SHAPED = [
  DISCORD_TOKEN,
  SLACK_BOT_TOKEN,
  SLACK_USER_TOKEN,
  SLACK_APP_TOKEN,
  INTERACTION_TOKEN,
];
const ALL = [...SHAPED, SLACK_SIGNING_SECRET, REDIS_PASSWORD];

function captured(level = "debug") {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (s: string) => lines.push(s) });
  return { logger, lines, text: () => lines.join("") };
}

function assertClean(text: string, secrets: readonly string[] = ALL) {
  for (const secret of secrets) {
    assert.ok(!text.includes(secret), `log output contains a secret: ${secret.slice(0, 8)}...`);
  }
}

const env = {
  DISCORD_TOKEN,
  DISCORD_APPLICATION_ID: "1098765432109876543",
  SLACK_BOT_TOKEN,
  SLACK_APP_TOKEN,
  SLACK_SIGNING_SECRET,
  REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:6379`,
  RATE_LIMIT_REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:6379`,
};

test("config objects and env maps are redacted by key", () => {
  const { logger, lines, text } = captured();
  const config = loadConfig(env);
  logger.info({ config }, "loaded config");
  logger.info(config, "config at top level");
  logger.info({ env }, "environment");
  logger.info({ slack: config.slack, discord: config.discord }, "platforms");
  assertClean(text());
  assert.equal(lines.length, 4);
  for (const line of lines) JSON.parse(line);
  assert.match(text(), /\[redacted\]/);
});

test("nested token fields and authorization headers are redacted", () => {
  const { logger, text } = captured();
  logger.info({ token: DISCORD_TOKEN }, "top-level token");
  logger.info({ a: { b: { c: { token: SLACK_SIGNING_SECRET } } } }, "deeply nested token");
  logger.info({ a: { b: { c: { d: { e: { token: SLACK_BOT_TOKEN } } } } } }, "very deep token");
  logger.info(
    { req: { method: "POST", headers: { authorization: `Bot ${DISCORD_TOKEN}` } } },
    "request",
  );
  logger.info({ headers: { authorization: `Bearer ${SLACK_BOT_TOKEN}` } }, "slack call");
  logger.info({ headers: { "x-slack-signature": `v0=${SLACK_SIGNING_SECRET}` } }, "signed request");
  assertClean(text());
});

test("tokens inside error messages, stacks, URLs and message strings are scrubbed", () => {
  const { logger, text } = captured();
  logger.error(
    { err: new Error(`fetch failed: https://slack.com/api/auth.test?token=${SLACK_BOT_TOKEN}`) },
    "api call failed",
  );
  logger.error(
    {
      err: new Error(
        `404 on POST https://discord.com/api/v10/interactions/1234567890/${INTERACTION_TOKEN}/callback`,
      ),
    },
    "interaction reply failed",
  );
  logger.error(
    {
      url: `https://discord.com/api/v10/webhooks/1098765432109876543/${INTERACTION_TOKEN}/messages/@original`,
    },
    "follow-up failed",
  );
  const withCause = new Error("login failed", { cause: new Error(`bad token ${DISCORD_TOKEN}`) });
  logger.error({ err: withCause }, "gateway");
  logger.warn(`socket mode could not start with ${SLACK_APP_TOKEN}`);
  logger.warn(`user token ${SLACK_USER_TOKEN} rejected`);
  logger.warn(`redis at redis://default:${REDIS_PASSWORD}@10.0.0.5:6379 is down`);
  logger.child({ auth: `Bot ${DISCORD_TOKEN}` }).info("child with a secret binding");
  assertClean(text());
  // The useful parts of the lines survive the scrubbing.
  assert.match(text(), /interactions\/1234567890\/\[redacted\]\/callback/);
  assert.match(text(), /10\.0\.0\.5:6379/);
});

test("dispatch logs a failing command without tokens or the raw user id", async () => {
  const { logger, lines, text } = captured();
  const leaky = defineCommand({
    name: "leaky",
    description: "Throws an error that carries a token",
    options: {},
    examples: [],
    run() {
      throw new Error(`upstream said: invalid auth ${SLACK_BOT_TOKEN} for ${DISCORD_TOKEN}`);
    },
  });
  const dispatcher = createDispatcher({ commands: [...commands, leaky], logger });
  const who = { platform: "discord" as const, userId: USER_ID, channelId: "555444333222111000" };
  const reply = await dispatcher.dispatch("leaky", {}, who);
  assert.equal(reply.kind, "error");
  await dispatcher.dispatch("ask", { question: "why was bytedance suspended" }, who);
  assertClean(text(), [...ALL, USER_ID, who.channelId]);
  const handled = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request handled");
  assert.equal(handled.length, 2);
  for (const line of handled) {
    assert.match(line.user, /^[0-9a-f]{16}$/);
    assert.match(line.channel, /^[0-9a-f]{16}$/);
    assert.equal(line.platform, "discord");
    assert.equal(typeof line.durationMs, "number");
  }
  const [failed, answered] = handled;
  assert.equal(failed.kind, "error");
  assert.match(failed.errorId, /^[0-9a-f]{8}$/);
  assert.equal(answered.command, "ask");
  assert.equal(answered.kind, "answer");
  assert.equal(answered.answered, true);
  assert.ok(answered.confidence >= 0 && answered.confidence <= 1);
});

test("secret fields are censored in errors, arrays and headers of any case, and the logged object is left as it was", () => {
  const { logger, text } = captured();
  const request = {
    headers: { Authorization: `Bearer ${SLACK_SIGNING_SECRET}` },
    list: [{ password: REDIS_PASSWORD }],
  };
  logger.info(request, "outgoing call");
  const err = Object.assign(new Error("call failed"), {
    config: { headers: { authorization: SLACK_SIGNING_SECRET } },
  });
  logger.error({ err }, "call failed");
  assertClean(text());
  assert.match(text(), /"stack":/, "the error keeps its stack");
  assert.equal(request.headers.Authorization, `Bearer ${SLACK_SIGNING_SECRET}`);
  assert.equal(request.list[0]?.password, REDIS_PASSWORD);
  assert.equal(err.config.headers.authorization, SLACK_SIGNING_SECRET);
});
