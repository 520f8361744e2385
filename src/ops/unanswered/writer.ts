/**
 * The SQLite sink: entries are queued in memory and handed in batches to a
 * worker thread (writer-worker.ts) that owns the file, so no request ever
 * waits on the disk or on another process's lock. When the worker falls
 * behind (slow, locked or broken store) new entries are dropped and counted,
 * with at most one warning a minute; problems with the file itself are one
 * error line naming the file and the setting.
 */
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Logger } from "../../core/logger.ts";
import { siblingModule } from "../../core/module-file.ts";
import { within } from "../../core/within.ts";
import { STORE_SETTING } from "./open-safely.ts";
import type { UnansweredSink } from "./sink.ts";
import type { UnansweredEntry } from "./store.ts";
import type { WriterInit, WriterMessage } from "./writer-worker.ts";

export interface WriterOptions {
  path: string;
  retentionDays: number;
  maxRows?: number;
  logger: Logger;
  /** Entries waiting or being written past which new ones are dropped (default 1000). */
  maxPending?: number;
  /** How long one write waits for another process's lock (default 250 ms). */
  busyTimeoutMs?: number;
  /** Gap between batches (default 50 ms). */
  flushEveryMs?: number;
}

export interface UnansweredWriter extends UnansweredSink {
  /** Entries dropped so far (queue full, database locked, store disabled). */
  readonly dropped: number;
  /** Entries written so far. */
  readonly written: number;
  /** Resolves once the worker has opened (or given up on) the store. */
  readonly ready: Promise<void>;
}

const WARN_EVERY_MS = 60_000;

export function startUnansweredWriter(opts: WriterOptions): UnansweredWriter {
  const log = opts.logger;
  const maxPending = opts.maxPending ?? 1000;
  const file = siblingModule(import.meta.url, "writer-worker");
  const init: WriterInit = {
    path: opts.path,
    retentionDays: opts.retentionDays,
    maxRows: opts.maxRows ?? 10_000,
    busyTimeoutMs: opts.busyTimeoutMs ?? 250,
  };
  const worker = file.endsWith(".ts")
    ? // Under tsx (npm start, tests) the worker registers tsx itself: Node 20 does not carry
      // --import hooks into a worker's entry module.
      new Worker(
        `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`,
        { eval: true, workerData: init },
      )
    : new Worker(file, { workerData: init });
  worker.unref();

  let queue: UnansweredEntry[] = [];
  /** Sent to the worker and not yet reported back. */
  let inWorker = 0;
  let dropped = 0;
  let written = 0;
  let lastWarnAt = 0;
  let disabled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let settled: () => void = () => {};

  function drop(count: number, reason: string): void {
    dropped += count;
    const now = Date.now();
    if (now - lastWarnAt < WARN_EVERY_MS) return;
    lastWarnAt = now;
    log.warn(
      { dropped, reason, file: opts.path },
      "unanswered questions dropped; answers are not affected",
    );
  }

  function flush(): void {
    timer = undefined;
    if (queue.length === 0) return;
    inWorker += queue.length;
    worker.postMessage(queue);
    queue = [];
  }

  worker.on("message", (message: WriterMessage) => {
    if (message.type === "ready") {
      if (message.problem) log.error({ file: opts.path, setting: STORE_SETTING }, message.problem);
      markReady();
    } else if (message.type === "disabled") {
      disabled = true;
      log.error({ file: opts.path, setting: STORE_SETTING }, message.problem);
      markReady();
    } else {
      inWorker -= message.count;
      if (message.type === "written") written += message.count;
      else drop(message.count, message.reason);
      if (inWorker === 0 && queue.length === 0) settled();
    }
  });
  worker.on("error", (err) => {
    disabled = true;
    log.error(
      { err, file: opts.path, setting: STORE_SETTING },
      "unanswered-question writer failed; recording stopped",
    );
    markReady();
  });

  return {
    ready,
    get dropped() {
      return dropped;
    },
    get written() {
      return written;
    },
    record(entry) {
      if (disabled) return;
      if (queue.length + inWorker >= maxPending) {
        drop(1, "store is behind");
        return;
      }
      queue.push(entry);
      timer ??= setTimeout(flush, opts.flushEveryMs ?? 50);
    },
    async close() {
      if (timer) clearTimeout(timer);
      flush();
      // Give queued batches a moment; a locked database does not hold the shutdown.
      if (inWorker > 0 && !disabled)
        await within(new Promise<void>((resolve) => (settled = resolve)), 2000);
      worker.postMessage("close");
      await within(new Promise((resolve) => worker.once("exit", resolve)), 1000);
      await worker.terminate();
    },
  };
}
