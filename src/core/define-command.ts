import type { ConversationHandle } from "./conversation.ts";
import type { OptionSpec, OptionValues } from "./options.ts";
import type { Reply } from "./reply.ts";

export type Platform = "discord" | "slack" | "console" | "cli";

/** What a command may know about the request: never a platform object. */
export interface CommandContext {
  platform: Platform;
  /** The registry of visible commands, for /help. */
  commands: readonly AnyCommand[];
  /** This conversation's previous turn, for follow-ups; absent where nothing is remembered. */
  conversation?: ConversationHandle;
}

export interface CommandDefinition<Opts extends Record<string, OptionSpec>> {
  /** Lower-case, 1-32 characters: the slash command's name everywhere. */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  options: Opts;
  /** Example invocations shown in help, without the leading slash. */
  examples: string[];
  /** Hidden commands serve button clicks and are never registered on a platform. */
  hidden?: boolean;
  run(options: NoInfer<OptionValues<Opts>>, ctx: CommandContext): Reply | Promise<Reply>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of every option shape
export type AnyCommand = CommandDefinition<any>;

/** The commands users see: hidden ones serve buttons only. */
export function visibleCommands(commands: readonly AnyCommand[]): AnyCommand[] {
  return commands.filter((c) => !c.hidden);
}

/** Declares a command; the identity function gives `run` typed options. */
export function defineCommand<Opts extends Record<string, OptionSpec>>(
  definition: CommandDefinition<Opts>,
): CommandDefinition<Opts> {
  return definition;
}
