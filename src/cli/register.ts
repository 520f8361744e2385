/**
 * `npm run register`: puts every visible command on Discord (guild when
 * DISCORD_GUILD_ID is set, for instant updates; otherwise global), says what
 * changed and prints the invite URL.
 */
import { config as loadDotenv } from "dotenv";
import { commands } from "../../commands/index.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { visibleCommands } from "../core/define-command.ts";
import { commandsJson } from "../platforms/discord/command-json.ts";
import { inviteUrl } from "../platforms/discord/invite.ts";
import { explainDiscordError } from "../platforms/discord/rest-errors.ts";
import { type CommandChanges, syncCommands } from "../platforms/discord/sync-commands.ts";
import { EXIT, type Io, parseCommandLine, stdio } from "./args.ts";

const USAGE = `Usage: npm run register -- [--dry-run] [--global] [--clear]

  (no flag)  register the slash commands: to DISCORD_GUILD_ID when set (available at once),
             otherwise globally (up to an hour to appear everywhere); needs DISCORD_TOKEN
             and DISCORD_APPLICATION_ID (in .env)
  --dry-run  only print the command JSON; calls nothing, needs no token
  --global   register globally even when DISCORD_GUILD_ID is set
  --clear    remove every command from the target (e.g. a dev guild's copies after going global)`;

const names = (list: string[]) => (list.length ? list.join(", ") : "none");

/** What happened, as sentences. */
function describeChanges(changes: CommandChanges, count: number, guildId?: string): string[] {
  const guild = changes.scope === "guild";
  const where = guild ? `in guild ${guildId}` : "globally";
  const when = guild
    ? "they are available there at once"
    : "they may take up to an hour to appear everywhere";
  const done =
    count === 0
      ? `Removed every command ${where} with one bulk overwrite.`
      : `Registered ${count} command${count === 1 ? "" : "s"} ${where} with one bulk overwrite; ${when}.`;
  return [
    done,
    `Compared with before: added ${names(changes.added)}; updated ${names(changes.updated)}; removed ${names(changes.removed)}; unchanged ${names(changes.unchanged)}.`,
  ];
}

/** `env` defaults to the process environment, with .env loaded into it (existing variables win). */
export async function runRegisterCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = stdio,
): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      usage: USAGE,
      options: {
        "dry-run": { type: "boolean" },
        global: { type: "boolean" },
        clear: { type: "boolean" },
      },
    },
    io,
  );
  if (typeof args === "number") return args;
  const body = args.values.clear ? [] : commandsJson(visibleCommands(commands));
  if (args.values["dry-run"]) {
    io.out(JSON.stringify(body, null, 2));
    return EXIT.ok;
  }

  if (env === process.env) loadDotenv({ quiet: true });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(err.message);
    return EXIT.failed;
  }
  const discord = config.discord;
  if (!discord && config.discordHttp) {
    io.err(
      "npm run register needs DISCORD_TOKEN (Bot > Reset Token), also for a bot that answers over HTTP interactions only. Give it to this command alone: DISCORD_TOKEN=... npm run register",
    );
    return EXIT.failed;
  }
  if (!discord) {
    io.err(
      "DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set. Put both in .env (see docs/discord.md, steps 1-3), or run with --dry-run to only print the command JSON.",
    );
    return EXIT.failed;
  }
  const target = args.values.global ? { ...discord, guildId: undefined } : discord;

  try {
    const changes = await syncCommands(target, body);
    for (const line of describeChanges(changes, body.length, target.guildId)) io.out(line);
    io.out("");
    io.out("Invite the bot (scopes bot + applications.commands, minimal permissions):");
    io.out(`  ${inviteUrl(target.applicationId)}`);
    return EXIT.ok;
  } catch (err) {
    const explained = explainDiscordError(err);
    io.err(
      `Registration failed: ${explained?.message ?? (err instanceof Error ? err.message : String(err))}`,
    );
    return EXIT.failed;
  }
}
