/**
 * Party markers: a shape per party, filled, or hollow (filled with the
 * background, so a line behind does not show through) when the date is
 * known only to the month.
 */
import { el } from "./svg.ts";
import type { Shape } from "./theme.ts";

export function marker(
  shape: Shape,
  x: number,
  y: number,
  size: number,
  colour: string,
  hollow: { background: string } | false,
): string {
  const paint = hollow
    ? { fill: hollow.background, stroke: colour, "stroke-width": 2 }
    : { fill: colour, stroke: "none" };
  // Shapes of equal visual weight: the square and triangle a little smaller than their box.
  const r = hollow ? size - 1 : size;
  switch (shape) {
    case "circle":
      return el("circle", { cx: x, cy: y, r, ...paint });
    case "square":
      return el("rect", {
        x: x - r * 0.85,
        y: y - r * 0.85,
        width: r * 1.7,
        height: r * 1.7,
        ...paint,
      });
    case "diamond":
      return el("path", {
        d: `M${x} ${y - r * 1.15}L${x + r * 1.15} ${y}L${x} ${y + r * 1.15}L${x - r * 1.15} ${y}Z`,
        ...paint,
      });
    case "triangle":
      return el("path", {
        d: `M${x} ${y - r * 1.1}L${x + r * 1.05} ${y + r * 0.8}L${x - r * 1.05} ${y + r * 0.8}Z`,
        ...paint,
      });
  }
}
