/**
 * The Slack app manifest, generated from the command registry so the slash
 * commands Slack shows always match what the bot parses. `npm run manifest`
 * (src/cli/manifest.ts) prints it as YAML for "Create New App > From an app
 * manifest".
 */
import { type AnyCommand, visibleCommands } from "../../core/define-command.ts";
import { usageArguments } from "../../core/usage.ts";

/** The one path Bolt listens on for commands, events and interactivity in HTTP mode. */
export const EVENTS_PATH = "/slack/events";

/** The least the bot needs to answer: slash commands, posting replies, mentions, and DMs. */
export const REQUIRED_SCOPES = [
  "commands",
  "chat:write",
  "app_mentions:read",
  "im:history",
] as const;
/**
 * Uploading the pictures (files.uploadV2) needs files:write. Without it the bot
 * still answers, in text, and says so once at start.
 */
export const PICTURE_SCOPE = "files:write";
export const BOT_SCOPES = [...REQUIRED_SCOPES, PICTURE_SCOPE] as const;
export const BOT_EVENTS = ["app_mention", "message.im"] as const;

export interface ManifestOptions {
  mode: "socket" | "http";
  /** HTTP mode: the public base URL; EVENTS_PATH is appended. */
  requestUrl?: string;
}

/** Slack's limit for a slash command's usage hint. */
const MAX_USAGE_HINT = 1000;

function requestUrlFor(base: string): string {
  return `${base.replace(/\/+$/, "")}${EVENTS_PATH}`;
}

function longDescription(commands: readonly AnyCommand[]): string {
  const names = commands.map((c) => `/${c.name}`).join(", ");
  return (
    "Incident Desk answers questions about OpenAI suspending ByteDance's API account in December 2023 " +
    "and about OpenAI's rule against using its output to build competing models. Every answer comes " +
    "from a checked set of facts and names its sources; when the sources do not say, it says so. " +
    `Use ${names}, mention the app in a channel, or send it a direct message.`
  );
}

export function buildManifest(commands: readonly AnyCommand[], opts: ManifestOptions): object {
  const http = opts.mode === "http";
  const url = http && opts.requestUrl ? requestUrlFor(opts.requestUrl) : undefined;
  const withUrl = <T extends object>(o: T) => (url ? { ...o, request_url: url } : o);
  const visible = visibleCommands(commands);

  return {
    display_information: {
      name: "Incident Desk",
      description: "Sourced answers about OpenAI's 2023 suspension of ByteDance's API account.",
      long_description: longDescription(visible),
      background_color: "#1f2933",
    },
    features: {
      app_home: {
        home_tab_enabled: false,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: "Incident Desk", always_online: true },
      slash_commands: visible.map((c) => {
        const hint = usageArguments(c).slice(0, MAX_USAGE_HINT);
        return {
          command: `/${c.name}`,
          ...(url ? { url } : {}),
          description: c.description,
          ...(hint ? { usage_hint: hint } : {}),
          should_escape: false,
        };
      }),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: withUrl({ bot_events: [...BOT_EVENTS] }),
      interactivity: withUrl({ is_enabled: true }),
      org_deploy_enabled: false,
      socket_mode_enabled: !http,
      token_rotation_enabled: false,
    },
  };
}
