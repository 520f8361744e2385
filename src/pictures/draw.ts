/**
 * The pictures as SVG drawings, from the fact base: the drawing code and the
 * font metrics it lays text out with. index.ts loads this with the first
 * picture.
 */
import type { PictureName } from "../core/reply.ts";
import { factBase } from "../facts/index.ts";
import type { FactBase } from "../facts/schema.ts";
import type { Drawing } from "./frame.ts";
import { THEMES, type ThemeName } from "./theme.ts";
import { drawTimeline } from "./timeline.ts";
import { drawVersions } from "./versions.ts";

/** The event the versions chart marks across its bars. */
const VERSIONS_MARK = "incident.suspension-date";

const DRAW: Record<PictureName, (base: FactBase, theme: ThemeName) => Drawing> = {
  timeline: (base, theme) =>
    drawTimeline(base, THEMES[theme], "How the ByteDance suspension unfolded"),
  versions: (base, theme) =>
    drawVersions(base, THEMES[theme], {
      title: "Which of OpenAI's terms applied when",
      mark: base.facts.find((f) => f.id === VERSIONS_MARK),
    }),
};

export interface PictureOptions {
  theme?: ThemeName;
  /** The fact base to draw (tests); the loaded one by default. */
  base?: FactBase;
}

/** Draws a picture as SVG (no rendering, no cache). */
export function drawPicture(name: PictureName, options: PictureOptions = {}): Drawing {
  return DRAW[name](options.base ?? factBase, options.theme ?? "light");
}
