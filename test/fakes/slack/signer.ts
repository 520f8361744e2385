/**
 * Signs a request the way Slack does (v0 scheme), so tests and the bench can
 * post to an HTTP-mode app: HMAC-SHA256(secret, `v0:${timestamp}:${rawBody}`).
 */
import { createHmac } from "node:crypto";

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

/** Headers for a signed request; `timestamp` defaults to now (seconds). */
export function signedHeaders(
  secret: string,
  rawBody: string,
  contentType: "application/x-www-form-urlencoded" | "application/json",
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(secret, timestamp, rawBody),
  };
}
