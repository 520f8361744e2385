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
import { renderReply } from "./render.ts";
import { describeRestError } from "./rest-errors.ts";

/** Discord allows 3 s to acknowledge; defer well before that. */
export const DEFER_AFTER_MS = 1500;

type State = "fresh" | "deferring" | "deferred" | "replied" | "failed";

export interface RespondOptions {
  /** Whether a deferral should be private, guessed before the reply exists. */
  ephemeralHint: boolean;
  deferAfterMs?: number;
}

const TIMED_OUT = Symbol("timed out");

export async function respond(
  interaction: RepliableInteraction,
  work: () => Promise<Reply>,
  logger: Logger,
  options: RespondOptions,
): Promise<void> {
  let state: State = "fresh";
  const log = logger.child({ interaction: interaction.id });
  const pending = work();
  let timer: NodeJS.Timeout | undefined;
  const first = await Promise.race([
    pending,
    new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), options.deferAfterMs ?? DEFER_AFTER_MS);
    }),
  ]).finally(() => clearTimeout(timer));

  if (first === TIMED_OUT) {
    state = "deferring";
    try {
      await interaction.deferReply(options.ephemeralHint ? { flags: "Ephemeral" } : {});
      state = "deferred";
    } catch (err) {
      state = "failed";
      log.warn({ ...describeRestError(err) }, "could not defer the interaction");
    }
  }
  const reply = first === TIMED_OUT ? await pending : first;
  if (state === "failed") return;

  const message = renderReply(reply, "interaction");
  try {
    if (state === "deferred") {
      // Visibility was fixed by the deferral; an edit cannot change it.
      const { flags: _flags, ...edit } = message;
      await interaction.editReply(edit);
    } else {
      state = "replied";
      await interaction.reply(message);
    }
  } catch (err) {
    state = "failed";
    log.warn({ ...describeRestError(err) }, "could not send the reply");
  }
}
