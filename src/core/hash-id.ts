/**
 * Platform ids -> short, stable, salted hashes, so logs and the unanswered
 * store can tell requests from the same person apart without holding who
 * they are. The salt is per deployment (LOG_SALT, or one generated under
 * DATA_DIR: see ops/salt.ts), set once at start; until then a random one, so
 * no hash is ever made with a value anyone could look up.
 */
import { createHmac, createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { BoundedMap } from "./bounded-map.ts";

/** The salt as a key made once, not imported again by every HMAC. */
let salt: KeyObject = saltKey(randomBytes(32).toString("hex"));

function saltKey(value: string): KeyObject {
  return createSecretKey(Buffer.from(value, "utf8"));
}

/**
 * Recent hashes: a request hashes its user and channel for the rate limit and
 * again for its log line, and the same people ask again, so an HMAC is
 * computed once per id rather than four times per request.
 */
const recent = new BoundedMap<string, string>({ max: 10_000 });

/** Sets the deployment's salt (start-up, tests). */
export function setLogSalt(value: string): void {
  salt = saltKey(value);
  recent.clear();
}

function hashId(kind: "user" | "channel", platform: string, id: string): string {
  // 16 hex chars = 64 bits: collisions are negligible at any plausible user count.
  return recent.getOrSet(`${kind}\0${platform}\0${id}`, (input) =>
    createHmac("sha256", salt).update(input).digest("hex").slice(0, 16),
  );
}

/** A user id as it may appear in logs and stored records. */
export function hashUserId(platform: string, id: string): string {
  return hashId("user", platform, id);
}

/** A channel id as it may appear in logs and rate-limit keys. */
export function hashChannelId(platform: string, id: string): string {
  return hashId("channel", platform, id);
}
