/**
 * Retries toward the platforms: backoff with jitter stays within its bounds,
 * Retry-After is capped at 60 s, and the fetch Slack's clients use times out
 * and caps the header a 429 carries (checked against a loopback server).
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { backoffMs, MAX_RETRY_AFTER_MS, retryAfterMs, withRetry } from "../../src/core/backoff.ts";
import { slackFetch } from "../../src/platforms/slack/fetch.ts";

test("backoff grows exponentially up to its cap, with jitter below it", () => {
  for (let attempt = 0; attempt < 8; attempt++) {
    const ceiling = Math.min(2000, 250 * 2 ** attempt);
    for (let i = 0; i < 50; i++) {
      const d = backoffMs(attempt, 250, 2000);
      assert.ok(d >= 0 && d < ceiling, `${attempt}: ${d}`);
    }
  }
});

test("Retry-After is read in seconds or as a date and capped at 60 s", () => {
  assert.equal(retryAfterMs("2"), 2000);
  assert.equal(retryAfterMs("3600"), MAX_RETRY_AFTER_MS);
  assert.equal(retryAfterMs(new Date(Date.now() + 3_600_000).toUTCString()), MAX_RETRY_AFTER_MS);
  assert.equal(retryAfterMs(undefined), undefined);
  assert.equal(retryAfterMs("soon"), undefined);
});

test("withRetry retries only what is retryable, and only so often", async () => {
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw new Error("503");
      },
      { retries: 2, baseMs: 1, maxMs: 2, retryable: () => true },
    ),
  );
  assert.equal(calls, 3);
  calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw new Error("400");
      },
      { retries: 2, baseMs: 1, retryable: () => false },
    ),
  );
  assert.equal(calls, 1);
});

test("Slack's fetch caps a 429's Retry-After at 60 s and times out a call that hangs", async () => {
  const server = createServer((req, res) => {
    if (req.url === "/slow") return; // never answered
    res.writeHead(429, { "retry-after": "3600" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const f = slackFetch(300);
    const limited = await f(`${base}/api/chat.postMessage`, { method: "POST" });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("retry-after"), "60");
    await assert.rejects(f(`${base}/slow`, { method: "POST" }), /abort|timeout/i);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
