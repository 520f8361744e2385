/**
 * Where unanswered questions go: the SQLite file written off the event loop
 * (writer.ts) or, with shared state in Redis, the state's capped log, so
 * several instances keep one record. Recording never waits and never throws.
 */
import type { SharedState } from "../state/index.ts";
import type { UnansweredEntry, UnansweredRow } from "./store.ts";

export interface UnansweredSink {
  record(entry: UnansweredEntry): void;
  /** Writes what is queued (bounded) and releases the store. */
  close(): Promise<void>;
}

export const UNANSWERED_LOG = "unanswered";
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LogSinkOptions {
  retentionDays: number;
  maxRows: number;
  onError(err: unknown): void;
}

/** Records as JSON lines in the shared state's capped log (the same row cap as SQLite). */
export function stateLogSink(state: SharedState, opts: LogSinkOptions): UnansweredSink {
  const writes = new Set<Promise<void>>();
  return {
    record(entry) {
      const line = JSON.stringify({ ...entry, askedAt: entry.askedAt ?? Date.now() });
      const write = state.append(UNANSWERED_LOG, line, opts.maxRows).catch(opts.onError);
      writes.add(write);
      void write.finally(() => writes.delete(write));
    },
    async close() {
      await Promise.allSettled([...writes]);
    },
  };
}

/** The log's rows asked at or after `since` and within the retention, oldest first. */
export async function readStateLog(
  state: SharedState,
  retentionDays: number,
  since = 0,
  now = Date.now(),
): Promise<UnansweredRow[]> {
  const from = Math.max(since, now - retentionDays * DAY_MS);
  const rows: UnansweredRow[] = [];
  for (const [i, line] of (await state.readLog(UNANSWERED_LOG)).entries()) {
    try {
      const row = JSON.parse(line) as Required<UnansweredEntry>;
      if (typeof row.question === "string" && row.askedAt >= from) rows.push({ id: i + 1, ...row });
    } catch {
      // A line that is not ours is skipped.
    }
  }
  return rows;
}
