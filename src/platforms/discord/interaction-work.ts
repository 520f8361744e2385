/**
 * What an interaction asks for, the same over the gateway and over HTTP:
 * autocomplete choices within Discord's limits, and the work behind a button
 * click. Neither imports discord.js, so the HTTP path can run without it.
 */
import { decodeCustomId } from "../../core/custom-id.ts";
import type { Dispatcher, Requester } from "../../core/dispatch.ts";
import type { Reply } from "../../core/reply.ts";

/** Discord allows 3 s to acknowledge; defer well before that. */
export const DEFER_AFTER_MS = 1500;

/** Discord's limits for an autocomplete answer. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

function clip(text: string): string {
  return text.length <= MAX_CHOICE_LENGTH ? text : `${text.slice(0, MAX_CHOICE_LENGTH - 1)}…`;
}

export function autocompleteChoices(suggestions: string[]): { name: string; value: string }[] {
  // A value must round-trip as the option's text, so a too-long suggestion is dropped, not cut.
  return suggestions
    .filter((s) => s.length > 0 && s.length <= MAX_CHOICE_LENGTH)
    .slice(0, MAX_CHOICES)
    .map((s) => ({ name: clip(s), value: s }));
}

export interface ButtonWork {
  /** Whether a deferral should be private: everything but Share answers only the clicker. */
  ephemeralHint: boolean;
  run(): Promise<Reply>;
}

/** The work behind a button, or undefined for a custom id that is not ours. */
export function buttonWork(
  dispatcher: Dispatcher,
  customId: string,
  who: Requester,
): ButtonWork | undefined {
  const decoded = decodeCustomId(customId);
  if (!decoded) return undefined;
  const { action, replay } = decoded;
  return {
    ephemeralHint: action !== "share",
    // dispatcher.replay decides visibility: only Share answers in public.
    run: () => dispatcher.replay(replay, action, who),
  };
}
