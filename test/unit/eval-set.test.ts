// Validates the shape of the evaluation question sets (dev and held-out), not the engine's answers.
// A malformed set would make `npm run eval` report numbers that mean nothing, so it fails here first.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type EvalItem, EvalSetSchema } from "../../src/cli/eval-schema.ts";
import { blindSetFiles } from "../../src/cli/eval-sets.ts";

const categories = [
  "paraphrase",
  "terse",
  "long",
  "typo",
  "yes-no",
  "who",
  "when",
  "why",
  "how",
  "policy",
  "unknown",
  "out-of-scope",
  "adversarial",
  "alias",
] as const;

type Category = (typeof categories)[number];

/**
 * The dev and held-out sets use the runner's one schema, plus their own
 * rules: a known category, 1-3 patterns on every answer item, none on an
 * abstain item.
 */
function setRule(item: EvalItem): string | undefined {
  if (!categories.includes(item.category as Category)) return `unknown category ${item.category}`;
  if (item.expect === "answer" && !item.must?.length) return "an answer item needs `must`";
  if (item.expect === "abstain" && item.must) return "an abstain item has no `must`";
  return undefined;
}

// Two phrasings that differ only in case or spacing count as the same question.
const key = (q: string): string => q.trim().toLowerCase().replace(/\s+/g, " ");

function load(name: string): EvalItem[] {
  const url = new URL(`../eval/${name}`, import.meta.url);
  const parsed = EvalSetSchema.safeParse(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    assert.fail(`${name} is malformed: ${where}`);
  }
  const broken = parsed.data.flatMap((item, i) => {
    const problem = setRule(item);
    return problem ? [`${i}: ${problem}`] : [];
  });
  assert.deepEqual(broken.slice(0, 5), [], `${name} breaks the set rules`);
  return parsed.data;
}

function checkSet(name: string, minItems: number): void {
  describe(name, () => {
    const items = load(name);

    it(`has at least ${minItems} items`, () => {
      assert.ok(items.length >= minItems, `${items.length} < ${minItems}`);
    });

    it("has no duplicate questions", () => {
      const seen = new Set<string>();
      const dupes = items.map((i) => key(i.q)).filter((k) => seen.has(k) || !seen.add(k));
      assert.deepEqual(dupes, []);
    });

    it("covers every category", () => {
      const present = new Set(items.map((i) => i.category));
      assert.deepEqual(
        categories.filter((c) => !present.has(c)),
        [],
      );
    });

    it("keeps abstentions to out-of-scope and adversarial items", () => {
      const stray = items.filter(
        (i) =>
          i.expect === "abstain" && i.category !== "out-of-scope" && i.category !== "adversarial",
      );
      assert.deepEqual(
        stray.map((i) => i.q),
        [],
      );
    });

    it("has a realistic share of questions the bot must decline (15-40%)", () => {
      const share = items.filter((i) => i.expect === "abstain").length / items.length;
      assert.ok(share >= 0.15 && share <= 0.4, `abstain share ${share.toFixed(2)}`);
    });
  });
}

checkSet("questions.json", 200);
checkSet("holdout.json", 80);

describe("dev and held-out sets", () => {
  it("share no question", () => {
    const dev = new Set(load("questions.json").map((i) => key(i.q)));
    const shared = load("holdout.json").filter((i) => dev.has(key(i.q)));
    assert.deepEqual(
      shared.map((i) => i.q),
      [],
    );
  });
});

describe("training data and the sets it must not see", () => {
  // A question the engine learns from that is also a holdout or blind question
  // makes that set's figure a memory test. Only a count is shown, never the
  // blind questions themselves.
  it("no dev, persona (train/asked/) or negative question is a holdout or blind question", () => {
    // Case, spacing and punctuation aside: "Who is Niko Felix?" is "who is niko felix".
    const loose = (q: string) =>
      q
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, " ")
        .trim();
    const evalDir = fileURLToPath(new URL("../eval/", import.meta.url));
    const unseenSets = [join(evalDir, "holdout.json"), ...blindSetFiles(evalDir)];
    // Every blind set there is, so a new one cannot be left out of this check.
    assert.ok(unseenSets.length >= 11, unseenSets.join(", "));
    const unseen = new Set(
      unseenSets.flatMap((f) =>
        EvalSetSchema.parse(JSON.parse(readFileSync(f, "utf8"))).map((i) => loose(i.q)),
      ),
    );
    const askedDir = new URL("../../train/asked/", import.meta.url);
    const training = [
      ...load("questions.json").map((i) => i.q),
      ...readdirSync(askedDir).flatMap((f) =>
        EvalSetSchema.parse(JSON.parse(readFileSync(new URL(f, askedDir), "utf8"))).map((i) => i.q),
      ),
      ...z
        .array(z.object({ q: z.string() }))
        .parse(
          JSON.parse(readFileSync(new URL("../../train/negatives.json", import.meta.url), "utf8")),
        )
        .map((n) => n.q),
    ];
    const shared = training.filter((q) => unseen.has(loose(q))).length;
    assert.equal(shared, 0, `${shared} training questions are also holdout or blind questions`);
  });
});
