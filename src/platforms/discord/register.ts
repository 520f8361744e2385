/**
 * `npm run register`: puts every visible command on Discord (guild when
 * DISCORD_GUILD_ID is set, for instant updates; otherwise global), prints what
 * changed and the invite URL. `--dry-run` prints the JSON without calling
 * Discord; `--global` ignores DISCORD_GUILD_ID; `--clear` removes every
 * command from the target (e.g. a dev guild's copies after going global).
 */
import { config as loadDotenv } from "dotenv";
import { commands } from "../../../commands/index.ts";
import { ConfigError, loadConfig } from "../../config.ts";
import { createDispatcher } from "../../core/dispatch.ts";
import { commandsJson } from "./command-json.ts";
import { inviteUrl } from "./invite.ts";
import { explainDiscordError } from "./rest-errors.ts";
import { syncCommands } from "./sync-commands.ts";

export interface RegisterIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const stdio: RegisterIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `env` defaults to the process environment, with .env loaded into it (existing variables win). */
export async function runRegisterCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: RegisterIo = stdio,
): Promise<number> {
  const dryRun = argv.includes("--dry-run");
  const forceGlobal = argv.includes("--global");
  const clear = argv.includes("--clear");
  const body = clear ? [] : commandsJson(createDispatcher({ commands }).commands);
  if (dryRun) {
    io.out(JSON.stringify(body, null, 2));
    return 0;
  }

  if (env === process.env) loadDotenv({ quiet: true });
  let discord: ReturnType<typeof loadConfig>["discord"];
  try {
    discord = loadConfig(env).discord;
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
  if (!discord) {
    io.err(
      "DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set. Put both in .env (see docs/discord.md, steps 1-3), or run with --dry-run to only print the command JSON.",
    );
    return 1;
  }
  const target = forceGlobal ? { ...discord, guildId: undefined } : discord;

  try {
    const changes = await syncCommands(target, body);
    const where =
      changes.scope === "guild"
        ? `guild ${target.guildId} (available at once)`
        : "globally (may take up to an hour to appear everywhere)";
    io.out(`Registered ${body.length} commands ${where} with one bulk overwrite.`);
    io.out(`  added:     ${changes.added.join(", ") || "none"}`);
    io.out(`  updated:   ${changes.updated.join(", ") || "none"}`);
    io.out(`  removed:   ${changes.removed.join(", ") || "none"}`);
    io.out(`  unchanged: ${changes.unchanged.join(", ") || "none"}`);
    io.out("");
    io.out("Invite the bot (scopes bot + applications.commands, minimal permissions):");
    io.out(`  ${inviteUrl(target.applicationId)}`);
    return 0;
  } catch (err) {
    const explained = explainDiscordError(err);
    io.err(
      `Registration failed: ${explained?.message ?? (err instanceof Error ? err.message : String(err))}`,
    );
    return 1;
  }
}
