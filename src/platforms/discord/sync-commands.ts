/**
 * Puts the command JSON on Discord with one bulk overwrite (PUT), after
 * reading what was there (GET) so the caller can say what changed.
 */
import { REST, Routes } from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import type { commandJson } from "./command-json.ts";

type CommandJson = ReturnType<typeof commandJson>;

export interface CommandChanges {
  scope: "guild" | "global";
  route: string;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** The fields Discord stores that we set, with defaults made explicit, for comparison. */
function comparable(command: Record<string, unknown>): string {
  const options = ((command.options as Record<string, unknown>[] | undefined) ?? []).map((o) => ({
    name: o.name,
    description: o.description,
    type: o.type,
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    choices: ((o.choices as { name: string; value: unknown }[] | undefined) ?? []).map((c) => [
      c.name,
      c.value,
    ]),
  }));
  return JSON.stringify({ description: command.description, options });
}

export function diffCommands(
  existing: Record<string, unknown>[],
  next: CommandJson[],
): Omit<CommandChanges, "scope" | "route"> {
  const before = new Map(existing.map((c) => [String(c.name), comparable(c)]));
  const after = new Set(next.map((c) => c.name));
  const changes = {
    added: [] as string[],
    updated: [] as string[],
    removed: [] as string[],
    unchanged: [] as string[],
  };
  for (const command of next) {
    const old = before.get(command.name);
    if (old === undefined) changes.added.push(command.name);
    else if (old !== comparable(command as unknown as Record<string, unknown>))
      changes.updated.push(command.name);
    else changes.unchanged.push(command.name);
  }
  for (const name of before.keys()) if (!after.has(name)) changes.removed.push(name);
  return changes;
}

export async function syncCommands(
  config: Pick<DiscordConfig, "token" | "applicationId" | "guildId" | "apiUrl">,
  body: CommandJson[],
): Promise<CommandChanges> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const existing = (await rest.get(route)) as Record<string, unknown>[];
  const changes = diffCommands(existing, body);
  await rest.put(route, { body });
  return { scope: config.guildId ? "guild" : "global", route, ...changes };
}
