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
import type { Dispatcher, Requester } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import { autocompleteChoices, buttonWork } from "./interaction-work.ts";
import { type RespondOptions, respond } from "./respond.ts";
import { describeRestError } from "./rest-errors.ts";

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
  try {
    await interaction.respond(autocompleteChoices(suggestions));
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
  const work = buttonWork(dispatcher, interaction.customId, requester(interaction));
  if (!work) {
    logger.warn({ interaction: interaction.id }, "button with an unknown custom id ignored");
    return;
  }
  await respond(interaction, work.run, logger, {
    ...replyOptions,
    ephemeralHint: work.ephemeralHint,
  });
}
