/**
 * The word-level speller on a small made-up vocabulary: one edit fixes a
 * typo, two do not, short words follow stricter rules, the more frequent
 * word wins, and ties break the same way whatever the vocabulary's order.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createSpeller } from "../../src/answer/spell.ts";

const VOCABULARY: [string, number][] = [
  ["bytedance", 5],
  ["openai", 4],
  ["suspend", 10],
  ["suspect", 1],
  ["project", 2],
  ["seed", 2],
  ["nico", 1],
  ["bat", 3],
];
const speller = createSpeller(new Map(VOCABULARY), new Set(["nico"]));

describe("one edit is fixed", () => {
  const cases: [string, string, string][] = [
    ["insert a missing letter", "bytdance", "bytedance"],
    ["delete an extra letter", "bytedannce", "bytedance"],
    ["substitute a wrong letter", "bytedancr", "bytedance"],
    ["swap two neighbours", "opneai", "openai"],
    ["swap at the end", "bytedanec", "bytedance"],
    ["insert at the start", "roject", "project"],
  ];
  for (const [edit, typo, word] of cases) {
    test(`${edit}: ${typo} -> ${word}`, () => assert.equal(speller.correct(typo), word));
  }
});

describe("no fix", () => {
  test("for two edits", () => {
    assert.equal(speller.correct("bytdanse"), undefined); // delete + substitute
    assert.equal(speller.correct("pjorcet"), undefined);
    assert.equal(speller.correct("opnea"), undefined); // swap + delete
  });

  test("for known words, words with digits, and one- or two-letter words", () => {
    assert.equal(speller.correct("bytedance"), undefined);
    assert.equal(speller.correct("seed"), undefined);
    assert.equal(speller.correct("byt3dance"), undefined);
    assert.equal(speller.correct("ba"), undefined);
    assert.equal(speller.correct("b"), undefined);
    assert.equal(speller.correct(""), undefined);
  });

  test("for a word unlike anything known", () => {
    assert.equal(speller.correct("weather"), undefined);
  });
});

describe("short words", () => {
  test("three letters become only a function word", () => {
    assert.equal(speller.correct("wht"), "what");
    assert.equal(speller.correct("wen"), "when");
    assert.equal(speller.correct("bta"), undefined, "a swap to 'bat', not a function word");
    assert.equal(speller.correct("sed"), undefined, "an insert to 'seed', not a function word");
  });

  test("four letters: only a swap, a name, or a function word", () => {
    assert.equal(speller.correct("sede"), "seed", "swap");
    assert.equal(speller.correct("sead"), undefined, "substitution into a non-name");
    assert.equal(speller.correct("seedy"), "seed", "five letters may delete");
    assert.equal(speller.correct("niko"), "nico", "substitution into a name");
    assert.equal(speller.correct("whta"), "what", "swap into a function word");
  });

  test("names only count when given as names", () => {
    const noNames = createSpeller(new Map(VOCABULARY));
    assert.equal(noNames.correct("niko"), undefined);
  });
});

describe("choosing between candidates", () => {
  test("prefers the more frequent word", () => {
    // "suspent" is one substitution from both "suspend" and "suspect".
    assert.equal(speller.correct("suspent"), "suspend");
    const flipped = createSpeller(
      new Map([
        ["suspend", 1],
        ["suspect", 10],
      ]),
    );
    assert.equal(flipped.correct("suspent"), "suspect");
  });

  test("ties go to the alphabetically first word, whatever the vocabulary order", () => {
    const forward = createSpeller(
      new Map([
        ["suspend", 3],
        ["suspect", 3],
      ]),
    );
    const backward = createSpeller(
      new Map([
        ["suspect", 3],
        ["suspend", 3],
      ]),
    );
    assert.equal(forward.correct("suspent"), "suspect");
    assert.equal(backward.correct("suspent"), "suspect");
    // Built-in function words tie at one: "thay" is one edit from both "that" and "they".
    assert.equal(speller.correct("thay"), "that");
  });

  test("the same typo always gets the same fix", () => {
    const again = createSpeller(new Map([...VOCABULARY].reverse()), new Set(["nico"]));
    for (const typo of ["bytdance", "opneai", "suspent", "thay", "niko", "wht", "sead"]) {
      assert.equal(again.correct(typo), speller.correct(typo), typo);
    }
  });

  test("has() knows the vocabulary and the built-in function words", () => {
    assert.equal(speller.has("bytedance"), true);
    assert.equal(speller.has("what"), true);
    assert.equal(speller.has("bytdance"), false);
  });
});
