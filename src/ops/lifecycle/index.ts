/**
 * Start and stop, the same for every process (main, each Discord shard, the
 * shard manager). SIGTERM and SIGINT start one drain: the steps run in the
 * order they were added (intake first, stores last), all against one
 * deadline. A second signal does not interrupt it (npm and a terminal both
 * pass Ctrl+C on, so two arrive at once); a third forces the exit. Past the
 * deadline the process exits 1 and logs how much work was cut.
 */
import type { Logger } from "../../core/logger.ts";

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface StopStep {
  name: string;
  /** Finishes what the step has received, until `deadline` (epoch ms); returns how many items it cut. */
  stop(deadline: number): Promise<number>;
  /** Items still unfinished, for the report when the deadline passes. */
  pending?(): number;
}

export interface LifecycleOptions {
  logger: Logger;
  graceMs?: number;
  /** For tests; process.exit otherwise. */
  exit?: (code: number) => void;
}

export interface Lifecycle {
  add(step: StopStep): void;
  /** Handles SIGTERM, SIGINT and unhandled rejections from now on. */
  listen(): void;
  /** Drains every step and exits: `exitCode`, or 1 when work was cut. */
  shutdown(reason: string, exitCode?: number): Promise<void>;
}

export function createLifecycle(opts: LifecycleOptions): Lifecycle {
  const { logger } = opts;
  const graceMs = opts.graceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const steps: StopStep[] = [];
  let signals = 0;
  let stopping: Promise<void> | undefined;

  const pending = () => steps.reduce((n, s) => n + (s.pending?.() ?? 0), 0);

  async function drain(reason: string, exitCode: number): Promise<void> {
    logger.info({ signal: reason, graceMs }, "shutting down");
    const deadline = Date.now() + graceMs;
    const bound = setTimeout(() => {
      logger.error({ cut: pending(), graceMs }, "shutdown deadline passed; exiting with work cut");
      exit(1);
    }, graceMs + 250);
    bound.unref();
    let cut = 0;
    for (const step of steps) {
      try {
        cut += await step.stop(deadline);
      } catch (err) {
        logger.warn({ err, step: step.name }, "stopping failed; continuing shutdown");
      }
    }
    clearTimeout(bound);
    if (cut > 0) logger.error({ cut }, "stopped with work cut at the deadline");
    logger.info("stopped");
    exit(cut > 0 ? 1 : exitCode);
  }

  const lifecycle: Lifecycle = {
    add: (step) => void steps.push(step),
    listen() {
      const onSignal = (signal: NodeJS.Signals) => {
        signals += 1;
        if (signals >= 3) {
          logger.warn({ signal, cut: pending() }, "third signal; exiting now");
          exit(1);
          return;
        }
        void lifecycle.shutdown(signal);
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
      // A library promise that fails with nobody listening (e.g. a revoked token during a
      // reconnect) is logged with context and ends the process cleanly, for a supervisor to restart.
      process.on("unhandledRejection", (reason) => {
        logger.fatal({ err: reason }, "unhandled rejection; exiting");
        void lifecycle.shutdown("unhandledRejection", 1);
      });
    },
    shutdown(reason, exitCode = 0) {
      stopping ??= drain(reason, exitCode);
      return stopping;
    },
  };
  return lifecycle;
}
