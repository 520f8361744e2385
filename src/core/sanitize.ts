/**
 * Text hygiene shared by the answer engine (before matching) and the
 * renderers (before display): no control, zero-width or bidirectional
 * override characters, which could hide or reorder what a reader sees.
 */

// Controls, format characters (zero-width, bidi embeddings, overrides and
// isolates, soft hyphen, BOM, tag characters), private-use and lone
// surrogates, plus the Hangul fillers often used as "blank" names.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;

/** Removes characters that are invisible or can reorder displayed text. */
export function stripInvisible(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\t\r\n\u2028\u2029]+/g, " ")
    .replace(INVISIBLE, "");
}

/** Like stripInvisible, but keeps line breaks: for multi-line display text. */
export function cleanDisplayText(text: string): string {
  return text
    .split("\n")
    .map((line) => stripInvisible(line))
    .join("\n");
}
