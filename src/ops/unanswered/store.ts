/**
 * The unanswered-question record: a small SQLite file (better-sqlite3) that
 * keeps what people asked and the bot could not answer, so an operator can
 * see which facts are missing. Created on first use; old and excess rows are
 * pruned so it never grows without bound. Users appear only as hashes.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MAX_QUESTION_LENGTH } from "../../answer/index.ts";
import { DEFAULT_RETENTION_DAYS } from "../../config.ts";

export interface NearMiss {
  /** Fact id the engine considered. */
  id: string;
  /** Its confidence, 0..1. */
  score: number;
}

export interface UnansweredEntry {
  /** The question as asked (see recorder.ts); capped at MAX_QUESTION_LENGTH. */
  question: string;
  userHash: string;
  platform: string;
  nearMisses: NearMiss[];
  /** Epoch milliseconds; defaults to now. */
  askedAt?: number;
}

export interface UnansweredRow extends Required<UnansweredEntry> {
  id: number;
}

export interface UnansweredStoreOptions {
  retentionDays?: number;
  maxRows?: number;
  /** Prune after this many inserts (and on open): cheap enough to never notice. */
  pruneEvery?: number;
  /** How long a write waits for another process's lock (default 2000 ms). */
  busyTimeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface UnansweredStore {
  record(entry: UnansweredEntry): void;
  /** Several entries in one transaction. */
  recordMany(entries: readonly UnansweredEntry[]): void;
  /** Rows asked at or after `since` (epoch ms), oldest first. */
  list(since?: number): UnansweredRow[];
  count(): number;
  /** Deletes rows past the retention window or beyond the row cap; returns how many. */
  prune(): number;
  close(): void;
  readonly path: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_NEAR_MISSES = 5;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS unanswered (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at INTEGER NOT NULL,
    question TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    platform TEXT NOT NULL,
    near_misses TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX IF NOT EXISTS unanswered_asked_at ON unanswered (asked_at);
`;

interface DbRow {
  id: number;
  asked_at: number;
  question: string;
  user_hash: string;
  platform: string;
  near_misses: string;
}

/** Keeps only well-formed near misses, a few of them, with short scores. */
function cleanNearMisses(value: unknown): NearMiss[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (m): m is NearMiss =>
        typeof m?.id === "string" && typeof m?.score === "number" && Number.isFinite(m.score),
    )
    .slice(0, MAX_NEAR_MISSES)
    .map((m) => ({ id: m.id.slice(0, 100), score: Math.round(m.score * 1000) / 1000 }));
}

function parseNearMisses(json: string): NearMiss[] {
  try {
    return cleanNearMisses(JSON.parse(json));
  } catch {
    return [];
  }
}

/** Opens (creating if needed) the store at `path`; ":memory:" keeps it in memory. */
export function openUnansweredStore(
  path: string,
  opts: UnansweredStoreOptions = {},
): UnansweredStore {
  const retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const maxRows = opts.maxRows ?? 10_000;
  const pruneEvery = opts.pruneEvery ?? 100;
  const now = opts.now ?? Date.now;

  if (path !== ":memory:" && path !== "") {
    mkdirSync(dirname(path), { recursive: true });
    // Questions are personal data: only the bot's user may read the file (SQLite gives its
    // -wal and -shm files the same mode).
    closeSync(openSync(path, "a", 0o600));
    try {
      chmodSync(path, 0o600);
    } catch {
      // Not ours to change (another owner); the operator set it up.
    }
  }
  const db = new Database(path);
  // WAL lets `npm run unanswered` read while the bot writes.
  db.pragma("journal_mode = WAL");
  db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 2000}`);
  db.exec(SCHEMA);

  const insert = db.prepare(
    "INSERT INTO unanswered (asked_at, question, user_hash, platform, near_misses) VALUES (?, ?, ?, ?, ?)",
  );
  const deleteOld = db.prepare("DELETE FROM unanswered WHERE asked_at < ?");
  // Everything older than the maxRows-th newest row goes (ids only grow).
  const deleteExcess = db.prepare(
    "DELETE FROM unanswered WHERE id < (SELECT id FROM unanswered ORDER BY id DESC LIMIT 1 OFFSET ?)",
  );
  const selectSince = db.prepare<[number], DbRow>(
    "SELECT * FROM unanswered WHERE asked_at >= ? ORDER BY asked_at, id",
  );
  const countRows = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM unanswered");

  function prune(): number {
    const prunePass = db.transaction(() => {
      const old = deleteOld.run(now() - retentionDays * DAY_MS).changes;
      return old + deleteExcess.run(maxRows - 1).changes;
    });
    return prunePass();
  }

  prune();
  let insertsSincePrune = 0;

  const store: UnansweredStore = {
    path,
    recordMany: (entries) => db.transaction(() => entries.forEach(store.record))(),
    record(entry) {
      const question = entry.question.slice(0, MAX_QUESTION_LENGTH);
      if (!question) return;
      insert.run(
        entry.askedAt ?? now(),
        question,
        entry.userHash,
        entry.platform,
        JSON.stringify(cleanNearMisses(entry.nearMisses)),
      );
      insertsSincePrune += 1;
      if (insertsSincePrune >= pruneEvery) {
        insertsSincePrune = 0;
        prune();
      }
    },
    list(since = 0) {
      return selectSince.all(since).map((r) => ({
        id: r.id,
        askedAt: r.asked_at,
        question: r.question,
        userHash: r.user_hash,
        platform: r.platform,
        nearMisses: parseNearMisses(r.near_misses),
      }));
    },
    count: () => countRows.get()?.n ?? 0,
    prune,
    close: () => db.close(),
  };
  return store;
}
