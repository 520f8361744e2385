/**
 * SVG -> PNG with resvg (a Rust renderer shipped as a prebuilt binary in an
 * npm package). Only the bundled DejaVu fonts are loaded, never the system's,
 * so the same SVG gives the same bytes on every machine. Rendering runs off
 * the event loop (renderAsync), so a first render does not hold up answers.
 */
import { FONT_FAMILY, FONT_FILES } from "./font.ts";

/**
 * Pixels per SVG unit. Drawings are laid out 800 units wide, the width chat
 * previews show; at 1 the timeline's PNG is about 120 KB, at 1.5 it would be
 * near 200 KB.
 */
export const PNG_SCALE = 1;

export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  // Loaded on the first picture, not at start: the native renderer costs about
  // 10 MB of memory that a bot nobody asks for a picture never needs.
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    font: {
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: "zoom", value: scale },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  });
  return image.asPng();
}
