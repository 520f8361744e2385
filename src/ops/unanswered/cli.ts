/**
 * `npm run unanswered`: what people asked that the facts do not cover,
 * grouped by similarity, most frequent first: the input for new facts.
 *
 *   npm run unanswered [-- --days N] [--json] [--db PATH]
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { openSharedState } from "../../bootstrap.ts";
import { loadConfig } from "../../config.ts";
import { groupQuestions, type QuestionGroup } from "./group.ts";
import { readStateLog } from "./sink.ts";
import { openUnansweredStore, type UnansweredRow } from "./store.ts";

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

export async function runUnansweredCli(argv: string[]): Promise<number> {
  let values: { days?: string; json?: boolean; db?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        days: { type: "string" },
        json: { type: "boolean" },
        db: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.days !== undefined && !/^[1-9]\d*$/.test(values.days)) {
    process.stderr.write("--days must be a positive whole number.\n");
    return 1;
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  const since = values.days ? Date.now() - Number(values.days) * 24 * 60 * 60 * 1000 : 0;
  const rows = values.db
    ? readSqlite(values.db, config, since)
    : await readConfigured(config, since);
  if (!rows) {
    // Nothing recorded yet: say so rather than create an empty database here.
    const path = values.db ?? config.unanswered.dbPath;
    if (values.json) process.stdout.write(`${JSON.stringify({ total: 0, groups: [] })}\n`);
    else process.stdout.write(`No unanswered questions recorded yet (no database at ${path}).\n`);
    return 0;
  }
  const groups = groupQuestions(rows);
  if (values.json) {
    const out = {
      total: rows.length,
      groups: groups.map((g) => ({ ...g, lastAskedAt: new Date(g.lastAskedAt).toISOString() })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatGroups(groups, rows.length)}\n`);
  }
  return 0;
}

type Config = ReturnType<typeof loadConfig>;

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
  const state = openSharedState(config);
  try {
    if (state.kind === "redis")
      return await readStateLog(state, config.unanswered.retentionDays, since);
    return readSqlite(config.unanswered.dbPath, config, since);
  } finally {
    await state.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Same .env as the bot, so both look at the same database.
  if (existsSync(".env")) process.loadEnvFile?.(".env");
  process.exitCode = await runUnansweredCli(process.argv.slice(2));
}
