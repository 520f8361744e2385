/**
 * Text -> matching terms: one stem for word forms, one canonical term for
 * synonyms and multi-word aliases, possessives and stopwords dropped, and
 * section numbers kept whole.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createTokenizer, stem } from "../../src/answer/tokenize.ts";
import { vocabulary } from "../../src/facts/vocabulary.ts";

const { termOf, tokenize, words } = createTokenizer(vocabulary);

describe("stem", () => {
  test("joins train, training, trained and trains", () => {
    const forms = ["train", "training", "trained", "trains"].map(stem);
    assert.deepEqual(forms, ["train", "train", "train", "train"]);
    assert.deepEqual(tokenize("train training trained trains"), [
      "train",
      "train",
      "train",
      "train",
    ]);
  });

  test("undoes a doubled consonant and keeps short words and numbers as they are", () => {
    assert.equal(stem("banned"), "ban");
    assert.equal(stem("stopped"), "stop");
    assert.equal(stem("api"), "api");
    assert.equal(stem("2023"), "2023");
    assert.equal(stem("policies"), "policy");
  });
});

describe("synonyms and aliases", () => {
  test("every form of ban, block and suspend is one term", () => {
    assert.deepEqual(tokenize("ban banned banning blocked suspended suspension"), [
      "suspend",
      "suspend",
      "suspend",
      "suspend",
      "suspend",
      "suspend",
    ]);
  });

  test("rule, policy, ToS and terms of service are one term", () => {
    for (const t of ["rule", "policy", "ToS", "terms of service", "terms and conditions"]) {
      assert.deepEqual(tokenize(t), ["terms"], t);
    }
  });

  test("phrase aliases become the company they name", () => {
    const bytedance = tokenize("ByteDance");
    for (const t of [
      "TikTok's parent",
      "TikTok's parent company",
      "tiktok owner",
      "the owner of TikTok",
      "byte dance",
    ]) {
      assert.deepEqual(tokenize(t), bytedance, t);
    }
    const openai = tokenize("OpenAI");
    for (const t of ["the ChatGPT maker", "the makers of ChatGPT", "open ai"]) {
      assert.deepEqual(tokenize(t), openai, t);
    }
  });

  test("curly apostrophes read like straight ones", () => {
    assert.deepEqual(tokenize("TikTok\u2019s parent"), tokenize("ByteDance"));
  });
});

describe("words", () => {
  test("possessives name the same thing", () => {
    assert.deepEqual(words("Anthropic's"), ["anthropic"]);
    assert.deepEqual(tokenize("OpenAI's rule"), tokenize("OpenAI rule"));
    assert.equal(termOf("openai's"), "openai");
  });

  test("stopwords, single letters and short numbers are dropped", () => {
    assert.deepEqual(tokenize("what is the of a"), []);
    assert.deepEqual(tokenize("could you please tell me"), []);
    assert.equal(termOf("the"), undefined);
    assert.equal(termOf("x"), undefined);
    assert.equal(termOf("42"), undefined);
    assert.equal(termOf("2023"), "2023", "years carry a topic");
  });

  test("section numbers stay one word", () => {
    assert.deepEqual(words("section 2(c) and 3.3(e)"), ["section", "sec2c", "and", "sec33e"]);
    assert.deepEqual(tokenize("2 (c)"), ["sec2c"]);
    assert.ok(tokenize("what does 3.3(e) say").includes("sec33e"));
  });

  test("keeps the order and duplicates of the text", () => {
    assert.deepEqual(tokenize("seed project seed"), ["seed", "project", "seed"]);
  });
});
