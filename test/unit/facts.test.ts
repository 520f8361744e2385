/**
 * The fact base's integrity and honesty rules, checked on the real base and
 * on deliberately broken copies of it. Checks against the research brief
 * (../shared) skip when that folder is absent, e.g. on a fresh clone.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  exportFactBase,
  type Fact,
  FactBaseError,
  factBase,
  factsByTopic,
  getFact,
  getSource,
  loadFactBase,
  questionKey,
  rawFactBase,
  timelineFacts,
} from "../../src/facts/index.ts";

const shared = fileURLToPath(new URL("../../../shared/", import.meta.url));
const factsMd = join(shared, "FACTS.md");
const sourcesDir = join(shared, "sources");

/** Whitespace-insensitive: FACTS.md wraps long quotes across lines. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .match(/[a-z0-9]+/g) ?? [];

function wordRuns(text: string, size: number): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + size <= w.length; i++) runs.add(w.slice(i, i + size).join(" "));
  return runs;
}

/** A deep copy of the real base with one fact changed, for the failure tests. */
function withFact(id: string, change: (fact: Record<string, unknown>) => void) {
  const copy = structuredClone(rawFactBase) as {
    sources: unknown[];
    facts: Record<string, unknown>[];
  };
  const fact = copy.facts.find((f) => f.id === id);
  assert.ok(fact, `fixture fact ${id} exists`);
  change(fact);
  return copy;
}

function assertLoadFails(raw: { sources: unknown; facts: unknown }, ...parts: (string | RegExp)[]) {
  assert.throws(
    () => loadFactBase(raw),
    (err: unknown) => {
      assert.ok(err instanceof FactBaseError, "throws a FactBaseError");
      for (const part of parts) {
        if (typeof part === "string")
          assert.ok(err.message.includes(part), `"${err.message}" names ${part}`);
        else assert.match(err.message, part);
      }
      return true;
    },
  );
}

describe("fact base integrity", () => {
  test("loads, with facts on both topics", () => {
    assert.ok(factBase.facts.length >= 40);
    assert.ok(factsByTopic.incident.length > 0 && factsByTopic.policy.length > 0);
    assert.equal(factsByTopic.incident.length + factsByTopic.policy.length, factBase.facts.length);
  });

  test("no duplicate fact or source ids", () => {
    const factIds = factBase.facts.map((f) => f.id);
    assert.equal(new Set(factIds).size, factIds.length);
    const sourceIds = factBase.sources.map((s) => s.id);
    assert.equal(new Set(sourceIds).size, sourceIds.length);
  });

  test("every citation names a known source and every related id exists", () => {
    for (const fact of factBase.facts) {
      for (const c of fact.citations)
        assert.ok(getSource(c.source), `${fact.id} cites ${c.source}`);
      for (const r of fact.related) {
        assert.ok(getFact(r), `${fact.id} relates to ${r}`);
        assert.notEqual(r, fact.id);
      }
    }
  });

  test("every source is cited by some fact", () => {
    const cited = new Set(factBase.facts.flatMap((f) => f.citations.map((c) => c.source)));
    for (const s of factBase.sources) assert.ok(cited.has(s.id), `${s.id} is cited`);
  });

  test("questions: 4-16 per fact, canonical first one <= 80 chars, none shared across the base", () => {
    const owner = new Map<string, string>();
    for (const fact of factBase.facts) {
      assert.ok(
        fact.questions.length >= 4 && fact.questions.length <= 16,
        `${fact.id} has 4-16 questions`,
      );
      assert.ok((fact.questions[0] ?? "").length <= 80);
      for (const q of fact.questions) {
        const key = questionKey(q);
        assert.equal(
          owner.get(key),
          undefined,
          `"${q}" of ${fact.id} is also in ${owner.get(key)}`,
        );
        owner.set(key, fact.id);
      }
    }
  });

  test("related lists have 1-3 entries and entities are named", () => {
    for (const fact of factBase.facts) {
      assert.ok(fact.related.length >= 1 && fact.related.length <= 3, `${fact.id} related`);
      assert.ok(fact.entities.length >= 1, `${fact.id} entities`);
    }
  });

  test("secondary facts attribute their statement", () => {
    for (const fact of factBase.facts.filter((f) => f.firmness === "secondary")) {
      assert.match(fact.statement, /reported|according to|told|said|says/i, fact.id);
    }
  });

  test("known unknowns exist and say plainly that no source says", () => {
    const unknown = factBase.facts.filter((f) => f.firmness === "unknown");
    for (const id of [
      "incident.reinstated",
      "incident.microsoft-decision",
      "incident.investigation-outcome",
      "incident.amount",
      "incident.legal-action",
      "incident.seed-outcome",
      "incident.suspension-length",
      "incident.other-companies",
    ]) {
      assert.equal(getFact(id)?.firmness, "unknown", id);
    }
    for (const fact of unknown) assert.match(fact.statement, /no source/i, fact.id);
  });

  test("timeline facts are dated and sorted", () => {
    const timeline = timelineFacts("incident");
    assert.ok(timeline.length >= 8);
    const dates = timeline.map((f) => f.when?.date ?? "");
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(dates.includes("2023-12-15") && dates.includes("2024-07-09"));
  });

  test("every /incident and /policy topic has facts behind it", () => {
    for (const id of [
      "incident.summary",
      "incident.parties",
      "incident.project-seed",
      "incident.reason",
      "incident.statement",
      "incident.bytedance.response",
      "incident.next-steps",
      "policy.rule",
      "policy.versions",
      "policy.exceptions",
      "policy.enforcement",
      "policy.microsoft",
      "policy.applies-to-me",
      "policy.not-legal-advice",
    ]) {
      assert.ok(getFact(id), id);
    }
  });
});

describe("fact base against the research brief", () => {
  test("every quote appears verbatim in FACTS.md", (t) => {
    if (!existsSync(factsMd)) return t.skip("../shared/FACTS.md is absent");
    const brief = squash(readFileSync(factsMd, "utf8"));
    for (const fact of factBase.facts) {
      for (const c of fact.citations) {
        if (c.quote)
          assert.ok(
            brief.includes(squash(c.quote)),
            `${fact.id}: quote not in FACTS.md: ${c.quote}`,
          );
      }
    }
  });

  test("every source id in FACTS.md's table is in the base", (t) => {
    if (!existsSync(factsMd)) return t.skip("../shared/FACTS.md is absent");
    const ids = [...readFileSync(factsMd, "utf8").matchAll(/^\| ([a-z0-9-]+) \|/gm)]
      .map((m) => m[1])
      .filter((id) => id !== "id");
    assert.ok(ids.length >= 10);
    for (const id of ids) assert.ok(id && getSource(id), `source ${id}`);
  });

  test("no statement copies a 12-word run from the article", (t) => {
    if (!existsSync(sourcesDir)) return t.skip("../shared/sources is absent");
    const articles = readdirSync(sourcesDir).filter((f) => f.endsWith(".txt"));
    if (articles.length === 0) return t.skip("no article text stored");
    const runs = new Set<string>();
    for (const file of articles) {
      for (const run of wordRuns(readFileSync(join(sourcesDir, file), "utf8"), 12)) runs.add(run);
    }
    for (const fact of factBase.facts) {
      for (const run of wordRuns(fact.statement, 12))
        assert.ok(!runs.has(run), `${fact.id} copies "${run}"`);
    }
  });
});

describe("loadFactBase rejects a broken fact, naming the fact and the field", () => {
  test("unknown source id", () => {
    const raw = withFact("incident.reason", (f) => {
      (f.citations as { source: string }[])[0] = { source: "verg" };
    });
    assertLoadFails(
      raw,
      'Fact "incident.reason" is invalid',
      'citations[0].source "verg" is not a known source',
    );
  });

  test("missing field", () => {
    const raw = withFact("incident.suspension", (f) => {
      delete f.statement;
    });
    assertLoadFails(raw, 'Fact "incident.suspension"', "statement");
  });

  test("unknown related id", () => {
    const raw = withFact("policy.rule", (f) => {
      f.related = ["policy.versions", "policy.nope"];
    });
    assertLoadFails(raw, 'Fact "policy.rule"', 'related[1] "policy.nope"');
  });

  test("a fact related to itself", () => {
    const raw = withFact("policy.rule", (f) => {
      f.related = ["policy.rule"];
    });
    assertLoadFails(raw, 'Fact "policy.rule"', "related[0]");
  });

  test("duplicate fact id", () => {
    const copy = structuredClone(rawFactBase);
    const first = copy.facts[0] as Fact;
    copy.facts.push({ ...first, questions: ["A different question here?", "And another one?"] });
    assertLoadFails(copy, `Fact "${first.id}"`, "id is used by more than one fact");
  });

  test("duplicate source id", () => {
    const copy = structuredClone(rawFactBase);
    const first = copy.sources[0];
    assert.ok(first);
    copy.sources.push({ ...first });
    assertLoadFails(copy, `Source "${first.id}"`, "id");
  });

  test("a question shared by two facts", () => {
    let index = -1;
    const raw = withFact("policy.rule", (f) => {
      index = (f.questions as string[]).push("who is OpenAI") - 1;
    });
    assertLoadFails(
      raw,
      'Fact "policy.rule"',
      `questions[${index}]`,
      'already a question of fact "incident.parties.openai"',
    );
  });

  test("a secondary fact that does not attribute", () => {
    const raw = withFact("incident.bytedance.skylark", (f) => {
      f.statement = "Skylark is the name of ByteDance's own large language model.";
    });
    assertLoadFails(raw, 'Fact "incident.bytedance.skylark"', "statement");
  });

  test("an unknown fact that does not state the gap", () => {
    const raw = withFact("incident.reinstated", (f) => {
      f.statement = "OpenAI restored ByteDance's account in early 2024 after talks.";
    });
    assertLoadFails(raw, 'Fact "incident.reinstated"', "statement");
  });

  test("an invalid source names the source and field", () => {
    const copy = structuredClone(rawFactBase);
    const first = copy.sources[0];
    assert.ok(first);
    copy.sources[0] = { ...first, url: "not a url" };
    assertLoadFails(copy, `Source "${first.id}"`, "url");
  });
});

describe("JSON export", () => {
  test("expands every citation and survives a JSON round trip", () => {
    const exported = JSON.parse(JSON.stringify(exportFactBase()));
    assert.equal(exported.facts.length, factBase.facts.length);
    assert.equal(exported.sources.length, factBase.sources.length);
    for (const fact of exported.facts) {
      for (const c of fact.citations) {
        assert.equal(typeof c.publisher, "string");
        assert.equal(typeof c.title, "string");
        assert.match(c.date, /^\d{4}-\d{2}-\d{2}$/);
      }
    }
    const statement = exported.facts.find((f: { id: string }) => f.id === "incident.statement");
    assert.ok(statement.citations[0].url.startsWith("https://www.theverge.com/"));
    assert.ok(statement.citations[0].quote.startsWith("All API customers"));
    const zh = exported.facts.find(
      (f: { id: string }) => f.id === "incident.bytedance.statement-zh",
    );
    assert.equal(zh.citations[0].url, undefined, "the ByteDance statement has no URL");
  });
});
