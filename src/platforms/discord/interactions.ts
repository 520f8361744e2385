/**
 * Interaction events -> dispatcher: slash commands, autocomplete and button
 * clicks. Everything a handler does is awaited inside a catch, so no rejected
 * promise escapes into the process.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
} from "discord.js";
import { decodeCustomId } from "../../core/custom-id.ts";
import type { Dispatcher, Requester } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import { type RespondOptions, respond } from "./respond.ts";
import { describeRestError } from "./rest-errors.ts";

/** Discord's limits for an autocomplete answer. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

function requester(interaction: Interaction): Requester {
  return {
    platform: "discord",
    userId: interaction.user.id,
    channelId: interaction.channelId ?? undefined,
  };
}

/** How replies are sent: the deferral threshold and the picture renderer (see respond.ts). */
export type ReplyOptions = Omit<RespondOptions, "ephemeralHint">;

export function handleInteraction(
  interaction: Interaction,
  dispatcher: Dispatcher,
  logger: Logger,
  replyOptions: ReplyOptions = {},
): Promise<void> {
  const run = async () => {
    if (interaction.isChatInputCommand())
      return onCommand(interaction, dispatcher, logger, replyOptions);
    if (interaction.isAutocomplete()) return onAutocomplete(interaction, dispatcher, logger);
    if (interaction.isButton()) return onButton(interaction, dispatcher, logger, replyOptions);
  };
  return run().catch((err) =>
    logger.error({ err, interaction: interaction.id }, "interaction handler failed"),
  );
}

async function onCommand(
  interaction: ChatInputCommandInteraction,
  dispatcher: Dispatcher,
  logger: Logger,
  replyOptions: ReplyOptions,
) {
  const options: Record<string, unknown> = {};
  for (const opt of interaction.options.data) options[opt.name] = opt.value;
  await respond(
    interaction,
    () => dispatcher.dispatch(interaction.commandName, options, requester(interaction)),
    logger,
    { ...replyOptions, ephemeralHint: options.public !== true },
  );
}

function clip(text: string): string {
  return text.length <= MAX_CHOICE_LENGTH ? text : `${text.slice(0, MAX_CHOICE_LENGTH - 1)}…`;
}

async function onAutocomplete(
  interaction: AutocompleteInteraction,
  dispatcher: Dispatcher,
  logger: Logger,
) {
  const focused = interaction.options.getFocused(true);
  const suggestions = dispatcher.autocomplete(
    interaction.commandName,
    focused.name,
    String(focused.value),
  );
  // A value must round-trip as the option's text, so a too-long suggestion is dropped, not cut.
  const choices = suggestions
    .filter((s) => s.length > 0 && s.length <= MAX_CHOICE_LENGTH)
    .slice(0, MAX_CHOICES)
    .map((s) => ({ name: clip(s), value: s }));
  try {
    await interaction.respond(choices);
  } catch (err) {
    logger.warn(
      { ...describeRestError(err), interaction: interaction.id },
      "could not answer autocomplete",
    );
  }
}

async function onButton(
  interaction: ButtonInteraction,
  dispatcher: Dispatcher,
  logger: Logger,
  replyOptions: ReplyOptions,
) {
  const decoded = decodeCustomId(interaction.customId);
  if (!decoded) {
    logger.warn({ interaction: interaction.id }, "button with an unknown custom id ignored");
    return;
  }
  const { action, replay } = decoded;
  const work = () => dispatcher.replay(replay, action, requester(interaction));
  await respond(interaction, work, logger, { ...replyOptions, ephemeralHint: action !== "share" });
}
