/**
 * The gateway-mode health endpoint on its own: 200 only when every platform
 * is connected, 503 with the same body otherwise, HEAD, 404 elsewhere.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type ConnectionState,
  type HealthServer,
  healthReport,
  startHealthServer,
} from "../../src/ops/health.ts";

describe("healthReport", () => {
  test("ok only when every platform is connected", () => {
    assert.deepEqual(healthReport({ discord: () => "connected", slack: () => "connected" }), {
      status: 200,
      body: { ok: true, platforms: { discord: "connected", slack: "connected" } },
    });
    assert.deepEqual(healthReport({ discord: () => "connecting", slack: () => "connected" }), {
      status: 503,
      body: { ok: false, platforms: { discord: "connecting", slack: "connected" } },
    });
  });

  test("a probe that throws counts as disconnected", () => {
    const report = healthReport({
      discord: () => {
        throw new Error("boom");
      },
    });
    assert.equal(report.status, 503);
    assert.deepEqual(report.body.platforms, { discord: "disconnected" });
  });
});

describe("health server", () => {
  let server: HealthServer;
  let discord: ConnectionState = "connected";
  const probes: Record<string, () => ConnectionState> = { discord: () => discord };
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  before(async () => {
    server = await startHealthServer(probes, { port: 0, host: "127.0.0.1" });
  });
  after(async () => {
    await server?.close();
  });

  test("GET /healthz: 200 with the platforms when all are connected", async () => {
    const res = await fetch(url("/healthz"));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.deepEqual(await res.json(), { ok: true, platforms: { discord: "connected" } });
  });

  test("503 with the same body shape when one is not connected; probes are live", async () => {
    discord = "connecting";
    probes.slack = () => "connected";
    try {
      const res = await fetch(url("/healthz"));
      assert.equal(res.status, 503);
      assert.deepEqual(await res.json(), {
        ok: false,
        platforms: { discord: "connecting", slack: "connected" },
      });
    } finally {
      discord = "connected";
      delete probes.slack;
    }
  });

  test("HEAD answers the status without a body", async () => {
    const ok = await fetch(url("/healthz"), { method: "HEAD" });
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), "");
    discord = "disconnected";
    try {
      const down = await fetch(url("/healthz"), { method: "HEAD" });
      assert.equal(down.status, 503);
    } finally {
      discord = "connected";
    }
  });

  test("404 on other paths, 405 on other methods", async () => {
    for (const path of ["/", "/health", "/healthz/x", "/slack/events"]) {
      const res = await fetch(url(path));
      assert.equal(res.status, 404, path);
      await res.body?.cancel();
    }
    const post = await fetch(url("/healthz"), { method: "POST" });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get("allow"), "GET, HEAD");
  });

  test("close stops answering and is idempotent", async () => {
    const extra = await startHealthServer(probes, { port: 0, host: "127.0.0.1" });
    const res = await fetch(`http://127.0.0.1:${extra.port}/healthz`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    await Promise.all([extra.close(), extra.close()]);
    await assert.rejects(fetch(`http://127.0.0.1:${extra.port}/healthz`));
  });
});
