/**
 * The command line as a user runs it: a real `node --import tsx src/cli.ts`
 * process per case. The spawns are the slow part, so they are few and all
 * start together; each is bounded by a timeout.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { decodePngSize } from "../support/png.ts";
import { type Run, runNode } from "../support/run-process.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const TIMEOUT_MS = 30_000;

// The child is a plain CLI run, not part of this test run.
const { NODE_TEST_CONTEXT: _ctx, ...parentEnv } = process.env;
const CHILD_ENV = { ...parentEnv, LOG_LEVEL: "silent", NODE_OPTIONS: "" };

function cli(args: string[], stdin?: string): Promise<Run> {
  const argv = ["--import", "tsx", "src/cli.ts", ...args];
  return runNode(argv, { cwd: REPO, env: CHILD_ENV, stdin, timeoutMs: TIMEOUT_MS });
}

const PUBLIC_KEYS = [
  "answer",
  "answered",
  "citations",
  "confidence",
  "facts",
  "followUps",
  "quotes",
];

const runs: Record<string, Run> = {};
const PICTURE_DIR = mkdtempSync(join(tmpdir(), "idesk-cli-"));
const PICTURE_OUT = join(PICTURE_DIR, "versions-dark.png");
after(() => rmSync(PICTURE_DIR, { recursive: true, force: true }));

before(async () => {
  const started = {
    askJson: cli(["ask", "why was bytedance suspended", "--json"]),
    askStdin: cli(
      ["ask", "-"],
      "why was bytedance suspended\nwhat is the weather today\nwhat is project seed\n",
    ),
    explain: cli(["ask", "what is projct seed", "--explain"]),
    facts: cli(["facts", "--json"]),
    eval: cli(["eval", "--json"]),
    unknown: cli(["frobnicate"]),
    noQuestion: cli(["ask"]),
    missingSet: cli(["eval", "--set", "missing.json"]),
  };
  for (const [name, run] of Object.entries(started)) runs[name] = await run;
  // After the others, so these do not compete with them for the machine.
  const pictures = {
    picture: cli(["picture", "versions", "--out", PICTURE_OUT, "--theme", "dark"]),
    badPicture: cli(["picture", "sunset"]),
  };
  for (const [name, run] of Object.entries(pictures)) runs[name] = await run;
});

const run = (name: string): Run => {
  const r = runs[name];
  assert.ok(r, `${name} ran`);
  return r;
};

describe("cli", () => {
  test("ask --json prints one JSON object with exactly the public keys", () => {
    const { code, stdout } = run("askJson");
    assert.equal(code, 0);
    const lines = stdout.trim().split("\n");
    assert.equal(lines.length, 1);
    const answer = JSON.parse(lines[0] ?? "");
    assert.deepEqual(Object.keys(answer).sort(), PUBLIC_KEYS);
    assert.equal(answer.answered, true);
    assert.deepEqual(answer.facts, ["incident.reason"]);
    assert.ok(answer.citations.length >= 1);
    assert.ok(answer.confidence > 0 && answer.confidence <= 1);
  });

  test("ask - answers each stdin line, in order, one JSON line each", () => {
    const { code, stdout } = run("askStdin");
    assert.equal(code, 0);
    const answers = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(answers.length, 3);
    assert.deepEqual(
      answers.map((a) => a.facts),
      [["incident.reason"], [], ["incident.project-seed"]],
    );
    assert.deepEqual(
      answers.map((a) => a.answered),
      [true, false, true],
    );
    for (const a of answers) assert.deepEqual(Object.keys(a).sort(), PUBLIC_KEYS);
  });

  test("ask --explain prints the features behind the answer, then the answer", () => {
    const { code, stdout } = run("explain");
    assert.equal(code, 0);
    assert.match(stdout, /^kind: +what$/m);
    assert.match(stdout, /^typos: +projct>project$/m);
    assert.match(stdout, /^acceptor: probability [01]\.\d{3} \(answers at [01]\.\d+ or more\)$/m);
    assert.match(
      stdout,
      /^incident\.project-seed: rank score -?\d+\.\d{3} \(matched: project seed\)$/m,
    );
    assert.match(stdout, /^ {2}coverage +\d\.\d{3} +-?\d+\.\d{3} +-?\d+\.\d{3}$/m);
    assert.match(stdout, /^== What is Project Seed\? ==$/m);
  });

  test("facts --json prints the sources and facts, every citation expanded", () => {
    const { code, stdout } = run("facts");
    assert.equal(code, 0);
    const base = JSON.parse(stdout);
    assert.ok(Array.isArray(base.sources) && base.sources.length > 0);
    assert.ok(Array.isArray(base.facts) && base.facts.length > 0);
    const sourceIds = new Set(base.sources.map((s: { id: string }) => s.id));
    for (const fact of base.facts) {
      assert.ok(fact.citations.length >= 1, fact.id);
      for (const c of fact.citations) {
        assert.ok(sourceIds.has(c.sourceId), `${fact.id}: ${c.sourceId}`);
        assert.ok(c.publisher && c.title && c.date, `${fact.id}: citation not expanded`);
        assert.equal(c.source, undefined);
      }
    }
  });

  test("eval --json prints a report", () => {
    const { code, stdout } = run("eval");
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.ok(report.answer.items > 0 && report.abstain.items > 0);
    assert.ok(report.answer.correct <= report.answer.items);
    assert.ok(report.abstain.correct <= report.abstain.items);
    assert.ok(Array.isArray(report.misses));
    assert.equal(
      report.misses.length,
      report.answer.items - report.answer.correct + (report.abstain.items - report.abstain.correct),
    );
  });

  test("eval --set with a missing file says the file is missing", () => {
    const { code, stdout, stderr } = run("missingSet");
    assert.equal(code, 1);
    assert.equal(stdout, "");
    assert.match(stderr, /No question set at missing\.json/);
  });

  test("an unknown subcommand exits 2 with usage on stderr", () => {
    const { code, stdout, stderr } = run("unknown");
    assert.equal(code, 2);
    assert.equal(stdout, "");
    assert.match(stderr, /Unknown command "frobnicate"/);
    assert.match(stderr, /Usage:/);
  });

  test("ask with no question exits 2 with usage on stderr", () => {
    const { code, stdout, stderr } = run("noQuestion");
    assert.equal(code, 2);
    assert.equal(stdout, "");
    assert.match(stderr, /Usage:/);
  });

  test("picture writes the PNG where --out says and prints its size", () => {
    const { code, stdout } = run("picture");
    assert.equal(code, 0);
    assert.match(stdout, /versions-dark\.png \(800x\d+ px, \d+ KB\)/);
    assert.equal(decodePngSize(readFileSync(PICTURE_OUT)).width, 800);
  });

  test("picture with an unknown name exits 1 and names the pictures it can draw", () => {
    const { code, stdout, stderr } = run("badPicture");
    assert.equal(code, 1);
    assert.equal(stdout, "");
    assert.match(stderr, /"sunset" is not a picture I can draw\. Try one of: timeline, versions\./);
  });
});
