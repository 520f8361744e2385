/**
 * Command definitions -> Discord's slash-command JSON. Generated, so the
 * registry stays the only list of commands: names, descriptions, choices,
 * length limits and autocomplete all come from `defineCommand`.
 */
import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { AnyCommand } from "../../core/define-command.ts";
import type { OptionSpec } from "../../core/options.ts";

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's limits for command JSON. */
const MAX_DESCRIPTION = 100;
const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;
const MAX_STRING_LENGTH = 6000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function optionJson(name: string, spec: OptionSpec): APIApplicationCommandOption {
  const base = {
    name,
    description: clip(spec.description, MAX_DESCRIPTION),
    required: spec.required,
  };
  switch (spec.kind) {
    case "string":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        min_length: spec.minLength,
        max_length: Math.min(spec.maxLength, MAX_STRING_LENGTH),
        // Discord forbids choices and autocomplete together; strings only ever use autocomplete.
        autocomplete: Boolean(spec.autocomplete),
      };
    case "choice":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: spec.choices.slice(0, MAX_CHOICES).map((c) => ({
          name: clip(`${c.value}: ${c.description}`, MAX_CHOICE_NAME),
          value: c.value,
        })),
      };
    case "boolean":
      return { ...base, type: ApplicationCommandOptionType.Boolean };
  }
}

export function commandJson(command: AnyCommand): CommandJson {
  const options = Object.entries(command.options as Record<string, OptionSpec>).map(
    ([name, spec]) => optionJson(name, spec),
  );
  // Discord requires required options to come first.
  options.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return {
    name: command.name,
    description: clip(command.description, MAX_DESCRIPTION),
    type: ApplicationCommandType.ChatInput,
    options,
    // Usable in servers and in the bot's DMs, for a bot installed to a server.
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** JSON for every visible command; hidden ones (button replays) are never registered. */
export function commandsJson(commands: readonly AnyCommand[]): CommandJson[] {
  return commands.filter((c) => !c.hidden).map(commandJson);
}
