/**
 * The salt behind every hashed user and channel id. LOG_SALT when set;
 * otherwise a random one generated on first start and kept in
 * DATA_DIR/log-salt (mode 0600), so hashes stay stable across restarts and
 * across the processes of one deployment, and are never made with a value
 * anyone could read in this code.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../core/logger.ts";

export const SALT_FILE = "log-salt";

export function resolveLogSalt(
  config: { logSalt?: string; dataDir: string },
  logger: Logger,
): string {
  if (config.logSalt) return config.logSalt;
  const path = join(config.dataDir, SALT_FILE);
  try {
    const kept = readFileSync(path, "utf8").trim();
    if (kept) return kept;
  } catch {
    // Not there yet: generate it below.
  }
  const salt = randomBytes(32).toString("hex");
  try {
    mkdirSync(config.dataDir, { recursive: true });
    // "wx": two processes starting at once must not overwrite each other's salt.
    writeFileSync(path, `${salt}\n`, { mode: 0o600, flag: "wx" });
    logger.info(
      { file: path },
      "LOG_SALT is not set; generated a per-deployment salt for hashed ids",
    );
    return salt;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(path, "utf8").trim();
    logger.warn(
      { file: path, setting: "LOG_SALT" },
      "LOG_SALT is not set and DATA_DIR is not writable; hashed ids use a random salt for this run only",
    );
    return salt;
  }
}
