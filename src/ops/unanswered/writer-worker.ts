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
import type { UnansweredEntry, UnansweredStore } from "./store.ts";

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

const isBusy = (err: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown })?.code ?? ""));

/** Opens the store; a database locked by another process is tried again with the next batch. */
function open(): { store?: UnansweredStore; locked?: boolean; problem?: string } {
  const opened = openStoreSafely(init.path, {
    retentionDays: init.retentionDays,
    maxRows: init.maxRows,
    busyTimeoutMs: init.busyTimeoutMs,
  });
  if (!opened.store && isBusy(opened.error)) return { locked: true };
  return opened;
}

const first = open();
let store = first.store;
let waitingForLock = first.locked === true;
if (store || waitingForLock) post({ type: "ready", problem: first.problem });
else post({ type: "disabled", problem: first.problem ?? `${init.path} (${STORE_SETTING})` });

port.on("message", (batch: UnansweredEntry[] | "close") => {
  if (batch === "close") {
    store?.close();
    store = undefined;
    port.close();
    return;
  }
  if (!store && waitingForLock) {
    const again = open();
    store = again.store;
    waitingForLock = again.locked === true;
    if (!store && !waitingForLock)
      post({ type: "disabled", problem: again.problem ?? `${init.path} (${STORE_SETTING})` });
  }
  if (!store) {
    post({
      type: "dropped",
      count: batch.length,
      reason: waitingForLock ? "database locked" : "store disabled",
    });
    return;
  }
  try {
    store.recordMany(batch);
    post({ type: "written", count: batch.length });
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? "");
    if (isBusy(err)) {
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
