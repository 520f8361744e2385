/**
 * fast-check generators for hostile user text: any Unicode (including lone
 * surrogates, controls, zero-width and bidi characters), platform markup and
 * mention syntax, and words the answer engine knows, mixed freely.
 */
import fc from "fast-check";

/** Single characters that are unusual or dangerous in displayed text. */
const HOSTILE_CHARS = [
  "\u0000",
  "\u0007",
  "\u001B",
  "\u007F",
  "\u0085",
  "\t",
  "\r",
  "\n",
  "\u00AD",
  "\u200B",
  "\u200C",
  "\u200D",
  "\u200E",
  "\u202A",
  "\u202E",
  "\u2066",
  "\u2069",
  "\u2028",
  "\uFEFF",
  "\uD800",
  "\uDFFF",
  "\uE000",
  "\u3164",
  "\u115F",
];

/** Markup and mention syntax from Discord, Slack and Markdown. */
const MARKUP = [
  "<@123456789012345678>",
  "<@!123>",
  "<@&987>",
  "<#C0123|general>",
  "<#123>",
  "<!here>",
  "<!channel>",
  "<!everyone>",
  "<!subteam^S123|@team>",
  "@everyone",
  "@here",
  "<https://evil.example|click me>",
  "<mailto:a@b.c|mail>",
  "https://evil.example/x?y=1",
  "[label](https://evil.example)",
  "<:emoji:123>",
  "<a:wave:456>",
  "<t:1700000000:R>",
  "**",
  "__",
  "~~",
  "||",
  "`",
  "```",
  "> ",
  "# ",
  "&amp;",
  "&lt;",
  "<",
  ">",
  "&",
  "*",
  "_",
  "\\",
];

const WORDS = [
  "why",
  "was",
  "bytedance",
  "suspended",
  "openai",
  "banned",
  "policy",
  "competing",
  "models",
  "project seed",
  "gpt",
  "train",
  "microsoft",
  "azure",
  "when",
  "who",
  "what",
  "?",
  " ",
];

/** Any string over the full code point range, lone surrogates included. */
export const anyUnicode = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), maxLength: 40 }),
);

/** Fragments of markup, mentions, hostile characters and known words. */
export const markupText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...MARKUP),
      fc.constantFrom(...WORDS),
      fc.constantFrom(...HOSTILE_CHARS),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

/** The mix used by most properties. */
export const hostileText = fc.oneof(anyUnicode, markupText);

/** Strings of about `length` characters, built by repeating hostile text. */
export function hugeText(length: number): fc.Arbitrary<string> {
  return fc
    .array(
      hostileText.filter((s) => s.length > 0),
      { minLength: 1, maxLength: 20 },
    )
    .map((parts) => {
      const unit = parts.join(" ");
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    });
}

/** A line break is fine in multi-line text; every other control or format character is not. */
export const CONTROL_OR_FORMAT = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}]/u;
