/**
 * The one HTTP server of a process (node:http on PORT): the routes the
 * platforms register (/slack/events, /discord/interactions) and /healthz.
 * Limits come before work: a body over the limit is refused with 413 from its
 * Content-Length or as soon as the streamed bytes pass it, so an unsigned
 * flood never sits in memory; slow headers and slow bodies time out.
 *
 * The drain loses nothing that was received: /healthz turns 503, connections
 * the kernel already accepted are taken, then the listener closes; requests
 * in progress finish (their responses say `connection: close`), idle
 * keep-alive sockets close, and what is still open at the deadline is cut
 * and counted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, Server as NetServer, type Socket } from "node:net";
import type { Logger } from "../../core/logger.ts";
import { type ConnectionProbe, HEALTH_PATH, healthReport } from "../../ops/health.ts";
import { acceptBacklog } from "./backlog.ts";
import type { HttpRequest, HttpResponse, Route } from "./types.ts";

export const DEFAULT_BODY_LIMIT = 128 * 1024;

export interface HttpServerOptions {
  port: number;
  /** Interface to bind; all interfaces by default (a load balancer probes from outside). */
  host?: string;
  /** The platforms' connection probes for /healthz, read on every probe. */
  probes: Readonly<Record<string, ConnectionProbe>>;
  logger: Logger;
  /** Largest request body accepted, in bytes (default 128 KiB; Slack's are a few KiB). */
  bodyLimitBytes?: number;
  /** Time allowed for a request's headers (default 5 s) and for the whole request (default 10 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface HttpServer {
  readonly port: number;
  /** Registers a route; one line per platform in the start-up code. */
  add(route: Route): void;
  /** Requests received and not yet answered. */
  pending(): number;
  /**
   * Stops taking connections and lets every received request finish, until
   * `deadline` (epoch ms); returns how many requests were cut at the deadline.
   */
  drain(deadline: number): Promise<number>;
}

interface Tracked {
  /** Requests on this socket whose response is not finished yet. */
  active: number;
  /** Responses finished on this socket (0: no request has arrived yet). */
  served: number;
}

const JSON_TYPE = { "content-type": "application/json", "cache-control": "no-store" };
/** The backlog counts as empty once no connection has come in for this long. */
const ACCEPT_QUIET_MS = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, response: HttpResponse, head: boolean): void {
  if (res.headersSent) return;
  const { body } = response;
  // With its length known the response is one write (head and body), not chunked.
  const length = body === undefined ? 0 : Buffer.byteLength(body);
  res.writeHead(response.status, { ...response.headers, "content-length": length });
  res.end(head ? undefined : body);
}

function error(status: number, message: string): HttpResponse {
  return { status, headers: JSON_TYPE, body: JSON.stringify({ error: message }) };
}

/** The body, or undefined once it passed `limit` (the caller has answered 413). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const routes = new Map<string, Route>();
  const limit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const sockets = new Map<Socket, Tracked>();
  let draining = false;
  let drainedAt = 0;
  let pendingRequests = 0;
  let accepted = 0;
  /** Wakes the drain loop when a response finishes or a socket closes. */
  let wake: (() => void) | undefined;
  const changed = () => wake?.();

  async function route(req: IncomingMessage, head: boolean): Promise<HttpResponse> {
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const method = req.method ?? "GET";
    if (path === HEALTH_PATH) {
      if (method !== "GET" && method !== "HEAD")
        return {
          ...error(405, "method not allowed"),
          headers: { ...JSON_TYPE, allow: "GET, HEAD" },
        };
      const report = healthReport(opts.probes);
      // A draining instance tells the load balancer to send its traffic elsewhere.
      const status = draining ? 503 : report.status;
      const body = draining ? { ...report.body, ok: false, draining: true } : report.body;
      return { status, headers: JSON_TYPE, body: JSON.stringify(body) };
    }
    const found = routes.get(`${head ? "GET" : method} ${path}`);
    if (!found) {
      const other = [...routes.values()].some((r) => r.path === path);
      return other ? error(405, "method not allowed") : error(404, "not found");
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return error(413, "request body too large");
    const rawBody = await readBody(req, limit);
    if (!rawBody) return error(413, "request body too large");
    const request: HttpRequest = { method, path, headers: req.headers, rawBody };
    return await found.handle(request);
  }

  const headersTimeoutMs = opts.headersTimeoutMs ?? 5000;
  // Node enforces the header and request timeouts on this interval (30 s by default).
  const server = createServer({ connectionsCheckingInterval: 500 }, (req, res) => {
    const tracked = sockets.get(req.socket);
    if (tracked) tracked.active += 1;
    pendingRequests += 1;
    res.once("close", () => {
      pendingRequests -= 1;
      if (tracked) {
        tracked.active -= 1;
        tracked.served += 1;
      }
      changed();
    });
    // During the drain every response closes its connection after it is written.
    if (draining) res.shouldKeepAlive = false;
    const head = req.method === "HEAD";
    route(req, head).then(
      (response) => {
        if (draining) res.shouldKeepAlive = false;
        // A refused body is not read; close the connection rather than drain megabytes.
        if (response.status === 413) res.shouldKeepAlive = false;
        send(res, response, head);
        if (response.status === 413) res.once("finish", () => req.socket.destroySoon());
      },
      (err: unknown) => {
        opts.logger.error({ err, path: req.url?.split("?", 1)[0] }, "http route failed");
        send(res, error(500, "internal error"), head);
      },
    );
  });
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = opts.requestTimeoutMs ?? 10_000;
  server.keepAliveTimeout = 5000;
  server.on("connection", (socket: Socket) => {
    accepted += 1;
    sockets.set(socket, { active: 0, served: 0 });
    socket.once("close", () => {
      sockets.delete(socket);
      changed();
    });
  });
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // Timeouts and malformed requests: answer if we still can, never crash.
    if (socket.writable && !socket.writableEnded) {
      const status = err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
      socket.end(
        `HTTP/1.1 ${status} ${status === 408 ? "Request Timeout" : "Bad Request"}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`,
      );
    } else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  opts.logger.info({ port }, "http server listening");

  /** Idle sockets that will get no (more) requests: keep-alive ones, and fresh ones past the grace. */
  function closeIdle(): void {
    const now = Date.now();
    for (const [socket, t] of sockets) {
      if (t.active > 0) continue;
      // A fresh connection gets until the headers timeout to send its request.
      if (t.served > 0 || now - drainedAt >= headersTimeoutMs) socket.destroy();
    }
  }

  let drained: Promise<number> | undefined;
  return {
    port,
    add(r) {
      routes.set(`${r.method} ${r.path}`, r);
    },
    pending: () => pendingRequests,
    drain(deadline) {
      drained ??= (async () => {
        draining = true;
        drainedAt = Date.now();
        // Connections waiting in the listen backlog count as received: closing the listener
        // would reset them. Node takes them a few per turn of the event loop, so keep accepting
        // until none has come for a while (bounded: a steady stream would never stop).
        // At most half the time left: the other half is for finishing what was taken.
        const acceptUntil = Date.now() + (deadline - Date.now()) / 2;
        let seen = accepted;
        let lastNewAt = Date.now();
        while (Date.now() < acceptUntil) {
          await sleep(1);
          await new Promise((resolve) => setImmediate(resolve)); // a poll phase has run
          if (accepted !== seen) {
            seen = accepted;
            lastNewAt = Date.now();
          } else if (Date.now() - lastNewAt >= ACCEPT_QUIET_MS) {
            // Quiet: confirm with the kernel's count where it can be read (costly, so only now).
            if (!acceptBacklog(port)) break;
            lastNewAt = Date.now();
          }
        }
        // net.Server's close stops listening but leaves open connections to the loop below
        // (http.Server's would also drop accepted ones whose request is not read yet).
        NetServer.prototype.close.call(server);
        while (sockets.size > 0 && Date.now() < deadline) {
          await sleep(20); // lets requests buffered on idle sockets be parsed before they close
          closeIdle();
          if (sockets.size === 0) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, Math.max(0, Math.min(100, deadline - Date.now())));
          });
          wake = undefined;
        }
        const cut = pendingRequests;
        for (const socket of sockets.keys()) socket.destroy();
        return cut;
      })();
      return drained;
    },
  };
}
