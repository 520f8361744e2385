/**
 * The policy-versions chart: one bar per policy document (a source with a
 * `version`), from the day it took effect to the day a later version
 * replaced it (or to the chart's end when none has), the weeks between
 * publication and taking effect hatched, and one dated event drawn across
 * every bar so "which terms applied that day" is seen at a glance.
 */
import { formatDate } from "../facts/dates.ts";
import type { Fact, FactBase, Source } from "../facts/schema.ts";
import { textWidth, wrapText } from "./font.ts";
import { type Drawing, heading, legendRow, PAD, TYPE, WIDTH } from "./frame.ts";
import { el, svgDocument, text } from "./svg.ts";
import type { Theme } from "./theme.ts";
import { dayNumber, timeScale, yearStart } from "./time-scale.ts";

/** The names column is as wide as its longest line, at least this. */
const NAME_MIN_W = 180;
const CHART_X1 = WIDTH - PAD;
const COVERS_SIZE = TYPE.small - 1;
const ROW_H = 58;
const BAR_H = 26;
const HATCH_ID = "published-not-in-force";

export interface VersionBar {
  source: Source;
  name: string;
  covers: string;
  published: string;
  inForce: string;
  /** The day a later version took over; undefined while none has. */
  replacedOn?: string;
}

/** The versions in the order they took effect (then were published), with their spans. */
export function versionBars(sources: readonly Source[]): VersionBar[] {
  const versions = sources.filter((s) => s.version);
  const inForce = (s: Source) => s.version?.inForce ?? s.date;
  return versions
    .map((source) => {
      const successors = versions
        .filter((v) => v.version?.replaces?.includes(source.id))
        .map(inForce)
        .sort();
      return {
        source,
        name: source.version?.name ?? source.title,
        covers: source.version?.covers ?? "",
        published: source.date,
        inForce: inForce(source),
        replacedOn: successors[0],
      };
    })
    .sort((a, b) => a.inForce.localeCompare(b.inForce) || a.published.localeCompare(b.published));
}

/** Bars in force on a day, and bars published but not yet in force on it. */
export function onDay(bars: readonly VersionBar[], day: string) {
  const d = dayNumber(day);
  return {
    inForce: bars.filter(
      (b) =>
        dayNumber(b.inForce) <= d && (b.replacedOn === undefined || d < dayNumber(b.replacedOn)),
    ),
    pending: bars.filter((b) => dayNumber(b.published) <= d && d < dayNumber(b.inForce)),
  };
}

function hatchPattern(theme: Theme): string {
  return el(
    "defs",
    {},
    el(
      "pattern",
      {
        id: HATCH_ID,
        width: 6,
        height: 6,
        patternUnits: "userSpaceOnUse",
        patternTransform: "rotate(45)",
      },
      el("rect", { width: 6, height: 6, fill: theme.background }),
      el("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: theme.bar, "stroke-width": 2.5 }),
    ),
  );
}

/** Text for a bar, inside it when it fits, else beside it where there is room. */
function barLabel(label: string, x0: number, x1: number, y: number, theme: Theme): string {
  const width = textWidth(label, TYPE.small);
  if (width + 16 <= x1 - x0)
    return text(x0 + 8, y, label, { size: TYPE.small, weight: "bold", fill: theme.onBar });
  if (x1 + 8 + width <= CHART_X1)
    return text(x1 + 8, y, label, { size: TYPE.small, fill: theme.text });
  return text(x0 - 8, y, label, { size: TYPE.small, fill: theme.text, anchor: "end" });
}

export interface VersionsOptions {
  title: string;
  /** A dated fact drawn across the bars (the suspension). */
  mark?: Fact;
}

export function drawVersions(base: FactBase, theme: Theme, options: VersionsOptions): Drawing {
  const bars = versionBars(base.sources);
  const markDay = options.mark?.when?.date;
  const dates = bars.flatMap((b) => [b.published, b.inForce, b.replacedOn ?? b.inForce]).sort();
  // Whole years, from the first publication to the end of the year of the last change.
  const from = yearStart(dates[0] ?? "2023-01-01");
  const to = yearStart(dates.at(-1) ?? from, 1);
  const head = heading(
    options.title,
    "One bar per document, from the day it took effect to the day a later version replaced it.",
    theme,
  );
  const body = [hatchPattern(theme), ...head.parts];

  const legend = [
    {
      label: "in force",
      width: 22,
      swatch: (x: number, y: number) =>
        el("rect", { x, y: y - 6, width: 22, height: 12, rx: 2, fill: theme.bar }),
    },
    {
      label: "published, not yet in force",
      width: 22,
      swatch: (x: number, y: number) =>
        el("rect", {
          x,
          y: y - 6,
          width: 22,
          height: 12,
          rx: 2,
          fill: `url(#${HATCH_ID})`,
          stroke: theme.bar,
        }),
    },
  ];
  if (options.mark?.when)
    legend.push({
      label: `${options.mark.when.label}, ${formatDate(options.mark.when.date)}`,
      width: 14,
      swatch: (x: number, y: number) =>
        el("line", {
          x1: x + 7,
          y1: y - 8,
          x2: x + 7,
          y2: y + 8,
          stroke: theme.marker,
          "stroke-width": 2.5,
          "stroke-dasharray": "4 3",
        }),
    });
  body.push(...legendRow(legend, head.y + 24, theme));

  const top = head.y + 52;
  const namesWidth = Math.max(
    NAME_MIN_W,
    ...bars.map((b) => textWidth(b.name, TYPE.body, "bold")),
    ...bars.map((b) => textWidth(b.covers, COVERS_SIZE)),
  );
  const scale = timeScale(from, to, PAD + namesWidth + 16, CHART_X1);
  const chartBottom = top + bars.length * ROW_H;

  // Gridlines: quarters faint, years stronger and labelled in the middle of their span.
  for (const month of scale.months()) {
    const x = scale.at(month);
    const isYear = month.endsWith("-01-01");
    if (!isYear && !/-(04|07|10)-01$/.test(month)) continue;
    body.push(
      el("line", {
        x1: x,
        y1: top,
        x2: x,
        y2: chartBottom + (isYear ? 8 : 0),
        stroke: isYear ? theme.rule : theme.grid,
      }),
    );
    if (isYear && month < to)
      body.push(
        text((x + scale.at(yearStart(month, 1))) / 2, chartBottom + 24, month.slice(0, 4), {
          size: TYPE.body,
          weight: "bold",
          fill: theme.text,
          anchor: "middle",
        }),
      );
  }

  bars.forEach((bar, i) => {
    const rowTop = top + i * ROW_H;
    const barY = rowTop + (ROW_H - BAR_H) / 2;
    const mid = barY + BAR_H / 2;
    const xStart = scale.at(bar.inForce);
    const xEnd = bar.replacedOn ? scale.at(bar.replacedOn) : CHART_X1;
    const parts: string[] = [];
    parts.push(
      text(PAD, mid - 4, bar.name, {
        size: TYPE.body,
        weight: "bold",
        fill: theme.text,
      }),
      text(PAD, mid + 14, bar.covers, { size: COVERS_SIZE, fill: theme.muted }),
    );
    if (bar.published < bar.inForce) {
      const xPublished = scale.at(bar.published);
      parts.push(
        el("rect", {
          x: xPublished,
          y: barY,
          width: xStart - xPublished,
          height: BAR_H,
          fill: `url(#${HATCH_ID})`,
          stroke: theme.bar,
        }),
      );
    }
    // An open-ended bar ends in an arrow: it runs on past the chart.
    const arrow = bar.replacedOn ? 0 : 10;
    parts.push(
      el("path", {
        d: arrow
          ? `M${xStart} ${barY}H${xEnd - arrow}L${xEnd} ${mid}L${xEnd - arrow} ${barY + BAR_H}H${xStart}Z`
          : `M${xStart} ${barY}H${xEnd}V${barY + BAR_H}H${xStart}Z`,
        fill: theme.bar,
      }),
    );
    const span = bar.replacedOn
      ? `${formatDate(bar.inForce)} – ${formatDate(bar.replacedOn)}`
      : `from ${formatDate(bar.inForce)}`;
    parts.push(barLabel(span, xStart, xEnd - arrow, mid + 4.5, theme));
    body.push(el("g", { class: "version", "data-source": bar.source.id }, ...parts));
  });

  let bottom = chartBottom + 34;
  if (markDay && options.mark) {
    const x = scale.at(markDay);
    body.push(
      el("line", {
        x1: x,
        y1: top - 6,
        x2: x,
        y2: chartBottom + 4,
        stroke: theme.marker,
        "stroke-width": 2.5,
        "stroke-dasharray": "6 4",
      }),
    );
    const { inForce, pending } = onDay(bars, markDay);
    const lines = [
      `On ${formatDate(markDay)}: ${inForce.map((b) => `${b.name} of ${formatDate(b.published)}`).join(" and ") || "no version"} in force.`,
      ...pending.map(
        (b) =>
          `${b.name} published ${formatDate(b.published)}, in force only from ${formatDate(b.inForce)}.`,
      ),
    ].flatMap((line) => wrapText(line, TYPE.body, WIDTH - 2 * PAD));
    body.push(
      el(
        "g",
        { class: "on-day" },
        ...lines.map((line, i) =>
          text(PAD, bottom + 22 + i * TYPE.line, line, {
            size: TYPE.body,
            weight: i === 0 ? "bold" : undefined,
            fill: theme.text,
          }),
        ),
      ),
    );
    bottom += 22 + (lines.length - 1) * TYPE.line + 6;
  }
  const height = Math.ceil(bottom + PAD);

  const alt =
    `${options.title}: a chart of ${bars.length} versions of the terms, ${bars.map((b) => `${b.name} (${b.replacedOn ? `${formatDate(b.inForce)} to ${formatDate(b.replacedOn)}` : `from ${formatDate(b.inForce)}`})`).join(", ")}` +
    (markDay ? `, with ${formatDate(markDay)} marked across them` : "") +
    ".";
  return {
    svg: svgDocument(WIDTH, height, theme.background, body),
    title: options.title,
    width: WIDTH,
    height,
    alt,
  };
}
