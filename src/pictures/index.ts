/**
 * The pictures a reply can carry, drawn from the fact base and rendered to
 * PNG once per fact base and theme: the bytes are cached in memory under a
 * hash of the facts, so every later request is a map look-up. A failed
 * render is never a failed reply: `pictureFor` logs one warning and the
 * reply goes out as text.
 */
import { createHash } from "node:crypto";
import type { Logger } from "../core/logger.ts";
import { PICTURE_NAMES, type PictureName, type Reply } from "../core/reply.ts";
import { factBase } from "../facts/index.ts";
import type { FactBase } from "../facts/schema.ts";
import type { PictureOptions } from "./draw.ts";
import { svgToPng } from "./render.ts";

export { PICTURE_NAMES, type PictureName } from "../core/reply.ts";
export type { ThemeName } from "./theme.ts";

export function isPictureName(name: string): name is PictureName {
  return (PICTURE_NAMES as readonly string[]).includes(name);
}

export interface Picture {
  name: PictureName;
  /** The attachment's file name ("timeline.png"). */
  fileName: string;
  title: string;
  png: Buffer;
  /** A short description for screen readers (the reply's text carries the full content). */
  alt: string;
  width: number;
  height: number;
}

export type { PictureOptions } from "./draw.ts";

const hashes = new WeakMap<FactBase, string>();

/** A hash of everything a picture is drawn from (a loaded base is never changed, so once per base). */
export function factsHash(base: FactBase): string {
  let hash = hashes.get(base);
  if (!hash) {
    hash = createHash("sha256").update(JSON.stringify(base)).digest("hex").slice(0, 16);
    hashes.set(base, hash);
  }
  return hash;
}

const cache = new Map<string, Promise<Picture>>();

/** The picture as PNG: rendered on first use, then from memory. */
export function renderPicture(name: PictureName, options: PictureOptions = {}): Promise<Picture> {
  const base = options.base ?? factBase;
  const theme = options.theme ?? "light";
  const key = `${name}/${theme}/${factsHash(base)}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = (async () => {
      // The drawing code (and the font parser it measures text with) loads with the first
      // picture, not at start: a bot nobody asks for a picture never needs it.
      const { drawPicture } = await import("./draw.ts");
      const { svg, ...drawing } = drawPicture(name, { base, theme });
      return { name, fileName: `${name}.png`, png: await svgToPng(svg), ...drawing };
    })();
    // A failure is not kept: the next request tries again.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** How a platform gets a picture; tests pass one that fails. */
export type PictureRenderer = (name: PictureName) => Promise<Picture>;

export const defaultRenderer: PictureRenderer = (name) => renderPicture(name);

/**
 * The reply's picture, or undefined when it has none or rendering failed
 * (then one warning is logged and the reply goes out as text alone).
 */
export async function pictureFor(
  reply: Reply,
  logger: Logger,
  render: PictureRenderer = defaultRenderer,
): Promise<Picture | undefined> {
  if (!reply.picture) return undefined;
  try {
    return await render(reply.picture);
  } catch (err) {
    logger.warn({ err, picture: reply.picture }, "could not render the picture; sending text only");
    return undefined;
  }
}
