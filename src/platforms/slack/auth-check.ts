/**
 * Checks the bot token once at start (auth.test) so a wrong token or a
 * missing scope fails with a message that names the fix, instead of every
 * later request failing quietly. Token values never appear in messages.
 */
import { webApi } from "@slack/bolt";
import { BOT_SCOPES, REQUIRED_SCOPES } from "./manifest.ts";

export class SlackStartError extends Error {
  override name = "SlackStartError";
}

export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId?: string;
  /** The token's scopes, when Slack reported them. */
  scopes?: string[];
}

const BAD_TOKEN = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
]);

function platformError(err: unknown): string | undefined {
  if (err && typeof err === "object" && "data" in err) {
    const data = (err as { data?: { error?: unknown } }).data;
    if (typeof data?.error === "string") return data.error;
  }
  return undefined;
}

function explainBotTokenError(code: string): string {
  if (BAD_TOKEN.has(code)) {
    return `Slack rejected SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (it starts with xoxb-) from your app's "OAuth & Permissions" page into SLACK_BOT_TOKEN; if the app was uninstalled or the token revoked, reinstall the app to the workspace first.`;
  }
  if (code === "missing_scope") {
    return `Slack says the bot token is missing a scope (missing_scope). Add the scopes ${BOT_SCOPES.join(", ")} under "OAuth & Permissions > Scopes" (or recreate the app from \`npm run manifest\`), then reinstall the app to the workspace.`;
  }
  return `Slack's auth.test failed (${code}). Check SLACK_BOT_TOKEN and that the app is installed to the workspace.`;
}

function explainAppTokenError(code: string): string {
  if (BAD_TOKEN.has(code)) {
    return `Slack rejected SLACK_APP_TOKEN (${code}). Create an App-Level Token with the connections:write scope under "Basic Information > App-Level Tokens" (it starts with xapp-) and put it in SLACK_APP_TOKEN; make sure Socket Mode is enabled for the app.`;
  }
  if (code === "missing_scope") {
    return `SLACK_APP_TOKEN lacks the connections:write scope (missing_scope). Generate a new App-Level Token with connections:write under "Basic Information > App-Level Tokens".`;
  }
  return `Slack refused the Socket Mode connection (${code}). Check SLACK_APP_TOKEN and that Socket Mode is enabled for the app ("Settings > Socket Mode").`;
}

/** Wraps an error from connecting Socket Mode into a clear start error. */
export function socketStartError(err: unknown, apiUrl: string | undefined): SlackStartError {
  const code = platformError(err);
  if (code) return new SlackStartError(explainAppTokenError(code));
  const detail = err instanceof Error ? err.message : String(err);
  return new SlackStartError(
    `Could not open a Socket Mode connection to Slack${apiUrl ? ` at ${apiUrl}` : ""}: ${detail}`,
  );
}

export async function checkBotToken(
  botToken: string,
  clientOptions: webApi.WebClientOptions,
): Promise<BotIdentity> {
  if (botToken.startsWith("xapp-")) {
    throw new SlackStartError(
      'SLACK_BOT_TOKEN holds an app-level token (xapp-...). Put that one in SLACK_APP_TOKEN, and copy the Bot User OAuth Token (xoxb-...) from "OAuth & Permissions" into SLACK_BOT_TOKEN.',
    );
  }
  const client = new webApi.WebClient(botToken, clientOptions);
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (err) {
    const code = platformError(err);
    if (code) throw new SlackStartError(explainBotTokenError(code));
    const where = clientOptions.slackApiUrl ?? "https://slack.com/api/";
    const detail = err instanceof Error ? err.message : String(err);
    throw new SlackStartError(
      `Could not reach Slack at ${where}: ${detail}. Check the network (or SLACK_API_URL).`,
    );
  }
  if (!result.user_id || !result.bot_id) {
    throw new SlackStartError(
      'SLACK_BOT_TOKEN is not a bot token. Copy the Bot User OAuth Token (xoxb-...) from "OAuth & Permissions".',
    );
  }
  // Slack reports the token's scopes in a header; only check when it is there.
  const granted = result.response_metadata?.scopes;
  if (granted) {
    const missing = REQUIRED_SCOPES.filter((s) => !granted.includes(s));
    if (missing.length > 0) {
      throw new SlackStartError(
        `The Slack app is missing the bot scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (missing_scope). Add ${missing.length > 1 ? "them" : "it"} under "OAuth & Permissions > Scopes" (or recreate the app from \`npm run manifest\`), then reinstall the app to the workspace so the token gets the new scopes.`,
      );
    }
  }
  return {
    botUserId: result.user_id,
    botId: result.bot_id,
    teamId: result.team_id,
    scopes: granted,
  };
}
