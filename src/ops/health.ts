/**
 * The health report behind /healthz (served by the process's HTTP server):
 * asks each running platform how its connection is; 200 when all are
 * connected, 503 otherwise, so an orchestrator restarts or drains an
 * instance whose gateway stays down. Read-only: it reports state, it never
 * changes it.
 */

export const HEALTH_PATH = "/healthz";

/** How a platform connection is doing, as its adapter reports it. */
export type ConnectionState = "connected" | "connecting" | "disconnected";

/** Asks one platform for its state; called on every probe, so it must be cheap. */
export type ConnectionProbe = () => ConnectionState;

export interface HealthReport {
  status: 200 | 503;
  body: { ok: boolean; platforms: Record<string, ConnectionState> };
}

export function healthReport(probes: Readonly<Record<string, ConnectionProbe>>): HealthReport {
  const platforms: Record<string, ConnectionState> = {};
  for (const [name, probe] of Object.entries(probes)) {
    let state: ConnectionState;
    try {
      state = probe();
    } catch {
      // A probe that fails cannot vouch for its platform.
      state = "disconnected";
    }
    platforms[name] = state;
  }
  const ok = Object.values(platforms).every((s) => s === "connected");
  return { status: ok ? 200 : 503, body: { ok, platforms } };
}
