/**
 * A few helpers to write SVG as strings: elements with escaped attributes,
 * and text in the pictures' one font. Every piece of text from the facts
 * goes through `escapeXml`, so no fact can break the markup.
 */
import { FONT_FAMILY, type Weight } from "./font.ts";

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

type Attrs = Record<string, string | number | undefined>;

/** Rounds coordinates to 0.1 px so the markup (and the cache key) does not carry float noise. */
function value(v: string | number): string {
  return typeof v === "number" ? String(Math.round(v * 10) / 10) : escapeXml(v);
}

export function el(name: string, attrs: Attrs, ...children: string[]): string {
  const list = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${value(v)}"`)
    .join("");
  return children.length > 0
    ? `<${name}${list}>${children.join("")}</${name}>`
    : `<${name}${list}/>`;
}

export interface TextStyle {
  size: number;
  fill: string;
  weight?: Weight;
  anchor?: "start" | "middle" | "end";
}

/** One line of text with its baseline at y. */
export function text(x: number, y: number, content: string, style: TextStyle): string {
  return el(
    "text",
    {
      x,
      y,
      "font-family": FONT_FAMILY,
      "font-size": style.size,
      "font-weight": style.weight === "bold" ? "bold" : undefined,
      "text-anchor": style.anchor && style.anchor !== "start" ? style.anchor : undefined,
      fill: style.fill,
    },
    escapeXml(content),
  );
}

/** Lines of text, the first baseline at y, `lineHeight` apart. */
export function textLines(
  x: number,
  y: number,
  lines: readonly string[],
  lineHeight: number,
  style: TextStyle,
): string {
  return lines.map((line, i) => text(x, y + i * lineHeight, line, style)).join("");
}

export function svgDocument(
  width: number,
  height: number,
  background: string,
  body: string[],
): string {
  return el(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}` },
    el("rect", { width, height, fill: background }),
    ...body,
  );
}
