/**
 * Discord signs every HTTP interaction with the application's Ed25519 key:
 * X-Signature-Ed25519 over X-Signature-Timestamp + the raw body. Checked with
 * node:crypto before anything parses the body; a request outside the time
 * window is refused even when its signature is good, so an old capture cannot
 * be replayed later.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** Discord's window is not documented; this matches Slack's, and SECURITY.md. */
export const TIMESTAMP_WINDOW_S = 5 * 60;

// DER header of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** The portal's hex public key as a KeyObject, made once at start-up. */
export function discordPublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, "hex");
  if (raw.length !== 32) throw new Error("a Discord public key is 32 bytes (64 hex characters)");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: "der",
    type: "spki",
  });
}

export type SignatureVerdict = "ok" | "missing" | "stale" | "bad";

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function checkSignature(
  key: KeyObject,
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  nowMs = Date.now(),
): SignatureVerdict {
  const signature = header(headers, "x-signature-ed25519");
  const timestamp = header(headers, "x-signature-timestamp");
  if (!signature || !timestamp) return "missing";
  if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-fA-F]{128}$/.test(signature)) return "bad";
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_S) return "stale";
  const signed = Buffer.concat([Buffer.from(timestamp), rawBody]);
  return verify(null, signed, key, Buffer.from(signature, "hex")) ? "ok" : "bad";
}
