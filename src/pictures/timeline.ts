/**
 * The timeline picture: a vertical date axis with one row per dated fact, in
 * timeline order, its marker coloured and shaped by the party that acted;
 * the open questions that no source answers are listed apart at the end.
 * Each month of the axis is as tall as its events need (an empty month
 * takes a sliver), so every row sits at its own date and the year lines
 * fall between the right rows.
 */
import { formatDate, isExactDate, whenAndWhat } from "../facts/dates.ts";
import { type Party, parties, partyOf } from "../facts/parties.ts";
import type { Fact, FactBase } from "../facts/schema.ts";
import { timelineOf } from "../facts/timeline.ts";
import { wrapText } from "./font.ts";
import { type Drawing, heading, legendRow, PAD, TYPE, WIDTH } from "./frame.ts";
import { marker } from "./marks.ts";
import { el, svgDocument, text, textLines } from "./svg.ts";
import { SHAPES, type Shape, type Theme } from "./theme.ts";
import { monthStart, yearStart } from "./time-scale.ts";

const AXIS_X = 84;
const DATE_X = 104;
const DATE_W = 112;
const LABEL_X = DATE_X + DATE_W + 12;
const LABEL_W = WIDTH - PAD - LABEL_X;
const ROW_GAP = 9;
/** From a row's top to the middle of its first line, where the marker sits. */
const MARK_DY = 10;
/** From a row's top to its first baseline. */
const BASELINE_DY = 15;
/** The height of a month without events. */
const EMPTY_MONTH = 6;

/** The open questions that belong with the timeline: unknown facts linked (either way) to a dated one. */
export function timelineUnknowns(facts: readonly Fact[], dated: readonly Fact[]): Fact[] {
  const datedIds = new Set(dated.map((f) => f.id));
  const linkedFrom = new Set(dated.flatMap((f) => f.related));
  return facts.filter(
    (f) =>
      f.firmness === "unknown" &&
      (linkedFrom.has(f.id) || f.related.some((id) => datedIds.has(id))),
  );
}

interface Row {
  fact: Fact;
  date: string;
  when: string[];
  what: string[];
  party: Party | undefined;
  height: number;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function rowsOf(dated: readonly Fact[]): Row[] {
  return dated.flatMap((fact) => {
    if (!fact.when) return [];
    const { when, what } = whenAndWhat(fact.when);
    const whenLines = wrapText(when, TYPE.small, DATE_W, "bold");
    const whatLines = wrapText(capitalise(what), TYPE.body, LABEL_W);
    const lines = Math.max(whenLines.length, whatLines.length);
    const height = (lines - 1) * TYPE.line + BASELINE_DY + 5;
    const party = partyOf(fact);
    return [{ fact, date: fact.when.date, when: whenLines, what: whatLines, party, height }];
  });
}

function styleOf(party: Party | undefined, theme: Theme): { colour: string; shape: Shape } {
  const i = party ? parties.indexOf(party) : -1;
  return { colour: theme.parties[i] ?? theme.other, shape: SHAPES[i] ?? "circle" };
}

function legend(rows: readonly Row[], theme: Theme, baseline: number): string[] {
  const present: (Party | undefined)[] = parties.filter((p) => rows.some((r) => r.party === p));
  if (rows.some((r) => !r.party)) present.push(undefined);
  const entries = present.map((party) => {
    const { colour, shape } = styleOf(party, theme);
    return {
      label: party?.name ?? "Others",
      swatch: (x: number, y: number) => marker(shape, x + 7, y, 6, colour, false),
    };
  });
  if (rows.some((r) => !isExactDate(r.date)))
    entries.push({
      label: "hollow: month known, not the day",
      swatch: (x, y) => marker("circle", x + 7, y, 6, theme.muted, theme),
    });
  return legendRow(entries, baseline, theme);
}

/** Month ticks from the first event's year to the month after the last; each row's top. */
function layOut(rows: readonly Row[], top: number) {
  const first = rows[0]?.date ?? "2023-01";
  const to = monthStart(rows.at(-1)?.date ?? first, 1);
  const ticks: { month: string; y: number }[] = [];
  const tops: number[] = [];
  let y = top;
  for (let month = yearStart(first); ; month = monthStart(month, 1)) {
    ticks.push({ month, y });
    if (month >= to) break;
    const inMonth = rows.filter((r) => r.date.slice(0, 7) === month.slice(0, 7));
    if (inMonth.length === 0) y += EMPTY_MONTH;
    for (const row of inMonth) {
      tops.push(y + ROW_GAP / 2);
      y += row.height + ROW_GAP;
    }
  }
  return { ticks, tops, end: y };
}

function axis(ticks: readonly { month: string; y: number }[], end: number, theme: Theme): string[] {
  const top = ticks[0]?.y ?? end;
  const parts = [
    el("line", { x1: AXIS_X, y1: top, x2: AXIS_X, y2: end, stroke: theme.rule, "stroke-width": 2 }),
  ];
  for (const { month, y } of ticks) {
    const isYear = month.endsWith("-01-01");
    if (isYear)
      parts.push(
        el("line", { x1: AXIS_X, y1: y, x2: WIDTH - PAD, y2: y, stroke: theme.grid }),
        text(AXIS_X - 16, y + 5, month.slice(0, 4), {
          size: TYPE.body,
          weight: "bold",
          fill: theme.text,
          anchor: "end",
        }),
      );
    parts.push(
      el("line", {
        x1: AXIS_X - (isYear ? 10 : 5),
        y1: y,
        x2: AXIS_X,
        y2: y,
        stroke: theme.rule,
        "stroke-width": isYear ? 2 : 1,
      }),
    );
  }
  return parts;
}

function eventRow(row: Row, top: number, theme: Theme): string {
  const { colour, shape } = styleOf(row.party, theme);
  return el(
    "g",
    { class: "event", "data-fact": row.fact.id },
    marker(shape, AXIS_X, top + MARK_DY, 6.5, colour, !isExactDate(row.date) && theme),
    textLines(DATE_X, top + BASELINE_DY, row.when, TYPE.line, {
      size: TYPE.small,
      weight: "bold",
      fill: theme.text,
    }),
    textLines(LABEL_X, top + BASELINE_DY, row.what, TYPE.line, {
      size: TYPE.body,
      fill: theme.text,
    }),
  );
}

/** "Not known" at the end: each open question on its own line; returns the group and the y below. */
function openQuestions(unknowns: readonly Fact[], y: number, theme: Theme) {
  const parts = [
    el("line", { x1: PAD, y1: y, x2: WIDTH - PAD, y2: y, stroke: theme.grid }),
    text(PAD, y + 28, "Not known: no source says", {
      size: TYPE.body,
      weight: "bold",
      fill: theme.text,
    }),
  ];
  let top = y + 42;
  for (const fact of unknowns) {
    const lines = wrapText(fact.questions[0] ?? fact.statement, TYPE.body, WIDTH - PAD - DATE_X);
    parts.push(
      el(
        "g",
        { class: "unknown", "data-fact": fact.id },
        el("circle", {
          cx: AXIS_X,
          cy: top + MARK_DY,
          r: 8.5,
          fill: theme.background,
          stroke: theme.muted,
          "stroke-width": 1.5,
        }),
        text(AXIS_X, top + MARK_DY + 4.5, "?", {
          size: TYPE.small,
          weight: "bold",
          fill: theme.muted,
          anchor: "middle",
        }),
        textLines(DATE_X, top + BASELINE_DY, lines, TYPE.line, {
          size: TYPE.body,
          fill: theme.text,
        }),
      ),
    );
    top += (lines.length - 1) * TYPE.line + BASELINE_DY + 5 + ROW_GAP;
  }
  return { group: el("g", { class: "unknowns" }, ...parts), y: top - ROW_GAP };
}

export function drawTimeline(base: FactBase, theme: Theme, title: string): Drawing {
  const dated = timelineOf(base.facts);
  const rows = rowsOf(dated);
  const unknowns = timelineUnknowns(base.facts, dated);
  const span = `${formatDate((rows[0]?.date ?? "").slice(0, 7))} to ${formatDate((rows.at(-1)?.date ?? "").slice(0, 7))}`;

  const head = heading(
    title,
    `${rows.length} dated events, ${span}. Busy months are drawn taller.`,
    theme,
  );
  const body = [...head.parts, ...legend(rows, theme, head.y + 24)];
  const { ticks, tops, end } = layOut(rows, head.y + 48);
  body.push(...axis(ticks, end, theme));
  rows.forEach((row, i) => {
    body.push(eventRow(row, tops[i] ?? end, theme));
  });
  let bottom = end;
  if (unknowns.length > 0) {
    const open = openQuestions(unknowns, end + 20, theme);
    body.push(open.group);
    bottom = open.y;
  }
  const height = Math.ceil(bottom + PAD);

  const who = parties
    .filter((p) => rows.some((r) => r.party === p))
    .map((p) => p.name)
    .join(", ");
  const alt =
    `${title}: a picture of ${rows.length} dated events from ${span}, marked by who acted (${who})` +
    (unknowns.length > 0 ? `, and ${unknowns.length} open questions no source answers` : "") +
    ". The message text lists every event.";
  return {
    svg: svgDocument(WIDTH, height, theme.background, body),
    title: title,
    width: WIDTH,
    height,
    alt,
  };
}
