/**
 * The one command-line parser: every subcommand answers --help with its
 * complete usage and exit 0, and refuses an unknown flag with exit 2.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runAblationCli } from "../../src/cli/ablation.ts";
import type { Io } from "../../src/cli/args.ts";
import { runAskCli } from "../../src/cli/ask.ts";
import { runEvalCli } from "../../src/cli/eval.ts";
import { runFactsCli } from "../../src/cli/facts.ts";
import { runManifestCli } from "../../src/cli/manifest.ts";
import { runPictureCli } from "../../src/cli/picture.ts";
import { runRegisterCli } from "../../src/cli/register.ts";
import { runShardedCli } from "../../src/cli/sharded.ts";
import { loadSubcommand, SUBCOMMANDS } from "../../src/cli/subcommands.ts";
import { runTrainCli } from "../../src/cli/train.ts";
import { runUnansweredCli } from "../../src/cli/unanswered.ts";

type Runner = (argv: string[], io: Io) => Promise<number>;

/** Each subcommand, and what its usage must mention. */
const TABLE: [string, Runner, string[]][] = [
  ["ask", runAskCli, ['"your question"', " - ", "--json", "--explain", "--session"]],
  ["facts", runFactsCli, ["--json"]],
  ["eval", runEvalCli, ["--set FILE", "--json", "--quiet"]],
  ["train", runTrainCli, ["--dry-run"]],
  ["ablation", runAblationCli, ["--blind"]],
  ["picture", runPictureCli, ["timeline|versions", "--out FILE", "--theme light|dark"]],
  ["register", (argv, io) => runRegisterCli(argv, {}, io), ["--dry-run", "--global", "--clear"]],
  ["manifest", runManifestCli, ["--mode socket|http", "--url"]],
  ["unanswered", runUnansweredCli, ["--days N", "--json", "--db PATH"]],
  ["sharded", runShardedCli, ["DISCORD_SHARDS"]],
];

async function run(runner: Runner, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runner(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("the command line lists exactly these subcommands, and each loads its runner", async () => {
  assert.deepEqual(Object.keys(SUBCOMMANDS).sort(), TABLE.map(([name]) => name).sort());
  for (const [name, runner] of TABLE) {
    const expected = name === "register" ? runRegisterCli : runner;
    assert.equal(await loadSubcommand(name), expected, name);
  }
});

describe("every subcommand", () => {
  for (const [name, runner, mentions] of TABLE) {
    test(`${name} --help exits 0 with its complete usage`, async () => {
      for (const flag of ["--help", "-h"]) {
        const { code, out, err } = await run(runner, [flag]);
        assert.equal(code, 0, err);
        assert.equal(err, "");
        assert.match(out, /^Usage: /);
        for (const m of mentions) assert.ok(out.includes(m), `${name} --help mentions ${m}`);
      }
    });

    test(`${name} refuses an unknown flag with exit 2, naming it`, async () => {
      const { code, out, err } = await run(runner, ["--frobnicate"]);
      assert.equal(code, 2);
      assert.equal(out, "");
      assert.match(err, /--frobnicate/);
      assert.match(err, /Usage: /);
    });
  }
});
