/**
 * The local chat on a pipe (not a terminal): it answers each line, runs
 * slash commands, skips blank lines, stops at /quit or the end of input,
 * and writes nothing that could drive a terminal. A reply with a picture
 * has its PNG written under the pictures folder.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { handleLine, runConsoleChat } from "../../src/platforms/console/chat.ts";
import { captureLogs } from "../fakes/faults.ts";
import { decodePngSize } from "../support/png.ts";

const dispatcher = createDispatcher({ commands });

/** Control and format characters other than a line break. */
const CONTROL = /(?!\n)[\p{Cc}\p{Cf}]/u;

/** Feeds the lines through the chat and returns everything it wrote. */
async function chat(lines: string[], { end = true } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (c: Buffer) => chunks.push(c));
  const done = runConsoleChat(dispatcher, input, output);
  input.write(lines.map((l) => `${l}\n`).join(""));
  if (end) input.end();
  await done;
  input.destroy();
  return Buffer.concat(chunks).toString("utf8");
}

/** The reply titles in the output, in order. */
const titles = (out: string) => [...out.matchAll(/^== (.+) ==$/gm)].map((m) => m[1]);

describe("runConsoleChat on a pipe", () => {
  test("answers each line and runs slash commands, in order", async () => {
    const out = await chat([
      "why was bytedance suspended",
      "/incident timeline",
      "what is project seed",
    ]);
    assert.deepEqual(titles(out), [
      "Why did OpenAI suspend ByteDance?",
      "Timeline",
      "What is Project Seed?",
    ]);
    assert.match(out, /Sources:/);
    assert.match(out, /Ask next:/);
    assert.doesNotMatch(out, /^> /m, "no prompt on a pipe");
    assert.doesNotMatch(out, /Incident Desk \(local chat\)/, "no banner on a pipe");
  });

  test("blank lines are skipped on a pipe", async () => {
    const out = await chat(["", "   ", "what is project seed", "", "\t"]);
    assert.deepEqual(titles(out), ["What is Project Seed?"]);
  });

  test("/quit stops, even with input still open", async () => {
    const out = await chat(["what is project seed", "/quit", "why was bytedance suspended"], {
      end: false,
    });
    assert.deepEqual(titles(out), ["What is Project Seed?"]);
    const exit = await chat(["/EXIT", "what is project seed"]);
    assert.equal(exit, "");
  });

  test("the help's way out is the one that works", async () => {
    const help = await chat(["/help"]);
    const quit = /(\/quit) or Ctrl\+D leaves/.exec(help)?.[1];
    assert.ok(quit, help);
    assert.doesNotMatch(help, /empty line[^.;]*quit/i);
    assert.equal(await chat([quit, "what is project seed"]), "");
  });

  test("ends at the end of input", async () => {
    assert.equal(await chat([]), "");
    const out = await chat(["/help"]);
    assert.deepEqual(titles(out), ["Incident Desk"]);
  });

  test("output has no control characters, whatever was typed", async () => {
    const out = await chat([
      "why was \u001b[31mbytedance\u001b[0m suspended\u0007",
      "what is \u202eproject seed\u200b",
      "\u0000/incident timeline",
      "/ask \u001b]0;title\u0007 what is project seed",
    ]);
    assert.ok(titles(out).length === 4, out);
    assert.ok(!CONTROL.test(out), JSON.stringify(out.match(CONTROL)));
  });
});

describe("handleLine", () => {
  test("an empty line gives help", async () => {
    for (const line of ["", "   "]) {
      const out = await handleLine(dispatcher, line);
      assert.match(out, /^== Incident Desk ==/);
      assert.match(out, /\/ask <question>/);
    }
  });

  test("slash commands are case-insensitive and take their text", async () => {
    assert.match(await handleLine(dispatcher, "/INCIDENT timeline"), /^== Timeline ==/);
    assert.match(await handleLine(dispatcher, "/policy applies-to-me"), /Note: Not legal advice/);
    assert.match(
      await handleLine(dispatcher, "/ask what is project seed"),
      /^== What is Project Seed\? ==/,
    );
  });

  test("an unknown command or topic is explained", async () => {
    assert.match(await handleLine(dispatcher, "/nope"), /I don't have a \/nope command/);
    assert.match(
      await handleLine(dispatcher, "/incident gossip"),
      /"gossip" is not a topic I know/,
    );
  });

  test("an out-of-scope question abstains with questions to try", async () => {
    const out = await handleLine(dispatcher, "what's the weather like");
    assert.match(out, /^== I don't know that ==/);
    assert.match(out, /Try asking:/);
    assert.doesNotMatch(out, /Sources:/);
  });
});

describe("pictures in the console", () => {
  const dir = mkdtempSync(join(tmpdir(), "idesk-pictures-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("a reply with a picture writes the PNG under the pictures folder and prints its path", async () => {
    for (const [line, file] of [
      ["/incident timeline", "timeline.png"],
      ["/policy versions", "versions.png"],
    ] as const) {
      const out = await handleLine(dispatcher, line, { dir });
      const path = join(dir, file);
      assert.ok(out.endsWith(`\nPicture: ${path}`), out);
      assert.equal(decodePngSize(readFileSync(path)).width, 800);
    }
    const plain = await handleLine(dispatcher, "/incident summary", { dir });
    assert.doesNotMatch(plain, /Picture:/);
  });

  test("a failed render prints the text alone and logs one warning", async () => {
    const logs = captureLogs("warn");
    const out = await handleLine(dispatcher, "/incident timeline", {
      dir,
      logger: logs.logger,
      render: () => Promise.reject(new Error("resvg exploded")),
    });
    assert.match(out, /^== Timeline ==/);
    assert.doesNotMatch(out, /Picture:/);
    assert.equal(logs.parsed().length, 1);
  });
});
