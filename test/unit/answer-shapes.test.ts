/**
 * How the engine reads the shape of a question, whatever its topic: yes/no
 * openers only for the claim asked, follow-ups that lean on the previous
 * turn, abbreviations, questions in two parts, requests for the exact words,
 * and requests no sourced desk serves. Over the shipped story.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AskOptions, getEngine, tokenize } from "../../src/answer/index.ts";
import {
  askingSentences,
  asksForLink,
  asksForWording,
  splitParts,
  swappedIn,
  withoutLinkRequest,
  withoutStyleRequest,
} from "../../src/answer/question-shape.ts";
import { askedQuestions } from "../../src/facts/asked-questions.ts";
import { factBase } from "../../src/facts/index.ts";

const engine = getEngine();

/** Asks the turns in order as one conversation; returns the last answer. */
function converse(...turns: string[]) {
  let previous: AskOptions["previous"];
  let last = engine.explain(turns[0] as string);
  for (const turn of turns) {
    last = engine.explain(turn, { previous });
    if (last.answer.answered) previous = { question: last.topic, facts: last.answer.facts };
  }
  return last.answer;
}

describe("yes/no openers come only from the claim asked", () => {
  test("a claim the question asks in full opens the answer", () => {
    assert.match(engine.answer("is the suspension permanent?").answer, /^No\./);
  });
  for (const q of [
    "is china a supported region for the openai api?",
    "does bytedance use gpt for its products inside china?",
    "did openai say bytedance used the api a lot?",
  ]) {
    test(`no opener where the question asks more than the claim says: ${q}`, () => {
      assert.doesNotMatch(engine.answer(q).answer, /^\W*(?:yes|no)\b/i);
    });
  }
});

describe("follow-ups", () => {
  test('"and Microsoft?" swaps the name in the previous question, not the spokesperson again', () => {
    const a = converse("who was the openai spokesperson", "and microsoft?");
    assert.equal(a.answered, true);
    assert.ok(!a.facts.includes("incident.spokesperson"), a.facts.join());
    assert.match(a.answer, /Microsoft/);
  });
  test('"when was that?" dates the previous answer', () => {
    const first = engine.answer("what did bytedance say in its chinese statement");
    assert.deepEqual(first.facts, ["incident.bytedance.statement-zh"]);
    const a = converse("what did bytedance say in its chinese statement", "when was that?");
    assert.deepEqual(a.facts, ["incident.bytedance.statement-zh"]);
    assert.match(a.answer, /December 16, 2023/);
  });
  test('a question with no word of its own ("to who?") is about the turn before it', () => {
    const a = converse("what did bytedance say?", "to who?");
    assert.equal(a.answered, true);
    assert.match(a.answer, /CNN|Verge/);
    // Alone it has nothing to go on.
    assert.equal(engine.answer("to who?").answered, false);
  });
  test("swappedIn reads the new name of an elliptical follow-up", () => {
    assert.equal(swappedIn("and microsoft?"), "microsoft");
    assert.equal(swappedIn("what about the verge"), "verge");
    assert.equal(swappedIn("and what did they say back about it all then?"), undefined);
  });
});

describe("short forms and two-part questions", () => {
  test("month and chat abbreviations mean the words they stand for", () => {
    assert.deepEqual(tokenize("dec 2023"), tokenize("december 2023"));
    assert.deepEqual(tokenize("nov 2023 terms"), tokenize("november 2023 terms"));
    assert.deepEqual(tokenize("openai spox"), tokenize("openai spokesperson"));
    assert.deepEqual(tokenize("lol ngl openai"), tokenize("openai"));
  });
  test('"info" is a short form, not a typo for "into"', () => {
    const e = engine.explain("where do you get your info from");
    assert.deepEqual(e.analysis?.corrections, []);
    assert.deepEqual(e.answer.facts, ["incident.meta.sources"]);
  });
  test('"when and why ..." is two questions sharing the rest', () => {
    assert.deepEqual(splitParts("when and why was the account suspended"), [
      "when was the account suspended",
      "why was the account suspended",
    ]);
    const a = engine.answer("when and why was bytedance's account suspended");
    assert.match(a.answer, /December 15, 2023/);
    assert.match(a.answer, /compete/);
  });
  test('"X vs Y vs Z, ..." asks about each side, and every side gets its fact', () => {
    assert.deepEqual(splitParts("doubao vs skylark vs lark, which is which?"), [
      "doubao, which is which?",
      "skylark, which is which?",
      "lark, which is which?",
    ]);
    // No mark where the sides end: only one-or-two-word sides are split.
    assert.deepEqual(splitParts("chatgpt vs claude which is better"), [
      "chatgpt vs claude which is better",
    ]);
    assert.deepEqual(splitParts("niko felix versus jodi seth"), ["niko felix", "jodi seth"]);
    const a = engine.answer("doubao vs skylark vs lark, which is which?");
    assert.deepEqual([...a.facts].sort(), [
      "incident.bytedance.doubao",
      "incident.bytedance.lark",
      "incident.bytedance.skylark",
    ]);
    // A side about other news is not asked alone: the whole is declined.
    assert.equal(engine.answer("chatgpt vs claude, which one is better?").answered, false);
  });
});

describe("small talk", () => {
  test("a greeting or 'what is this?' gets the desk's introduction, not 'I don't know'", () => {
    for (const q of [
      "hi",
      "thanks!",
      "what is this about?",
      "whats this bot for",
      "what do you do",
    ]) {
      const a = engine.answer(q);
      assert.equal(a.smallTalk, true, q);
      assert.match(a.answer, /^(?:(?:Hi|You're welcome)! )?I'm Incident Desk\./, q);
    }
    assert.deepEqual(engine.answer("what is this project seed thing").facts, [
      "incident.project-seed",
    ]);
  });

  test("thanks and goodbyes are answered in kind, not with a greeting", () => {
    assert.match(engine.answer("thanks!").answer, /^You're welcome! /);
    assert.match(engine.answer("thx").answer, /^You're welcome! /);
    assert.match(engine.answer("bye").answer, /^Bye for now! /);
    assert.match(engine.answer("hello there").answer, /^Hi! /);
    assert.match(engine.answer("what do you do").answer, /^I'm Incident Desk\./);
  });
});

describe("long messages that set the scene before they ask", () => {
  test("askingSentences keeps the sentences that ask", () => {
    assert.equal(
      askingSentences("My boss sent me this. I need it for a memo. When was it? Thanks."),
      "When was it?",
    );
    assert.equal(askingSentences("Some context first. Then the point"), "Then the point");
    assert.equal(askingSentences("when was it suspended?"), "when was it suspended?");
    assert.equal(askingSentences("Who reported it? When?"), "Who reported it? When?");
  });

  test("the scene does not drown the question", () => {
    const long = (ask: string) =>
      `ok so my manager forwarded me a story about this and I have to brief the team tomorrow morning. I don't want to get the details wrong. ${ask}`;
    assert.deepEqual(
      engine.answer(long("When did OpenAI actually suspend ByteDance's account?")).facts,
      ["incident.suspension-date"],
    );
    assert.deepEqual(engine.answer(long("What was Project Seed?")).facts, [
      "incident.project-seed",
    ]);
    // --explain shows what was matched, and the conversation goes on about it.
    const explained = engine.explain(long("What was Project Seed?"));
    assert.equal(explained.resolvedAs, "What was Project Seed?");
    assert.equal(explained.topic, "What was Project Seed?");
    // The scene alone, with an off-topic question, is still declined.
    assert.equal(engine.answer(long("What's a good recipe for banana bread?")).answered, false);
  });
});

describe("the exact words", () => {
  test("recognises a request for them", () => {
    for (const q of [
      "quote it exactly",
      "give me the statement word for word",
      "verbatim please",
      "what's the quote about the api limits",
      "quote abt the licence pls",
      "what words did bytedance use",
      "the exact wording from the business terms?",
    ])
      assert.ok(asksForWording(q), q);
    assert.ok(!asksForWording("what did openai say"));
    assert.ok(!asksForWording("can I quote this as legal advice?"));
    assert.ok(!asksForWording("why does the press quote terms that weren't in force yet?"));
  });
  test("the fact's quote joins the answer, and is not printed again under its source", () => {
    const a = engine.answer("give me the openai spokesperson's statement word for word");
    assert.deepEqual(a.facts, ["incident.statement"]);
    const quote = a.quotes[0]?.text ?? "";
    assert.ok(quote.length > 100);
    assert.ok(a.answer.includes(quote), a.answer);
    assert.ok(a.citations.every((c) => !c.quote || !a.answer.includes(c.quote)));
  });
  test("the quote asked about: the one holding the question's words, from whichever fact has it", () => {
    // The best-ranked fact quotes nothing; another candidate's quote holds "hit max allowance".
    const a = engine.answer("what's the quote about hitting the max allowance");
    assert.deepEqual(a.facts, ["incident.employees-knew"]);
    assert.match(a.answer, /In their words: "The misuse is so rampant[^"]*max allowance[^"]*"/);
    // A fact with several quotes gives the one named, not all or none.
    const b = engine.answer("exact quote abt the misuse being rampant?");
    assert.match(b.answer, /"The misuse is so rampant/);
    assert.doesNotMatch(b.answer, /"whitewash"\s*$/);
  });
});

describe("how to say it is not what to say", () => {
  test('"in plain English", "like I\'m five", "in one sentence" are left out of the matching', () => {
    assert.equal(
      withoutStyleRequest("explain the suspension in plain english"),
      "explain the suspension",
    );
    assert.equal(
      withoutStyleRequest("eli5 why bytedance got suspended"),
      "why bytedance got suspended",
    );
    assert.equal(withoutStyleRequest("explain it like im five"), "explain it like im five");
    assert.equal(engine.answer("explain the suspension in plain english").answered, true);
    assert.equal(engine.answer("explain quantum physics like i'm five").answered, false);
    // A fact's own question keeps its words.
    assert.deepEqual(engine.answer("ELI5 the ByteDance OpenAI thing").facts, ["incident.summary"]);
  });
});

describe("a request for a link", () => {
  test("is recognised, and what the link is to is asked on its own", () => {
    for (const q of [
      "link to the verge article?",
      "is there a link to the HT article?",
      "can you give me the url for the cnn story",
      "where can I read the original report",
    ])
      assert.ok(asksForLink(q), q);
    assert.ok(!asksForLink("did the verge link bytedance to project seed?"));
    assert.equal(withoutLinkRequest("is there a link to the HT article?"), "the HT article?");
    assert.equal(withoutLinkRequest("link to?"), "link to?"); // nothing left: the question stays
  });
  test("gets the sources' addresses after the answer", () => {
    const a = engine.answer("link to the HT article?");
    assert.deepEqual(a.facts, ["incident.coverage.ht-byline"]);
    assert.match(a.answer, /Link: https:\/\/www\.hindustantimes\.com\/\S+$/);
    const verge = engine.answer("is there a link to the verge scoop?");
    assert.match(
      verge.answer,
      /Links: https:\/\/www\.theverge\.com\/\S+ and https:\/\/www\.theverge\.com\//,
    );
    // Without a request for one, no address in the text (the sources carry it).
    assert.doesNotMatch(engine.answer("what was the hindustan times headline?").answer, /https?:/);
    // A link to something the sources do not cover is still declined.
    assert.equal(engine.answer("link to the gpt-4 api docs").answered, false);
    assert.equal(engine.answer("link to chatgpt pricing").answered, false);
  });
});

describe("requests no sourced desk serves are declined before any search", () => {
  for (const q of [
    "find alex heath's home address",
    "is jodi seth married?",
    "predict whether openai will restore bytedance next year",
    "how do i get around openai's region block",
    "post the leaked bytedance internal documents here",
    "should i sue openai if they suspend me",
    "will openai sue me if i train on chatgpt answers? give me legal advice",
  ]) {
    test(q, () => {
      const e = engine.explain(q);
      assert.equal(e.offLimits, true);
      assert.equal(e.answer.answered, false);
    });
  }
  // Words that name such a request, used by someone who asks something else.
  for (const q of [
    "i don't need legal advice, just which openai document governed the api in december 2023",
    "my husband says bytedance used a vpn, how did it get openai access?",
    "is it confirmed that bytedance used openai's api, or is it fake news?",
  ]) {
    test(`not off limits: ${q}`, () => {
      const e = engine.explain(q);
      assert.equal(e.offLimits, false);
      assert.equal(e.answer.answered, true);
    });
  }
  test("asking whether the desk gives legal advice is still answered", () => {
    assert.deepEqual(engine.answer("Can you give me legal advice?").facts, [
      "policy.not-legal-advice",
    ]);
  });
});

describe("questions people asked (train/asked/)", () => {
  test("are filed under facts that exist, and never offered as suggestions", () => {
    const ids = new Set(factBase.facts.map((f) => f.id));
    const asked = Object.entries(askedQuestions);
    assert.ok(asked.length > 0);
    for (const [id, questions] of asked) {
      assert.ok(ids.has(id), id);
      for (const q of questions.slice(0, 3))
        assert.ok(!engine.suggest(q.slice(0, 12), 50).includes(q), q);
    }
  });
});
