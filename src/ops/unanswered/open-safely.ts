/**
 * Opens the unanswered-question store without ever stopping the bot: a
 * corrupt file is moved aside and a fresh one started; a read-only file or
 * an unwritable folder turns recording off. Either way the caller gets one
 * sentence naming the file and the setting, for one log line.
 */
import { existsSync, renameSync } from "node:fs";
import { openUnansweredStore, type UnansweredStore, type UnansweredStoreOptions } from "./store.ts";

export const STORE_SETTING = "UNANSWERED_DB";

export interface SafeOpen {
  store?: UnansweredStore;
  /** What went wrong and what was done, when something did. */
  problem?: string;
  /** The error when the store could not be opened. */
  error?: unknown;
}

const CORRUPT = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT"]);

function code(err: unknown): string {
  return String((err as { code?: unknown })?.code ?? "");
}

export function isCorruption(err: unknown): boolean {
  return CORRUPT.has(code(err));
}

/** One sentence for a failure of the store at `path`, naming the setting. */
export function describeStoreFailure(path: string, err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  return `Unanswered questions are not being recorded: ${path} cannot be written (${detail}). Make the file and its folder writable by the bot, or set ${STORE_SETTING} to another path (":memory:" keeps the record in memory). Answers are not affected.`;
}

export function openStoreSafely(path: string, opts: UnansweredStoreOptions = {}): SafeOpen {
  try {
    return { store: openUnansweredStore(path, opts) };
  } catch (err) {
    if (!isCorruption(err) || !existsSync(path))
      return { problem: describeStoreFailure(path, err), error: err };
    const aside = `${path}.corrupt-${Date.now()}`;
    try {
      renameSync(path, aside);
      for (const suffix of ["-wal", "-shm"])
        if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
      const store = openUnansweredStore(path, opts);
      return {
        store,
        problem: `${path} (${STORE_SETTING}) is not a usable SQLite database (${(err as Error).message}); moved it aside to ${aside} and started a new one.`,
      };
    } catch (again) {
      return { problem: describeStoreFailure(path, again), error: again };
    }
  }
}
