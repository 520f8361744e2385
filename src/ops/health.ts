/**
 * The health endpoint for gateway mode (HEALTH_PORT): a tiny node:http
 * server that asks each running platform how its connection is and answers
 * GET/HEAD /healthz with 200 when all are connected, 503 otherwise, so an
 * orchestrator restarts or drains an instance whose gateway stays down.
 * Read-only: it reports state, it never changes it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Route } from "../platforms/http/types.ts";

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

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  port: number;
  /**
   * Webhook routes served next to /healthz (Discord HTTP interactions), until the one
   * HTTP server per process takes them over. Bodies are limited to BODY_LIMIT.
   */
  routes?: Route[];
  /** Interface to bind; all interfaces by default, as an orchestrator probes from outside. */
  host?: string;
}

const BODY_LIMIT = 128 * 1024;

/** Hands a route the raw body (413 past the limit, 500 if the route throws). */
async function serveRoute(route: Route, req: IncomingMessage, res: ServerResponse, path: string) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) {
      res.writeHead(413, { connection: "close" }).end();
      req.destroy();
      return;
    }
    chunks.push(chunk);
  }
  const out = await route
    .handle({
      method: req.method ?? "POST",
      path,
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
    })
    .catch(() => ({ status: 500 }) as const);
  res
    .writeHead(out.status, "headers" in out ? out.headers : undefined)
    .end("body" in out ? out.body : undefined);
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  probes: Readonly<Record<string, ConnectionProbe>>,
  routes: readonly Route[] = [],
): void {
  const path = new URL(req.url ?? "/", "http://health").pathname;
  const method = req.method ?? "GET";
  const headers = { "content-type": "application/json", "cache-control": "no-store" };
  const route = routes.find((r) => r.path === path && r.method === method);
  if (route) {
    void serveRoute(route, req, res, path);
    return;
  }
  if (path !== HEALTH_PATH) {
    res.writeHead(404, headers).end(method === "HEAD" ? undefined : '{"error":"not found"}');
    return;
  }
  if (method !== "GET" && method !== "HEAD") {
    res.writeHead(405, { ...headers, allow: "GET, HEAD" }).end();
    return;
  }
  const report = healthReport(probes);
  res.writeHead(report.status, headers);
  res.end(method === "HEAD" ? undefined : JSON.stringify(report.body));
}

/**
 * Starts the health server. `probes` is read on every request, so platforms
 * added after start-up (main starts them one by one) are reported as they land.
 */
export async function startHealthServer(
  probes: Readonly<Record<string, ConnectionProbe>>,
  opts: HealthServerOptions,
): Promise<HealthServer> {
  const server = createServer((req, res) => answer(req, res, probes, opts.routes));
  // Probes should never hold a connection open across a shutdown.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
