/**
 * The health report on its own: 200 only when every platform is connected,
 * 503 with the same body otherwise (the endpoint: http-server.test.ts).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { healthReport } from "../../src/ops/health.ts";

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
