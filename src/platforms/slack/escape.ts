/**
 * Slack text safety. Slack parses `<...>` as links, mentions and channel
 * pings (`<!channel>`, `<@U123>`, `<https://x|y>`), so every piece of text we
 * send has its three control characters escaped; then nothing a user typed
 * can become live markup.
 */
import { cleanDisplayText } from "../../core/sanitize.ts";

export function escapeMrkdwn(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Text as shown to people: invisible and bidi-override characters removed
 * (they could hide or reorder what a reader sees), then escaped.
 */
export function displayText(text: string): string {
  return escapeMrkdwn(cleanDisplayText(text));
}

/** Reverses escapeMrkdwn, for values we escaped ourselves (button values). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Cuts escaped text to `max` characters without splitting an entity like `&amp;`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf("&");
  if (amp >= 0 && !cut.slice(amp).includes(";")) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/** Escapes, then truncates: the usual way to fill a length-limited field. */
export function safeText(text: string, max: number): string {
  return truncate(displayText(text), max);
}

/**
 * A link in mrkdwn: `<url|label>`. Only http(s) URLs become links; the URL's
 * own `|`, `<`, `>` and spaces are percent-encoded so it cannot end early, and
 * the label is escaped like any other text (Slack splits at the first `|`).
 */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const text = displayText(label);
  if (!url || !/^https?:\/\//i.test(url)) return text;
  const safeUrl = url.replace(/[|<> ]/g, (c) => encodeURIComponent(c)).replace(/&/g, "&amp;");
  return `<${safeUrl}|${text}>`;
}
