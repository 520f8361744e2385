/**
 * Cleans what a user typed before matching and before display: Unicode NFKC,
 * no control, zero-width or bidirectional-override characters, no platform
 * mentions or markup, bounded length.
 */

import { stripInvisible } from "../core/sanitize.ts";

/** Questions longer than this are refused with a message that names the limit. */
export const MAX_QUESTION_LENGTH = 500;

// Discord: <@123>, <@!123>, <@&123>, <#123>, <:emoji:123>, <t:123:R>; Slack: <@U123>, <#C1|name>, <!here>, <url|label>.
const PLATFORM_TOKENS =
  /<(?:[@#!&][^<>\s]*|a?:\w+:\d+|t:\d+(?::\w)?|(?:https?|mailto):[^<>|\s]*(?:\|([^<>]*))?)>/gi;

/** Drops mentions and markup so only the words of the question remain. */
export function stripMarkup(text: string): string {
  return text
    .replace(PLATFORM_TOKENS, (_m, label: string | undefined) => (label ? ` ${label} ` : " "))
    .replace(/@(everyone|here|channel)\b/gi, " ")
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```/g, " "))
    .replace(/[*_~`|>#]+/g, " ")
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1");
}

/** The question as matched: clean, single-spaced, at most MAX_QUESTION_LENGTH characters. */
export function normalizeQuestion(raw: string): string {
  // Cut long input before any pattern runs, so cost stays bounded whatever is typed.
  return stripMarkup(stripInvisible(raw.slice(0, MAX_QUESTION_LENGTH * 4)))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_LENGTH);
}
