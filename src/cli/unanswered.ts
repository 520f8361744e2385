/**
 * `npm run unanswered` (cli.ts unanswered): what people asked that the facts do not cover,
 * grouped by similarity, most frequent first: the input for new facts.
 *
 *   npm run unanswered [-- --days N] [--json] [--db PATH]
 */
import { existsSync } from "node:fs";
import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, loadConfig } from "../config.ts";
import { createLogger } from "../core/logger.ts";
import { openSharedState } from "../ops/state/index.ts";
import { groupQuestions, type QuestionGroup } from "../ops/unanswered/group.ts";
import { readStateLog } from "../ops/unanswered/sink.ts";
import { openUnansweredStore, type UnansweredRow } from "../ops/unanswered/store.ts";
import { EXIT, type Io, parseCommandLine, stdio, usageError } from "./args.ts";

const USAGE = `Usage: npm run unanswered -- [--days N] [--json] [--db PATH]

  --days N     only questions asked in the last N days (default: everything kept)
  --json       machine-readable output
  --db PATH    the database (default: UNANSWERED_DB, or DATA_DIR/unanswered.db)

With shared state in Redis the record is read from there (every instance writes to it).`;

function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatGroups(groups: readonly QuestionGroup[], total: number): string {
  if (!groups.length) return "No unanswered questions recorded.";
  const lines = [
    `${total} unanswered question${total === 1 ? "" : "s"} in ${groups.length} group${groups.length === 1 ? "" : "s"}, most frequent first:`,
  ];
  groups.forEach((g, i) => {
    lines.push("", `${i + 1}. (${g.count}x) ${g.representative}`);
    for (const v of g.variants) lines.push(`     also: ${v}`);
    lines.push(`     last asked: ${formatTime(g.lastAskedAt)}`);
    if (g.nearMisses.length) {
      const misses = g.nearMisses.map((m) => `${m.id} (${m.bestScore.toFixed(2)})`).join(", ");
      lines.push(`     near misses: ${misses}`);
    }
  });
  return lines.join("\n");
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function runUnansweredCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      usage: USAGE,
      options: { days: { type: "string" }, json: { type: "boolean" }, db: { type: "string" } },
    },
    io,
  );
  if (typeof args === "number") return args;
  const { days, json, db } = args.values;
  if (days !== undefined && !/^[1-9]\d*$/.test(days))
    return usageError(USAGE, "--days must be a positive whole number.", io);

  // Same .env as the bot, so both look at the same database.
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(err.message);
    return EXIT.failed;
  }
  const since = days ? Date.now() - Number(days) * DAY_MS : 0;
  const rows = db ? readSqlite(db, config, since) : await readConfigured(config, since);
  if (!rows) {
    // Nothing recorded yet: say so rather than create an empty database here.
    const path = db ?? config.unanswered.dbPath;
    io.out(
      json
        ? JSON.stringify({ total: 0, groups: [] })
        : `No unanswered questions recorded yet (no database at ${path}).`,
    );
    return EXIT.ok;
  }

  const groups = groupQuestions(rows);
  if (!json) {
    io.out(formatGroups(groups, rows.length));
    return EXIT.ok;
  }
  const lastAsked = (g: QuestionGroup) => new Date(g.lastAskedAt).toISOString();
  const out = {
    total: rows.length,
    groups: groups.map((g) => ({ ...g, lastAskedAt: lastAsked(g) })),
  };
  io.out(JSON.stringify(out, null, 2));
  return EXIT.ok;
}

/** The SQLite file's rows, or undefined when there is no file yet. */
function readSqlite(path: string, config: Config, since: number): UnansweredRow[] | undefined {
  if (path !== ":memory:" && !existsSync(path)) return undefined;
  const store = openUnansweredStore(path, { retentionDays: config.unanswered.retentionDays });
  try {
    return store.list(since);
  } finally {
    store.close();
  }
}

/** Whichever store the bot writes to: the shared state's log with Redis, else the SQLite file. */
async function readConfigured(config: Config, since: number): Promise<UnansweredRow[] | undefined> {
  const state = await openSharedState(config, createLogger(config.logLevel));
  try {
    if (state.kind === "redis")
      return await readStateLog(state, config.unanswered.retentionDays, since);
    return readSqlite(config.unanswered.dbPath, config, since);
  } finally {
    await state.close();
  }
}
