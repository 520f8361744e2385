/**
 * The one response path for interactions. It acknowledges exactly once:
 * a direct reply when the answer is ready in time (the usual case, since
 * dispatch is fast), or a deferral when work runs past DEFER_AFTER_MS and an
 * edit of the deferred reply afterwards. It tracks that state itself, so
 * "already acknowledged" cannot happen, and it never throws: REST failures
 * (500, 429 after retries, missing access) are logged and the bot carries on.
 */

import type { RepliableInteraction } from "discord.js";
import type { Logger } from "../../core/logger.ts";
import type { Reply } from "../../core/reply.ts";
import { within } from "../../core/within.ts";
import { type PictureRenderer, pictureFor } from "../../pictures/index.ts";
import { DEFER_AFTER_MS } from "./interaction-work.ts";
import { renderReply } from "./render.ts";
import { describeRestError, retryRest } from "./rest-errors.ts";

type State = "fresh" | "deferring" | "deferred" | "replied" | "failed";

export interface RespondOptions {
  /** Whether a deferral should be private, guessed before the reply exists. */
  ephemeralHint: boolean;
  deferAfterMs?: number;
  /** Renders the reply's picture, if it has one (the default renders from the facts). */
  pictures?: PictureRenderer;
}

export async function respond(
  interaction: RepliableInteraction,
  work: () => Promise<Reply>,
  logger: Logger,
  options: RespondOptions,
): Promise<void> {
  let state: State = "fresh";
  const log = logger.child({ interaction: interaction.id });
  // The picture is part of the work, so a slow first render is covered by the deferral.
  const pending = work().then(async (reply) => ({
    reply,
    picture: await pictureFor(reply, log, options.pictures),
  }));
  const first = await within(pending, options.deferAfterMs ?? DEFER_AFTER_MS);

  if (first === undefined) {
    state = "deferring";
    try {
      await interaction.deferReply(options.ephemeralHint ? { flags: "Ephemeral" } : {});
      state = "deferred";
    } catch (err) {
      state = "failed";
      log.warn({ ...describeRestError(err) }, "could not defer the interaction");
    }
  }
  const { reply, picture } = first ?? (await pending);
  if (state === "failed") return;

  const message = renderReply(reply, "interaction", picture);
  try {
    if (state === "deferred" && reply.ephemeral && !options.ephemeralHint) {
      // A public deferral cannot turn private (a late "slow down" or error):
      // take it down and tell the asker alone.
      await interaction.deleteReply();
      await interaction.followUp(message);
    } else if (state === "deferred") {
      // Visibility was fixed by the deferral; an edit cannot change it.
      const { flags: _flags, ...edit } = message;
      await retryRest(() => interaction.editReply(edit));
    } else {
      state = "replied";
      await retryRest(() => interaction.reply(message));
    }
  } catch (err) {
    state = "failed";
    log.warn({ ...describeRestError(err) }, "could not send the reply");
  }
}
