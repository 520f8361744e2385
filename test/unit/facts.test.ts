/**
 * The fact base's integrity and honesty rules, checked on the real base and
 * on deliberately broken copies of it. The rules the loader enforces are
 * tested through broken copies (the real base could not load without them).
 * Checks against the research brief (a `shared/` folder beside the checkout
 * or one of its parents) fail if the brief is there but unreadable, and skip
 * with a warning on stderr when it is absent, e.g. on a fresh clone.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, type TestContext, test } from "node:test";
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
  quoteAttribution,
  rawFactBase,
  sourceLine,
  timelineFacts,
} from "../../src/facts/index.ts";
import { timelineOf } from "../../src/facts/timeline.ts";

/** The research brief's folder: `shared/` beside the checkout or beside one of its parents. */
function findShared(): string | undefined {
  let dir = fileURLToPath(new URL("../../", import.meta.url));
  for (let parent = dirname(dir); parent !== dir; dir = parent, parent = dirname(dir)) {
    if (existsSync(join(parent, "shared", "FACTS.md"))) return join(parent, "shared");
  }
  return undefined;
}

const shared = findShared();
const factsMd = shared && join(shared, "FACTS.md");
const sourcesDir = shared && join(shared, "sources");

/** Skips a brief check out loud: the skip is easy to miss in a long test run. */
function briefMissing(t: TestContext, what: string): void {
  const why = `SKIPPED: ${what}: no shared/FACTS.md beside this checkout or its parents, so the facts are not checked against the research brief`;
  process.stderr.write(`warning: ${why}\n`);
  t.diagnostic(why);
  t.skip(why);
}

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
  });

  test("every source is cited by some fact", () => {
    const cited = new Set(factBase.facts.flatMap((f) => f.citations.map((c) => c.source)));
    for (const s of factBase.sources) assert.ok(cited.has(s.id), `${s.id} is cited`);
  });

  test("questions: 4-16 per fact", () => {
    for (const fact of factBase.facts) {
      assert.ok(
        fact.questions.length >= 4 && fact.questions.length <= 16,
        `${fact.id} has 4-16 questions`,
      );
    }
  });

  test("related lists have 1-3 entries and entities are named", () => {
    for (const fact of factBase.facts) {
      assert.ok(fact.related.length >= 1 && fact.related.length <= 3, `${fact.id} related`);
      assert.ok(fact.entities.length >= 1, `${fact.id} entities`);
    }
  });

  test("the known unknowns are recorded as unknown", () => {
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
  });

  test("same-day events keep what happened first: The Verge's report before the suspension", () => {
    const ids = timelineFacts("incident").map((f) => f.id);
    const report = ids.indexOf("incident.verge-report");
    const suspension = ids.indexOf("incident.suspension-date");
    assert.ok(report >= 0 && suspension >= 0);
    assert.ok(report < suspension, "the report comes first");
    // The order key, not the id, decides: swap the keys and the order flips.
    const swapped = factBase.facts.map((f) =>
      f.when?.order === undefined ? f : { ...f, when: { ...f.when, order: 3 - f.when.order } },
    );
    const flipped = timelineOf(swapped, "incident").map((f) => f.id);
    assert.ok(
      flipped.indexOf("incident.suspension-date") < flipped.indexOf("incident.verge-report"),
    );
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
    if (!factsMd) return briefMissing(t, "quotes against FACTS.md");
    const brief = squash(readFileSync(factsMd, "utf8"));
    const quotes = factBase.facts.flatMap((f) =>
      f.citations.flatMap((c) => (c.quote ? [{ id: f.id, quote: c.quote }] : [])),
    );
    assert.ok(quotes.length >= 5, "the base quotes its sources");
    for (const { id, quote } of quotes)
      assert.ok(brief.includes(squash(quote)), `${id}: quote not in FACTS.md: ${quote}`);
  });

  test("every source id in FACTS.md's table is in the base", (t) => {
    if (!factsMd) return briefMissing(t, "source ids against FACTS.md");
    const ids = [...readFileSync(factsMd, "utf8").matchAll(/^\| ([a-z0-9-]+) \|/gm)]
      .map((m) => m[1])
      .filter((id) => id !== "id");
    assert.ok(ids.length >= 10);
    for (const id of ids) assert.ok(id && getSource(id), `source ${id}`);
  });

  test("no statement copies a 12-word run from the article", (t) => {
    if (!sourcesDir) return briefMissing(t, "statements against the stored article");
    const articles = readdirSync(sourcesDir).filter((f) => f.endsWith(".txt"));
    assert.ok(articles.length > 0, `the brief stores the article text in ${sourcesDir}`);
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
    copy.facts.push({
      ...first,
      questions: ["A different question here?", "And another one?"],
      asked: [],
    });
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

  test("a statement with a canned yes/no opener", () => {
    for (const opener of ["Yes. ", "Yes, according to The Verge: ", "No, "]) {
      const raw = withFact("incident.suspension", (f) => {
        f.statement = `${opener}OpenAI suspended ByteDance's account while it investigates.`;
      });
      assertLoadFails(raw, 'Fact "incident.suspension"', "statement", "opener");
    }
  });

  test("an unknown fact that does not state the gap", () => {
    const raw = withFact("incident.reinstated", (f) => {
      f.statement = "OpenAI restored ByteDance's account in early 2024 after talks.";
    });
    assertLoadFails(raw, 'Fact "incident.reinstated"', "statement");
  });

  test("a statement naming an outlet it does not cite", () => {
    const raw = withFact("incident.reason", (f) => {
      f.statement =
        "As reported by The Decoder, OpenAI acted because ByteDance used its models to build a rival.";
    });
    assertLoadFails(raw, 'Fact "incident.reason"', 'statement names "The Decoder"');
    const verge = withFact("incident.bytedance.outside-china", (f) => {
      f.statement = "The Verge reported that GPT powers some ByteDance features outside China.";
    });
    assertLoadFails(verge, 'Fact "incident.bytedance.outside-china"', '"The Verge"');
  });

  test("the same statement loads once the outlet is cited", () => {
    const raw = withFact("incident.bytedance.outside-china", (f) => {
      f.statement = "The Verge reported that GPT powers some ByteDance features outside China.";
      (f.citations as { source: string }[]).push({ source: "verge-2023-12-15-report" });
    });
    assert.doesNotThrow(() => loadFactBase(raw));
  });

  test("a claim that is not a question", () => {
    const raw = withFact("incident.suspension", (f) => {
      f.claims = [{ ask: "OpenAI suspended ByteDance", answer: "yes" }];
    });
    assertLoadFails(raw, 'Fact "incident.suspension"', "claims[0].ask", '"?"');
  });

  test("a claim with an answer other than yes, no or unknown", () => {
    const raw = withFact("incident.suspension", (f) => {
      f.claims = [{ ask: "Was the suspension permanent?", answer: "maybe" }];
    });
    assertLoadFails(raw, 'Fact "incident.suspension"', "claims[0].answer");
  });

  test("an unknown answer on a fact that records no gap", () => {
    const raw = withFact("incident.suspension", (f) => {
      f.claims = [{ ask: "Is the account still suspended now?", answer: "unknown" }];
    });
    assertLoadFails(raw, 'Fact "incident.suspension"', "claims[0]", 'firmness "unknown"');
  });

  test("a claim asked by two facts, or one that is another fact's question", () => {
    const twice = withFact("incident.suspension-length", (f) => {
      f.claims = [{ ask: "Was ByteDance's account reinstated?", answer: "unknown" }];
    });
    assertLoadFails(twice, 'Fact "incident.', "already a claim of");
    const borrowed = withFact("incident.suspension", (f) => {
      f.claims = [{ ask: "Who is OpenAI?", answer: "yes" }];
    });
    assertLoadFails(
      borrowed,
      'Fact "incident.suspension"',
      'question of fact "incident.parties.openai"',
    );
  });

  test("two events of one day with the same order", () => {
    const raw = withFact("incident.verge-report", (f) => {
      (f.when as { order?: number }).order = 2;
    });
    assertLoadFails(raw, "when.order", "2023-12-15");
    const missing = withFact("incident.verge-report", (f) => {
      delete (f.when as { order?: number }).order;
    });
    assertLoadFails(missing, "when.order is missing");
  });

  test("a link to another site that does not say which", () => {
    const copy = structuredClone(rawFactBase);
    const cnn = copy.sources.find((s) => s.id === "cnn-2023-12-19");
    assert.ok(cnn);
    delete cnn.urlNote;
    assertLoadFails(copy, 'Source "cnn-2023-12-19"', "urlNote", "ktvz.com");
  });

  test("an invalid source names the source and field", () => {
    const copy = structuredClone(rawFactBase);
    const first = copy.sources[0];
    assert.ok(first);
    copy.sources[0] = { ...first, url: "not a url" };
    assertLoadFails(copy, `Source "${first.id}"`, "url");
  });
});

describe("how sources are shown", () => {
  test("a quote from a secondary source says so, with no 'via' when the speaker is the publisher", () => {
    const exported = exportFactBase();
    const zh = exported.facts.find((f) => f.id === "incident.bytedance.statement-zh");
    const quoted = zh?.citations.find((c) => c.quote);
    assert.ok(quoted);
    assert.equal(quoteAttribution(quoted), "ByteDance, 2023-12-16, as reported by others");
    const felix = exported.facts
      .find((f) => f.id === "incident.statement")
      ?.citations.find((c) => c.quote);
    assert.ok(felix);
    assert.equal(
      quoteAttribution(felix),
      "Niko Felix, OpenAI spokesperson, via The Verge, 2023-12-15",
    );
  });

  test("source lines mark secondary sources and say where a link really goes", () => {
    const line = (id: string) => {
      const source = getSource(id);
      assert.ok(source, id);
      return sourceLine(source);
    };
    assert.match(line("bytedance-2023-12-16"), /secondary/);
    assert.match(line("bytedance-2023-12-16"), /no stable link/);
    assert.match(line("openai-business-terms-2023-11-14"), /secondary/);
    assert.doesNotMatch(line("verge-2023-12-15-report"), /secondary/);
    assert.match(
      line("cnn-2023-12-19"),
      /https:\/\/ktvz\.com\/\S+ \(syndicated copy on ktvz\.com\)$/,
    );
    assert.match(line("openai-tou-2023-03-14"), /terms-of-use \(current page/);
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
