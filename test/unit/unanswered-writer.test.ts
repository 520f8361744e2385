/**
 * The unanswered-question record never stands between a user and an
 * answer: writes happen on a worker thread, a locked database drops (and
 * counts) instead of waiting, and a corrupt, read-only or unwritable store
 * is one clear log line naming the file and the setting while the bot
 * starts and answers. Also: file mode 0600, personal data redacted, and the
 * generated per-deployment salt.
 */
import assert from "node:assert/strict";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { buildDispatcher } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import type { Requester } from "../../src/core/dispatch.ts";
import { createLogger } from "../../src/core/logger.ts";
import { resolveLogSalt } from "../../src/ops/salt.ts";
import { redactPersonalData } from "../../src/ops/unanswered/redact.ts";
import { openUnansweredStore } from "../../src/ops/unanswered/store.ts";
import { startUnansweredWriter } from "../../src/ops/unanswered/writer.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const root = mkdtempSync(join(tmpdir(), "unanswered-writer-"));
after(() => rmSync(root, { recursive: true, force: true }));

const who: Requester = { platform: "console", userId: "operator" };
const UNANSWERABLE = "what is the best pizza topping in naples";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("info", {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, lines };
}

function config(dir: string, dbPath?: string) {
  return loadConfig({ DATA_DIR: dir, ...(dbPath ? { UNANSWERED_DB: dbPath } : {}) });
}

describe("the writer", () => {
  test("writes batches off the event loop; the file is 0600", async () => {
    const path = join(root, "ok", "unanswered.db");
    const { logger } = capture();
    const writer = startUnansweredWriter({ path, retentionDays: 90, logger, flushEveryMs: 5 });
    await writer.ready;
    for (let i = 0; i < 25; i++)
      writer.record({ question: `q${i}`, userHash: "h", platform: "console", nearMisses: [] });
    await writer.close();
    assert.equal(writer.written, 25);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const store = openUnansweredStore(path);
    assert.equal(store.count(), 25);
    store.close();
  });

  test("a locked database drops and counts, with one warning, and never waits", async () => {
    const path = join(root, "locked.db");
    openUnansweredStore(path).close();
    const other = new Database(path);
    other.pragma("busy_timeout = 0");
    other.exec("BEGIN EXCLUSIVE");
    try {
      const { logger, lines } = capture();
      const writer = startUnansweredWriter({ path, retentionDays: 90, logger, flushEveryMs: 5 });
      await writer.ready;
      for (let i = 0; i < 10; i++)
        writer.record({ question: `q${i}`, userHash: "h", platform: "console", nearMisses: [] });
      await waitFor(() => writer.dropped === 10, 10_000, "the batch dropped");
      const warnings = lines.filter(
        (l) => l.msg === "unanswered questions dropped; answers are not affected",
      );
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]?.reason, "database locked");
      await writer.close();
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });

  test("past its queue limit it drops at once", async () => {
    const { logger } = capture();
    const writer = startUnansweredWriter({
      path: join(root, "queue.db"),
      retentionDays: 90,
      logger,
      maxPending: 3,
      flushEveryMs: 1000,
    });
    for (let i = 0; i < 5; i++)
      writer.record({ question: `q${i}`, userHash: "h", platform: "console", nearMisses: [] });
    assert.equal(writer.dropped, 2);
    await writer.close();
  });
});

describe("the bot starts and answers whatever state the store is in", () => {
  async function startAndAsk(dir: string, dbPath: string) {
    const { logger, lines } = capture();
    const app = await buildDispatcher(config(dir, dbPath), logger);
    try {
      const answered = await app.dispatcher.dispatch(
        "ask",
        { question: "what is project seed" },
        who,
      );
      assert.equal(answered.kind, "answer");
      const abstained = await app.dispatcher.dispatch("ask", { question: UNANSWERABLE }, who);
      assert.equal(abstained.kind, "abstain");
    } finally {
      await app.close();
    }
    return lines;
  }

  const storeErrors = (lines: Record<string, unknown>[]) =>
    lines.filter((l) => l.setting === "UNANSWERED_DB" && l.level === 50);

  test("a corrupt file is moved aside with one line naming it and the setting", async () => {
    const dir = join(root, "corrupt");
    mkdirSync(dir);
    const path = join(dir, "unanswered.db");
    writeFileSync(path, "this is not a database, it is a text file ".repeat(200));
    const lines = await startAndAsk(dir, path);
    const errors = storeErrors(lines);
    assert.equal(errors.length, 1);
    assert.match(
      String(errors[0]?.msg),
      /unanswered\.db \(UNANSWERED_DB\) is not a usable SQLite database/,
    );
    assert.match(String(errors[0]?.msg), /moved it aside/);
    assert.ok(readdirSync(dir).some((f) => f.startsWith("unanswered.db.corrupt-")));
    // The fresh store took the question.
    const store = openUnansweredStore(path);
    assert.deepEqual(
      store.list().map((r) => r.question),
      [UNANSWERABLE],
    );
    store.close();
  });

  test("a read-only file turns recording off with one line; answers go on", async () => {
    const dir = join(root, "readonly");
    mkdirSync(dir);
    let path = join(dir, "unanswered.db");
    openUnansweredStore(path).close();
    chmodSync(path, 0o400);
    // Root writes through file modes; a file of the kernel's is read-only even for root.
    if (process.getuid?.() === 0) path = "/proc/version";
    const lines = await startAndAsk(dir, path);
    const errors = storeErrors(lines);
    assert.equal(errors.length, 1, JSON.stringify(lines));
    assert.match(String(errors[0]?.msg), /not being recorded: .* cannot be written/);
    assert.match(String(errors[0]?.msg), /UNANSWERED_DB/);
  });

  test("a folder that cannot be made turns recording off with one line; answers go on", async () => {
    // A file where the folder should be: refused for every user, root included.
    const blocker = join(root, "not-a-folder");
    writeFileSync(blocker, "");
    const lines = await startAndAsk(
      join(root, "salt-elsewhere"),
      join(blocker, "sub", "unanswered.db"),
    );
    assert.equal(storeErrors(lines).length, 1);
  });

  test("a locked database: the question is answered while the lock is held", async () => {
    const dir = join(root, "locked-bot");
    mkdirSync(dir);
    const path = join(dir, "unanswered.db");
    openUnansweredStore(path).close();
    const other = new Database(path);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const lines = await startAndAsk(dir, path);
      assert.equal(storeErrors(lines).length, 0);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });
});

describe("privacy", () => {
  test("e-mail addresses, phone and card numbers are redacted from stored questions", () => {
    assert.equal(
      redactPersonalData("mail jane.doe+x@example.co.uk or call +1 (555) 123-4567 now"),
      "mail [email] or call [phone] now",
    );
    assert.equal(redactPersonalData("card 4111 1111 1111 1111 please"), "card [card] please");
    assert.equal(redactPersonalData("call 020 7946 0958"), "call [phone]");
    // Dates and years are not phone numbers.
    assert.equal(
      redactPersonalData("what happened on 2023-12-15 in 2024"),
      "what happened on 2023-12-15 in 2024",
    );
  });

  test("without LOG_SALT a random salt is generated once, kept 0600, and logged once", () => {
    const dir = join(root, "salt");
    const { logger, lines } = capture();
    const first = resolveLogSalt({ dataDir: dir }, logger);
    const second = resolveLogSalt({ dataDir: dir }, logger);
    assert.equal(first, second, "stable across starts");
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(statSync(join(dir, "log-salt")).mode & 0o777, 0o600);
    assert.equal(
      lines.filter((l) => String(l.msg).includes("generated a per-deployment salt")).length,
      1,
    );
    assert.notEqual(resolveLogSalt({ dataDir: join(root, "salt2") }, logger), first);
    assert.equal(resolveLogSalt({ dataDir: dir, logSalt: "set" }, logger), "set");
    assert.ok(existsSync(join(dir, "log-salt")));
  });
});
