/**
 * The Slack app manifest, generated from the command registry so the slash
 * commands Slack shows always match what the bot parses. `npm run manifest`
 * prints it as YAML for "Create New App > From an app manifest".
 */
import { stringify } from "yaml";
import type { AnyCommand } from "../../core/define-command.ts";
import type { OptionSpec } from "../../core/options.ts";

/** The one path Bolt listens on for commands, events and interactivity in HTTP mode. */
export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";

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

/**
 * "[summary|timeline|...]" for a topic, "<question>" for a required question.
 * Booleans are left out: Slack text has no switches (Share in channel does that).
 */
export function usageHint(command: AnyCommand): string {
  const parts: string[] = [];
  for (const [name, spec] of Object.entries(command.options as Record<string, OptionSpec>)) {
    let inner: string;
    if (spec.kind === "choice") inner = spec.choices.map((c) => c.value).join("|");
    else if (spec.kind === "string") inner = name;
    else continue;
    parts.push(spec.required ? `<${inner}>` : `[${inner}]`);
  }
  return parts.join(" ").slice(0, 1000);
}

export function requestUrlFor(base: string): string {
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
  const visible = commands.filter((c) => !c.hidden);

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
        const hint = usageHint(c);
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

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = argv[i] ?? "";
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[i + 1];
}

const USAGE =
  "Usage: npm run manifest -- [--mode socket|http] [--url https://bot.example.com]\n" +
  "  --mode  socket (default; no public URL needed) or http (Slack posts to <url>/slack/events)\n" +
  "  --url   HTTP mode only: the public base URL of the bot\n";

/** Prints the manifest as YAML; returns the process exit code. */
export async function runManifestCli(
  argv: string[],
  registry?: readonly AnyCommand[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    out(USAGE);
    return 0;
  }
  const mode = flag(argv, "--mode") ?? "socket";
  const url = flag(argv, "--url");
  if (mode !== "socket" && mode !== "http") {
    err(`--mode must be "socket" or "http", not "${mode}".\n${USAGE}`);
    return 2;
  }
  if (mode === "http") {
    if (!url) {
      err(`HTTP mode needs --url: the public https address Slack will post to.\n${USAGE}`);
      return 2;
    }
    if (!/^https:\/\/[^\s/]+/.test(url)) {
      err(
        `--url must be an https:// address (Slack only posts to https), e.g. https://bot.example.com.\n`,
      );
      return 2;
    }
  }
  const commands = registry ?? (await import("../../../commands/index.ts")).commands;
  const manifest = buildManifest(commands, { mode, requestUrl: mode === "http" ? url : undefined });
  out(
    `# Slack app manifest for Incident Desk (${mode} mode), generated from the command registry.\n`,
  );
  out(stringify(manifest, { lineWidth: 0 }));
  return 0;
}
