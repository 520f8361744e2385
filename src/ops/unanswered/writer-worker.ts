/**
 * The worker thread that owns the SQLite file: batches in, one transaction
 * each. A locked database costs this thread a short wait and the batch,
 * never the bot's event loop. Messages out: "ready", "written", "dropped"
 * (locked or busy) and "disabled" (the store cannot be used; recording stops).
 */
import { parentPort, workerData } from "node:worker_threads";
import {
  describeStoreFailure,
  isCorruption,
  openStoreSafely,
  STORE_SETTING,
} from "./open-safely.ts";
import type { UnansweredEntry } from "./store.ts";

export interface WriterInit {
  path: string;
  retentionDays: number;
  maxRows: number;
  busyTimeoutMs: number;
}

export type WriterMessage =
  | { type: "ready"; problem?: string }
  | { type: "written"; count: number }
  | { type: "dropped"; count: number; reason: string }
  | { type: "disabled"; problem: string };

const port = parentPort;
if (!port) throw new Error("writer-worker.ts runs as a worker thread");
const init = workerData as WriterInit;
const post = (message: WriterMessage) => port.postMessage(message);

const opened = openStoreSafely(init.path, {
  retentionDays: init.retentionDays,
  maxRows: init.maxRows,
  busyTimeoutMs: init.busyTimeoutMs,
});
let store = opened.store;
if (store) post({ type: "ready", problem: opened.problem });
else post({ type: "disabled", problem: opened.problem ?? `${init.path} (${STORE_SETTING})` });

port.on("message", (batch: UnansweredEntry[] | "close") => {
  if (batch === "close") {
    store?.close();
    store = undefined;
    port.close();
    return;
  }
  if (!store) {
    post({ type: "dropped", count: batch.length, reason: "store disabled" });
    return;
  }
  try {
    store.recordMany(batch);
    post({ type: "written", count: batch.length });
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? "");
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      post({ type: "dropped", count: batch.length, reason: "database locked" });
      return;
    }
    // Corrupt, read-only, disk full, gone: stop writing (the next start moves a corrupt file aside).
    post({ type: "dropped", count: batch.length, reason: code || "write failed" });
    const problem = isCorruption(err)
      ? `${init.path} (${STORE_SETTING}) became corrupt (${(err as Error).message}); recording stopped, and the next start moves it aside.`
      : describeStoreFailure(init.path, err);
    post({ type: "disabled", problem });
    try {
      store.close();
    } catch {
      // already unusable
    }
    store = undefined;
  }
});
