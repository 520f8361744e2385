/** `manifest`: the Slack app manifest as YAML, for "Create New App > From an app manifest". */
import { stringify } from "yaml";
import type { AnyCommand } from "../core/define-command.ts";
import { buildManifest } from "../platforms/slack/manifest.ts";
import { EXIT, type Io, parseCommandLine, stdio, usageError } from "./args.ts";

const USAGE = `Usage: npm run --silent manifest -- [--mode socket|http] [--url https://bot.example.com]

  --mode  socket (default; no public URL needed) or http (Slack posts to <url>/slack/events)
  --url   with --mode http, and only then: the bot's public https base URL`;

/** Prints the manifest as YAML; returns the process exit code. */
export async function runManifestCli(
  argv: string[],
  io: Io = stdio,
  registry?: readonly AnyCommand[],
): Promise<number> {
  const args = parseCommandLine(
    argv,
    { usage: USAGE, options: { mode: { type: "string" }, url: { type: "string" } } },
    io,
  );
  if (typeof args === "number") return args;
  const { mode = "socket", url } = args.values;
  if (mode !== "socket" && mode !== "http")
    return usageError(USAGE, `--mode must be "socket" or "http", not "${mode}".`, io);
  if (mode === "socket" && url !== undefined)
    return usageError(
      USAGE,
      "--url is for HTTP mode: add --mode http (Socket Mode needs no URL).",
      io,
    );
  if (mode === "http" && !url)
    return usageError(
      USAGE,
      "HTTP mode needs --url: the public https address Slack will post to.",
      io,
    );
  if (mode === "http" && !/^https:\/\/[^\s/]+/.test(url ?? ""))
    return usageError(
      USAGE,
      "--url must be an https:// address (Slack only posts to https), e.g. https://bot.example.com.",
      io,
    );
  const commands = registry ?? (await import("../../commands/index.ts")).commands;
  const manifest = buildManifest(commands, { mode, requestUrl: url });
  io.out(
    `# Slack app manifest for Incident Desk (${mode} mode), generated from the command registry.`,
  );
  io.out(stringify(manifest, { lineWidth: 0 }).trimEnd());
  return EXIT.ok;
}
