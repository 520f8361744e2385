/**
 * Text hygiene shared by the answer engine (before matching) and the
 * renderers (before display): no control, zero-width or bidirectional
 * override characters, which could hide or reorder what a reader sees.
 */

// Controls, format characters (zero-width, bidi embeddings, overrides and
// isolates, soft hyphen, BOM, tag characters), private-use and lone
// surrogates, plus the Hangul fillers often used as "blank" names.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;

/**
 * Text made only of these is already clean: printable ASCII, Latin-1 letters
 * and the usual typographic dashes and quotes, none of which NFKC changes or
 * the rules above remove. One test instead of a normalization and two
 * replaces, for the renderers that clean every line of every reply.
 */
const ALREADY_CLEAN = /^[\x20-\x7E\u00C0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D]*$/;

/** Removes characters that are invisible or can reorder displayed text. */
export function stripInvisible(text: string): string {
  if (ALREADY_CLEAN.test(text)) return text;
  return text
    .normalize("NFKC")
    .replace(/[\t\r\n\u2028\u2029]+/g, " ")
    .replace(INVISIBLE, "");
}

/** Like stripInvisible, but keeps line breaks: for multi-line display text. */
export function cleanDisplayText(text: string): string {
  if (ALREADY_CLEAN.test(text)) return text;
  return text
    .split("\n")
    .map((line) => stripInvisible(line))
    .join("\n");
}
