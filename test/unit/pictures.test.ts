/**
 * The pictures, drawn from the facts: what the SVGs contain (one mark per
 * dated fact, the unknowns apart, one bar per policy version), that the text
 * fits and nothing overlaps, the rendered PNGs (size, cache), and that the
 * PNGs committed for the README are what the code draws today. Each picture
 * is rendered once in this file (the cache serves the rest).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { FactBaseError, factBase, loadFactBase, rawFactBase } from "../../src/facts/index.ts";
import { partyOf } from "../../src/facts/parties.ts";
import type { FactBase } from "../../src/facts/schema.ts";
import { timelineOf } from "../../src/facts/timeline.ts";
import { drawPicture } from "../../src/pictures/draw.ts";
import { textWidth } from "../../src/pictures/font.ts";
import { PAD, WIDTH } from "../../src/pictures/frame.ts";
import { factsHash, PICTURE_NAMES, renderPicture } from "../../src/pictures/index.ts";
import { timelineUnknowns } from "../../src/pictures/timeline.ts";
import { onDay, versionBars } from "../../src/pictures/versions.ts";
import { decodePngSize } from "../support/png.ts";

const DOCS = fileURLToPath(new URL("../../docs/pictures/", import.meta.url));

/** The data-fact ids of the groups of one class, in drawing order. */
function idsOf(svg: string, cls: string, attr = "data-fact"): string[] {
  return [...svg.matchAll(new RegExp(`<g class="${cls}" ${attr}="([^"]+)"`, "g"))].map(
    (m) => m[1] ?? "",
  );
}

interface TextRun {
  x: number;
  y: number;
  size: number;
  bold: boolean;
  anchor: string;
  content: string;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function textRuns(svg: string): TextRun[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1] ?? "")?.[1];
    return {
      x: Number(attr("x")),
      y: Number(attr("y")),
      size: Number(attr("font-size")),
      bold: attr("font-weight") === "bold",
      anchor: attr("text-anchor") ?? "start",
      content: unescapeXml(m[2] ?? ""),
    };
  });
}

/** Left and right edge of a run of text. */
function extent(run: TextRun): [number, number] {
  const width = textWidth(run.content, run.size, run.bold ? "bold" : "regular");
  if (run.anchor === "end") return [run.x - width, run.x];
  if (run.anchor === "middle") return [run.x - width / 2, run.x + width / 2];
  return [run.x, run.x + width];
}

function checkLayout(svg: string): void {
  const runs = textRuns(svg);
  assert.ok(runs.length > 10);
  for (const run of runs) {
    const [left, right] = extent(run);
    assert.ok(left >= PAD - 0.5 && right <= WIDTH - PAD + 0.5, `"${run.content}" fits the width`);
  }
  // No two runs overlap: boxes from the baseline up one font size.
  for (const [i, a] of runs.entries()) {
    for (const b of runs.slice(i + 1)) {
      const [al, ar] = extent(a);
      const [bl, br] = extent(b);
      const across = al < br && bl < ar;
      const down = a.y - a.size < b.y && b.y - b.size < a.y;
      assert.ok(!(across && down), `"${a.content}" and "${b.content}" overlap`);
    }
  }
}

describe("the timeline picture", () => {
  const svg = drawPicture("timeline").svg;
  const dated = timelineOf(factBase.facts);

  test("draws one event per dated fact, in timeline order", () => {
    assert.ok(dated.length >= 10);
    assert.deepEqual(
      idsOf(svg, "event"),
      dated.map((f) => f.id),
    );
  });

  test("lists the related unknowns apart, after every event, not as events", () => {
    const unknowns = timelineUnknowns(factBase.facts, dated);
    assert.ok(unknowns.length >= 1);
    assert.deepEqual(
      idsOf(svg, "unknown"),
      unknowns.map((f) => f.id),
    );
    for (const f of unknowns) assert.equal(f.firmness, "unknown");
    assert.ok(svg.indexOf('class="unknowns"') > svg.lastIndexOf('class="event"'));
    assert.ok(svg.includes("Not known: no source says"));
  });

  test("every dated fact names the party that acted", () => {
    for (const f of dated)
      assert.ok(partyOf(f), `${f.id}: no party among ${f.entities.join(", ")}`);
  });

  test("its text fits the width and no two labels overlap", () => {
    checkLayout(svg);
  });

  test("text from the facts is escaped", () => {
    const base: FactBase = structuredClone(factBase);
    const fact = base.facts.find((f) => f.when);
    assert.ok(fact?.when);
    fact.when.label = 'Both "A" & <B>';
    const drawn = drawPicture("timeline", { base }).svg;
    assert.ok(drawn.includes("Both &quot;A&quot; &amp; &lt;B&gt;"));
    assert.ok(!drawn.includes("<B>"));
  });
});

describe("the policy-versions picture", () => {
  const svg = drawPicture("versions").svg;
  const bars = versionBars(factBase.sources);

  test("draws one bar per policy document, in the order they took effect", () => {
    assert.deepEqual(
      bars.map((b) => [b.name, b.inForce, b.replacedOn]),
      [
        ["Terms of Use", "2023-03-14", "2024-01-31"],
        ["Business Terms", "2024-01-31", "2025-05-31"],
        ["Terms of Use", "2024-01-31", undefined],
        ["Services Agreement", "2025-05-31", undefined],
      ],
    );
    assert.deepEqual(
      idsOf(svg, "version", "data-source"),
      bars.map((b) => b.source.id),
    );
  });

  test("marks the suspension and says which terms applied that day", () => {
    const day = onDay(bars, "2023-12-15");
    assert.deepEqual(
      day.inForce.map((b) => b.source.id),
      ["openai-tou-2023-03-14"],
    );
    assert.deepEqual(
      day.pending.map((b) => b.source.id),
      ["openai-business-terms-2023-11-14"],
    );
    assert.match(svg, /On 15 Dec 2023: Terms of Use of 14 Mar 2023 in force\./);
    assert.match(svg, /stroke-dasharray="6 4"/);
  });

  test("its text fits the width and no two labels overlap", () => {
    checkLayout(svg);
  });
});

describe("a version that replaces an unknown source", () => {
  test("stops the fact base loading, naming the source and the field", () => {
    const raw = structuredClone(rawFactBase);
    const source = raw.sources.find((s) => s.version?.replaces);
    assert.ok(source?.version);
    source.version.replaces = ["no-such-source"];
    assert.throws(
      () => loadFactBase(raw),
      (err: Error) =>
        err instanceof FactBaseError &&
        err.message.includes(source.id) &&
        err.message.includes('version.replaces[0] "no-such-source"'),
    );
  });
});

describe("the rendered pictures", () => {
  for (const name of PICTURE_NAMES) {
    test(`${name}: an 800 px wide PNG under 200 KB, the same bytes from the cache`, async () => {
      const picture = await renderPicture(name);
      assert.deepEqual(decodePngSize(picture.png), { width: 800, height: picture.height });
      assert.ok(picture.png.length < 200 * 1024, `${picture.png.length} bytes`);
      assert.equal(picture.fileName, `${name}.png`);
      assert.ok(picture.alt.length > 40);
      assert.equal(await renderPicture(name), picture, "the cached picture");
    });

    test(`${name}: docs/pictures/${name}.png is current (npm run --silent picture -- ${name} --out docs/pictures/${name}.png)`, async () => {
      const committed = readFileSync(`${DOCS}${name}.png`);
      assert.ok(committed.equals((await renderPicture(name)).png));
    });
  }

  test("the dark theme is a solid dark background", () => {
    for (const name of PICTURE_NAMES) {
      const dark = drawPicture(name, { theme: "dark" }).svg;
      assert.match(dark, /^<svg [^>]*><rect width="800" height="\d+" fill="#1e1f22"\/>/);
    }
  });

  test("the cache key follows the facts", () => {
    assert.equal(factsHash(structuredClone(factBase)), factsHash(factBase));
    const changed: FactBase = structuredClone(factBase);
    const fact = changed.facts.find((f) => f.when);
    assert.ok(fact?.when);
    fact.when.label = `${fact.when.label}, revised`;
    assert.notEqual(factsHash(changed), factsHash(factBase));
  });
});

describe("the replies that carry a picture", () => {
  const dispatcher = createDispatcher({ commands });
  const who = { platform: "console", userId: "u" } as const;

  test("/incident timeline and /policy versions name theirs; other topics have none", async () => {
    const picture = async (command: string, topic: string) =>
      (await dispatcher.dispatch(command, { topic }, who)).picture;
    assert.equal(await picture("incident", "timeline"), "timeline");
    assert.equal(await picture("policy", "versions"), "versions");
    assert.equal(await picture("incident", "summary"), undefined);
    assert.equal(await picture("policy", "rule"), undefined);
    const shared = await dispatcher.replay("incident timeline", "share", who);
    assert.equal(shared.picture, "timeline", "Share in channel keeps the picture");
  });
});
