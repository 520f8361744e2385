/**
 * Start-up against the loopback Slack: bad tokens and missing scopes fail
 * with a message that names the fix and never the token.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { commands } from "../../commands/index.ts";
import type { SlackConfig } from "../../src/config.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { SlackStartError, startSlack } from "../../src/platforms/slack/index.ts";
import { DEFAULT_SCOPES, type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";

const dispatcher = createDispatcher({ commands });
const BOT = "xoxb-secret-bot-token";
const APP = "xapp-secret-app-token";

let slack: SlackStandIn;

function http(): SlackConfig {
  return { botToken: BOT, mode: "http", signingSecret: "s", apiUrl: slack.apiUrl };
}

async function startError(config: SlackConfig): Promise<SlackStartError> {
  try {
    const running = await startSlack(config, dispatcher, silentLogger, {
      port: 0,
      host: "127.0.0.1",
    });
    await running.stop();
  } catch (err) {
    assert.ok(err instanceof SlackStartError, String(err));
    assert.ok(!err.message.includes(BOT) && !err.message.includes(APP), "token in message");
    return err;
  }
  assert.fail("start should have failed");
}

describe("Slack start-up errors", () => {
  before(async () => {
    slack = await startSlackStandIn();
  });
  beforeEach(() => {
    slack.authError = undefined;
    slack.scopes = [...DEFAULT_SCOPES];
  });
  after(async () => {
    await slack?.close();
  });

  for (const code of ["invalid_auth", "not_authed"]) {
    it(`explains ${code} on the bot token`, async () => {
      slack.authError = code;
      const err = await startError(http());
      assert.match(err.message, new RegExp(code));
      assert.match(err.message, /SLACK_BOT_TOKEN/);
      assert.match(err.message, /OAuth & Permissions/);
    });
  }

  it("names the missing scope and how to add it", async () => {
    slack.scopes = ["commands", "chat:write"];
    const err = await startError(http());
    assert.match(err.message, /app_mentions:read, im:history/);
    assert.match(err.message, /missing_scope/);
    assert.match(err.message, /reinstall/);
  });

  it("spots an app-level token in SLACK_BOT_TOKEN", async () => {
    const err = await startError({ ...http(), botToken: APP });
    assert.match(err.message, /SLACK_APP_TOKEN/);
  });

  it("explains a rejected app token in Socket Mode", async () => {
    slack.failNext("apps.connections.open", { error: "invalid_auth" });
    const config: SlackConfig = {
      botToken: BOT,
      mode: "socket",
      appToken: APP,
      apiUrl: slack.apiUrl,
    };
    const err = await startError(config);
    assert.match(err.message, /SLACK_APP_TOKEN \(invalid_auth\)/);
    assert.match(err.message, /App-Level Tokens/);
    assert.equal(slack.connections, 0);
  });

  it("reports an unreachable Slack without the token", async () => {
    const err = await startError({ ...http(), apiUrl: "http://127.0.0.1:9/api/" });
    assert.match(err.message, /Could not reach Slack at http:\/\/127.0.0.1:9\/api\//);
  });
});
