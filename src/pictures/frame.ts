/** What both pictures share: the page size, the type sizes, the heading and legend entries. */
import { textWidth } from "./font.ts";
import { text } from "./svg.ts";
import type { Theme } from "./theme.ts";

/** Drawings are laid out this many units wide (see render.ts for the pixel scale). */
export const WIDTH = 800;
export const PAD = 24;

export const TYPE = {
  title: 22,
  subtitle: 14,
  body: 14,
  small: 13,
  /** Distance between baselines of body text. */
  line: 19,
} as const;

export interface Drawing {
  svg: string;
  title: string;
  width: number;
  height: number;
  /** What the picture shows, in a sentence or two (alt text). */
  alt: string;
}

/** The title and a one-line subtitle; returns the elements and the y below them. */
export function heading(
  title: string,
  subtitle: string,
  theme: Theme,
): { parts: string[]; y: number } {
  return {
    parts: [
      text(PAD, PAD + 22, title, { size: TYPE.title, weight: "bold", fill: theme.text }),
      text(PAD, PAD + 46, subtitle, { size: TYPE.subtitle, fill: theme.muted }),
    ],
    y: PAD + 58,
  };
}

/**
 * A row of legend entries, each a swatch drawn by `swatch(x, middleY)` and a
 * label; returns the elements.
 */
export function legendRow(
  entries: readonly {
    label: string;
    swatch: (x: number, midY: number) => string;
    width?: number;
  }[],
  baseline: number,
  theme: Theme,
): string[] {
  const parts: string[] = [];
  let x = PAD;
  for (const entry of entries) {
    const swatchWidth = entry.width ?? 14;
    parts.push(entry.swatch(x, baseline - 4.5));
    parts.push(
      text(x + swatchWidth + 6, baseline, entry.label, { size: TYPE.small, fill: theme.text }),
    );
    x += swatchWidth + 6 + textWidth(entry.label, TYPE.small) + 22;
  }
  return parts;
}
