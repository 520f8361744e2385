/**
 * The one typeface the pictures use, DejaVu Sans from the dejavu-fonts-ttf
 * package, for drawing (resvg loads these files; no system font is used, so
 * a picture is the same on every machine) and for measuring text to lay it
 * out. Measuring reads each character's advance width from the font once
 * (fontkitten, which parses only the tables asked for) and sums them:
 * kerning only ever narrows DejaVu text, so the sum is a safe upper bound.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkitten";

const require = createRequire(import.meta.url);

export const FONT_FAMILY = "DejaVu Sans";

export const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;

export type Weight = keyof typeof FONT_FILES;

interface Metrics {
  font: Font;
  /** Advance width in em, by code point. */
  advances: Map<number, number>;
}

const metrics = new Map<Weight, Metrics>();

function metricsFor(weight: Weight): Metrics {
  let m = metrics.get(weight);
  if (!m) {
    const font = create(readFileSync(FONT_FILES[weight]));
    if (font.isCollection)
      throw new Error(`${FONT_FILES[weight]} is a font collection, not a font`);
    m = { font, advances: new Map() };
    metrics.set(weight, m);
  }
  return m;
}

/** Width of `text` in px at `size` px. */
export function textWidth(text: string, size: number, weight: Weight = "regular"): number {
  const m = metricsFor(weight);
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    let advance = m.advances.get(code);
    if (advance === undefined) {
      advance = m.font.glyphForCodePoint(code).advanceWidth / m.font.unitsPerEm;
      m.advances.set(code, advance);
    }
    em += advance;
  }
  return em * size;
}

/** Breaks `text` into lines no wider than `maxWidth` (a word longer than that gets a line of its own). */
export function wrapText(
  text: string,
  size: number,
  maxWidth: number,
  weight: Weight = "regular",
): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
