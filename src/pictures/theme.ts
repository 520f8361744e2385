/**
 * Colours for a light and a dark solid background. Party and bar colours
 * are from the Okabe-Ito palette, which stays distinguishable with the
 * common colour-vision deficiencies; each party also has its own marker
 * shape, so colour is never the only cue.
 */

export type ThemeName = "light" | "dark";

export interface Theme {
  name: ThemeName;
  background: string;
  text: string;
  muted: string;
  /** Axis, gridlines and leader lines. */
  rule: string;
  grid: string;
  /** One colour per party, in the order of the facts' party list. */
  parties: readonly string[];
  /** Parties beyond the list, and facts without one. */
  other: string;
  /** The policy-version bars and the text on them. */
  bar: string;
  onBar: string;
  /** The marked event (the suspension) on the versions chart. */
  marker: string;
}

export const THEMES: Record<ThemeName, Theme> = {
  light: {
    name: "light",
    background: "#ffffff",
    text: "#1f2328",
    muted: "#59636e",
    rule: "#8c959f",
    grid: "#e3e7eb",
    // blue, vermillion, bluish green, reddish purple
    parties: ["#0072b2", "#d55e00", "#009e73", "#cc79a7"],
    other: "#59636e",
    bar: "#0072b2",
    onBar: "#ffffff",
    marker: "#d55e00",
  },
  dark: {
    name: "dark",
    background: "#1e1f22",
    text: "#f2f3f5",
    muted: "#b5bac1",
    rule: "#80848e",
    grid: "#35373c",
    // sky blue, orange, bluish green, reddish purple: the lighter Okabe-Ito tones
    parties: ["#56b4e9", "#e69f00", "#009e73", "#cc79a7"],
    other: "#b5bac1",
    bar: "#56b4e9",
    onBar: "#1e1f22",
    marker: "#e69f00",
  },
};

export type Shape = "circle" | "square" | "diamond" | "triangle";

/** One shape per party, in the same order as the colours. */
export const SHAPES: readonly Shape[] = ["circle", "square", "diamond", "triangle"];
