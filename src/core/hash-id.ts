/**
 * Platform ids -> short, stable, salted hashes, so logs and the unanswered
 * store can tell requests from the same person apart without holding who
 * they are. The salt is per deployment (LOG_SALT, or one generated under
 * DATA_DIR: see ops/salt.ts), set once at start; until then a random one, so
 * no hash is ever made with a value anyone could look up.
 */
import { createHmac, randomBytes } from "node:crypto";

let salt = randomBytes(32).toString("hex");

/** Sets the deployment's salt (start-up, tests). */
export function setLogSalt(value: string): void {
  salt = value;
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
