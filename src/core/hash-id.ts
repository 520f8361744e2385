/**
 * Platform ids -> short, stable, salted hashes, so logs and the unanswered
 * store can tell requests from the same person apart without holding who
 * they are. The salt is per deployment (LOG_SALT, set at start-up through
 * setLogSalt): without it, anyone could hash a known user id and look for it
 * in the logs.
 */
import { createHmac } from "node:crypto";

const DEFAULT_SALT = "incident-desk/log-salt/v1";

let salt = DEFAULT_SALT;

/** Sets the deployment's salt (config.logSalt) once at start-up; unset keeps the default. */
export function setLogSalt(value: string | undefined): void {
  salt = value || DEFAULT_SALT;
}

function hashId(kind: "user" | "channel", platform: string, id: string): string {
  // 16 hex chars = 64 bits: collisions are negligible at any plausible user count.
  return createHmac("sha256", salt)
    .update(`${kind}\0${platform}\0${id}`)
    .digest("hex")
    .slice(0, 16);
}

/** A user id as it may appear in logs and stored records. */
export function hashUserId(platform: string, id: string): string {
  return hashId("user", platform, id);
}

/** A channel id as it may appear in logs and rate-limit keys. */
export function hashChannelId(platform: string, id: string): string {
  return hashId("channel", platform, id);
}
