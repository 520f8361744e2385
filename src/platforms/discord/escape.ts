/**
 * Makes any text safe to show in a Discord message: markdown is escaped so it
 * shows literally, and mention syntax is broken with a zero-width space so it
 * can never ping, even if allowedMentions were ever misconfigured.
 */
// From discord.js's own formatters package, so the HTTP path renders without loading discord.js.
import { escapeMarkdown } from "@discordjs/formatters";
import { BoundedMap } from "../../core/bounded-map.ts";

const ZWSP = "\u200b";

/** Breaks @everyone, @here and <@id>, <@!id>, <@&id>, <#id>, </cmd:id> mention syntax. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#/:]|a:)/g, `<${ZWSP}$1`);
}

/**
 * Escaped texts by input: answers repeat (the same facts, asked again), and
 * escaping costs about a millisecond for a long text (discord.js's italic
 * pattern looks behind from every position).
 */
const escaped = new BoundedMap<string, string>({ max: 2000 });

/** For text Discord renders as markdown (embed title, description, field values). */
export function escapeText(text: string): string {
  return escaped.getOrSet(text, () => {
    // Italic, bold and underline are only about `*` and `_`: skip their costly patterns without.
    const emphasis = text.includes("*") || text.includes("_");
    return neutralizeMentions(
      escapeMarkdown(text, {
        italic: emphasis,
        bold: emphasis,
        underline: emphasis,
        heading: true,
        bulletedList: true,
        numberedList: true,
        maskedLink: true,
      }),
    );
  });
}

/** For plain-text surfaces that show markdown literally (footer, button label). */
export function plainText(text: string): string {
  return neutralizeMentions(text);
}

/** Cuts text to `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Avoid leaving a dangling backslash that would escape the ellipsis.
  const cut = text.slice(0, max - 1).replace(/\\+$/, "");
  return `${cut}…`;
}
