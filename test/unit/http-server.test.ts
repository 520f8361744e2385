/**
 * The process's one HTTP server on loopback: /healthz, the route registry,
 * limits before work (413 from Content-Length and from the streamed count,
 * request timeouts), and the drain: requests already received are answered
 * (including ones still in the listen backlog), idle keep-alive sockets close,
 * and what outlives the deadline is cut and counted.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { createInterface } from "node:readline";
import { after, before, describe, test } from "node:test";
import { silentLogger } from "../../src/core/logger.ts";
import type { ConnectionState } from "../../src/ops/health.ts";
import { acceptBacklog } from "../../src/platforms/http/backlog.ts";
import { type HttpServer, startHttpServer } from "../../src/platforms/http/server.ts";
import type { HttpRequest } from "../../src/platforms/http/types.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";

const LIMIT = 1024;

/** Prints "go", then posts argv[2] requests to port argv[1], each on a new connection; prints status counts. */
const BURST_CLIENT = `
const { request } = require("node:http");
const [port, n] = process.argv.slice(1).map(Number);
console.log("go");
setTimeout(async () => {
  const res = await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => {
    const req = request({ port, host: "127.0.0.1", method: "POST", path: "/slow", agent: false }, (r) => {
      r.resume();
      r.on("end", () => resolve(r.statusCode));
    });
    req.on("error", (e) => resolve(e.code));
    req.end("x");
  })));
  const counts = {};
  for (const r of res) counts[r] = (counts[r] ?? 0) + 1;
  console.log(JSON.stringify(counts));
}, 50);
`;

async function start(probes: Record<string, () => ConnectionState> = {}): Promise<HttpServer> {
  return startHttpServer({
    port: 0,
    host: "127.0.0.1",
    probes,
    logger: silentLogger,
    bodyLimitBytes: LIMIT,
    headersTimeoutMs: 500,
    requestTimeoutMs: 1000,
  });
}

/** Sends raw bytes on a new connection and resolves with everything the server wrote back. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let out = "";
    socket.on("data", (d) => {
      out += d.toString();
    });
    socket.on("close", () => resolve(out));
    socket.on("error", reject);
    socket.write(bytes);
  });
}

describe("routes and /healthz", () => {
  let server: HttpServer;
  let discord: ConnectionState = "connected";
  const probes: Record<string, () => ConnectionState> = { discord: () => discord };
  const seen: HttpRequest[] = [];
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  before(async () => {
    server = await start(probes);
    // Adding a route is one line.
    server.add({
      method: "POST",
      path: "/echo",
      handle: async (req) => {
        seen.push(req);
        return { status: 200, headers: { "content-type": "text/plain" }, body: req.rawBody };
      },
    });
  });
  after(async () => {
    await server?.drain(Date.now() + 1000);
  });

  test("GET /healthz: 200 with the platforms when all are connected, no-store", async () => {
    const res = await fetch(url("/healthz"));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.deepEqual(await res.json(), { ok: true, platforms: { discord: "connected" } });
  });

  test("503 when a platform is not connected; probes are read live; HEAD has no body", async () => {
    discord = "connecting";
    try {
      const res = await fetch(url("/healthz"));
      assert.equal(res.status, 503);
      assert.deepEqual(await res.json(), { ok: false, platforms: { discord: "connecting" } });
      const head = await fetch(url("/healthz"), { method: "HEAD" });
      assert.equal(head.status, 503);
      assert.equal(await head.text(), "");
    } finally {
      discord = "connected";
    }
  });

  test("a route gets the raw body, path without the query, and headers", async () => {
    const res = await fetch(url("/echo?x=1"), { method: "POST", body: "a=1&b=%20" });
    assert.equal(res.status, 200);
    // One body with its length, not chunked framing.
    assert.equal(res.headers.get("content-length"), "9");
    assert.equal(res.headers.get("transfer-encoding"), null);
    assert.equal(await res.text(), "a=1&b=%20");
    const last = seen.at(-1);
    assert.equal(last?.path, "/echo");
    assert.equal(last?.method, "POST");
    assert.ok(Buffer.isBuffer(last?.rawBody));
  });

  test("404 on unknown paths, 405 on a known path with another method", async () => {
    for (const path of ["/", "/health", "/healthz/x", "/slack/events"]) {
      const res = await fetch(url(path));
      assert.equal(res.status, 404, path);
      await res.body?.cancel();
    }
    assert.equal((await fetch(url("/echo"))).status, 405);
    const post = await fetch(url("/healthz"), { method: "POST" });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get("allow"), "GET, HEAD");
  });

  test("a body over the limit is refused with 413 from its Content-Length, unread", async () => {
    const before = seen.length;
    const res = await raw(
      server.port,
      `POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: ${4 * 1024 * 1024}\r\n\r\n${"x".repeat(100)}`,
    );
    assert.match(res, /^HTTP\/1\.1 413 /);
    assert.equal(seen.length, before, "the route never ran");
  });

  test("a chunked body is refused with 413 as soon as the streamed count passes the limit", async () => {
    const before = seen.length;
    const chunk = "x".repeat(600);
    const chunked = `${(600).toString(16)}\r\n${chunk}\r\n`;
    const res = await raw(
      server.port,
      `POST /echo HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n${chunked}${chunked}${chunked}`,
    );
    assert.match(res, /^HTTP\/1\.1 413 /);
    assert.equal(seen.length, before, "the route never ran");
  });

  test("a request whose body never finishes times out", async () => {
    const res = await raw(
      server.port,
      "POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 50\r\n\r\nabc",
    );
    assert.match(res, /^HTTP\/1\.1 408 /);
  });
});

describe("drain", () => {
  test("answers every received request, the listen backlog included, then closes", async () => {
    const server = await start();
    let handled = 0;
    server.add({
      method: "POST",
      path: "/slow",
      handle: async () => {
        await new Promise((r) => setTimeout(r, 50));
        handled += 1;
        return { status: 200, body: "done" };
      },
    });
    // Clients in another process, each on its own connection; while our event loop is busy
    // they all land in the kernel's listen backlog, unaccepted, when the drain starts.
    const COUNT = 200;
    const client = spawn(
      process.execPath,
      ["-e", BURST_CLIENT, String(server.port), String(COUNT)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const lines = createInterface({ input: client.stdout });
    const output = (async () => {
      const all: string[] = [];
      for await (const line of lines) all.push(line);
      return all;
    })();
    await new Promise<void>((resolve) => lines.once("line", () => resolve()));
    // Busy until the kernel holds every connection in the backlog (where /proc says so; else
    // a moment): nothing is accepted meanwhile.
    const busyUntil = Date.now() + (acceptBacklog(server.port) === undefined ? 1000 : 30_000);
    while (Date.now() < busyUntil && (acceptBacklog(server.port) ?? 0) < COUNT) {
      // busy
    }
    const cut = await server.drain(Date.now() + 5000);
    const [, counts] = await output;
    assert.deepEqual(JSON.parse(counts ?? "{}"), { 200: COUNT }, "every request answered");
    assert.equal(handled, COUNT);
    assert.equal(cut, 0, "nothing cut");
    await assert.rejects(
      fetch(`http://127.0.0.1:${server.port}/healthz`),
      "the listener is closed",
    );
  });

  test("reports 503 while draining and closes idle keep-alive sockets at once", async () => {
    const server = await start({ discord: () => "connected" });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.add({ method: "POST", path: "/slow", handle: () => gate.then(() => ({ status: 200 })) });
    // An idle keep-alive connection from an earlier probe must not hold the drain.
    const idle = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    await idle.body?.cancel();
    const slow = fetch(`http://127.0.0.1:${server.port}/slow`, { method: "POST", body: "x" });
    await waitFor(() => server.pending() === 1, 5000, "the slow request received");
    const draining = server.drain(Date.now() + 5000);
    const probe = await raw(server.port, "GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n").catch(
      () => "refused",
    );
    // Either the probe got in before the listener closed (503, draining) or it was refused.
    assert.ok(probe === "refused" || probe === "" || /^HTTP\/1\.1 503 /.test(probe), probe);
    release();
    assert.equal((await slow).status, 200);
    assert.equal(await draining, 0);
  });

  test("past the deadline it cuts what is left and says how many", async () => {
    const server = await start();
    server.add({ method: "POST", path: "/never", handle: () => new Promise(() => {}) });
    const stuck = Array.from({ length: 3 }, () =>
      fetch(`http://127.0.0.1:${server.port}/never`, { method: "POST", body: "x" }).catch(
        () => "cut",
      ),
    );
    await waitFor(() => server.pending() === 3, 5000, "three requests received");
    assert.equal(await server.drain(Date.now() + 200), 3);
    assert.deepEqual(await Promise.all(stuck), ["cut", "cut", "cut"]);
  });
});
