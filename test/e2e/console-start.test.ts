/**
 * `npm start` with no platform configured, on a pipe, as the README shows:
 * `.env.example`'s LOG_LEVEL=info must not flood the chat (logs go to a file
 * under DATA_DIR), and the operator at the console is never rate-limited.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { consoleLogPath } from "../../src/platforms/console/log-file.ts";
import { runNode } from "../support/run-process.ts";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");
const dataDir = mkdtempSync(join(tmpdir(), "incident-desk-console-"));
/** More lines than the default per-user limit (8 in 10 s) allows. */
const LINES = 12;

after(() => rmSync(dataDir, { recursive: true, force: true }));

test("a piped console chat answers every line; its logs go to a file", async () => {
  const { code, stdout, stderr } = await runNode(["--import", TSX, MAIN], {
    // A temporary working directory, so no .env of the developer's leaks in.
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", DATA_DIR: dataDir },
    stdin: "what is lark\n".repeat(LINES),
    timeoutMs: 90_000,
  });

  assert.equal(code, 0, stderr);
  assert.equal(stderr, "", "nothing on the terminal but the answers");
  assert.doesNotMatch(stdout, /Slow down/);
  assert.equal(stdout.match(/^== .+ ==$/gm)?.length, LINES, stdout);
  const log = readFileSync(consoleLogPath(dataDir), "utf8");
  assert.equal(log.match(/"msg":"request handled"/g)?.length, LINES);
});
