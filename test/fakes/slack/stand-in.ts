/**
 * A loopback Slack: one HTTP server on 127.0.0.1 that speaks enough of the
 * Web API for Bolt (auth.test, chat.postMessage, apps.connections.open, and
 * files.uploadV2's three steps: files.getUploadURLExternal, the upload to the
 * URL it returned, files.completeUploadExternal), a `response_url` endpoint,
 * and a Socket Mode WebSocket at /socket. Every call is recorded so tests
 * assert on what the real Bolt sent.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { waitFor } from "./wait-for.ts";

export interface ApiCall {
  /** Arrival order among API calls and file uploads. */
  seq: number;
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** A file sent to an upload URL that files.getUploadURLExternal handed out. */
export interface FileUpload {
  /** Arrival order among API calls and file uploads. */
  seq: number;
  fileId: string;
  contentType: string;
  /** The request body as received (the web client sends multipart form data). */
  body: Buffer;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export type EnvelopeType = "slash_commands" | "events_api" | "interactive";

/** A one-shot failure for the next call to a Web API method (or to response_url as "response"). */
export type Fault =
  | "ratelimited-429"
  | "http-500"
  | "ratelimited-body"
  /** Never answered, as a call that times out: the client gives up on its own timeout. */
  | "hold"
  | { error: string };

/** Scopes a correctly installed Incident Desk has (sent back as x-oauth-scopes). */
export const DEFAULT_SCOPES = [
  "commands",
  "chat:write",
  "app_mentions:read",
  "im:history",
  "files:write",
];

export const BOT_USER_ID = "UBOT";
export const BOT_ID = "BBOT";

export interface SlackStandIn {
  port: number;
  /** Base URL for the Web API, for `slackApiUrl` / SLACK_API_URL. */
  apiUrl: string;
  calls: ApiCall[];
  responses: ResponseUrlPost[];
  uploads: FileUpload[];
  acks: SocketAck[];
  /** How many WebSocket connections have been opened so far. */
  connections: number;
  /** Scopes reported by auth.test; change to simulate a missing scope. */
  scopes: string[];
  /** When set, auth.test answers {ok:false, error: authError}. */
  authError?: string;
  /** Every chat.postMessage and response_url post is answered this much later (a slow Slack). */
  delayMs: number;
  responseUrl(id?: string): string;
  callsTo(method: string): ApiCall[];
  responsesTo(id: string): ResponseUrlPost[];
  /** The next call to `method` (or "response" for response_url) fails this way. */
  failNext(method: string, fault: Fault): void;
  /** Sends an envelope on the open socket; returns its envelope_id. */
  sendEnvelope(type: EnvelopeType, payload: Record<string, unknown>): string;
  /** Waits for the ack of one envelope. */
  ackFor(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  /** Waits until `n` sockets have connected and the newest one is open. */
  waitForConnection(n: number, timeoutMs?: number): Promise<void>;
  /** Cuts the current socket without a close handshake, as a network drop would. */
  dropSocket(): void;
  /**
   * The next ack is lost: the socket is cut as it arrives (mid-envelope), and the
   * envelope is redelivered on the next connection, as Slack retries unacked envelopes.
   */
  dropOnNextAck(): void;
  /** Envelope ids whose ack was lost by dropOnNextAck (they are redelivered). */
  lostAcks: string[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Bolt's WebClient posts forms whose complex fields are JSON strings; parse those back. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (v.startsWith("[") || v.startsWith("{")) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const faults = new Map<string, Fault[]>();
  const sockets = new Set<WebSocket>();
  let current: WebSocket | undefined;
  let ts = 1700000000;
  let seq = 0;
  /** Envelopes as sent, by id, so a lost one can be redelivered. */
  const sent = new Map<string, string>();
  let dropNextAck = false;
  const redeliver: string[] = [];

  const standIn = {} as SlackStandIn;

  function takeFault(key: string): Fault | undefined {
    return faults.get(key)?.shift();
  }

  /** Answers a faulted call; true when it did. */
  function applyFault(res: ServerResponse, fault: Fault | undefined): boolean {
    if (!fault) return false;
    if (fault === "hold") return true; // never answered; close() ends the connection
    if (fault === "ratelimited-429")
      sendJson(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
    else if (fault === "http-500") sendJson(res, 500, { ok: false, error: "internal_error" });
    else if (fault === "ratelimited-body") sendJson(res, 200, { ok: false, error: "ratelimited" });
    else sendJson(res, 200, { ok: false, error: fault.error });
    return true;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const bytes = await readBody(req);

    const uploadMatch = /^\/upload\/([\w-]+)$/.exec(url.pathname);
    if (req.method === "POST" && uploadMatch) {
      standIn.uploads.push({
        seq: ++seq,
        fileId: uploadMatch[1] ?? "",
        contentType: req.headers["content-type"] ?? "",
        body: bytes,
      });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`OK - ${bytes.length}`);
      return;
    }

    const body = parseBody(bytes.toString("utf8"), req.headers["content-type"]);

    if (
      standIn.delayMs > 0 &&
      (url.pathname.startsWith("/response/") || url.pathname.endsWith("/chat.postMessage"))
    )
      await new Promise((resolve) => setTimeout(resolve, standIn.delayMs));
    const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
    if (req.method === "POST" && responseMatch) {
      const id = decodeURIComponent(responseMatch[1] ?? "");
      standIn.responses.push({ id, body });
      if (applyFault(res, takeFault("response"))) return;
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
      return;
    }

    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!apiMatch) {
      sendJson(res, 404, { ok: false, error: "unknown_path" });
      return;
    }
    const method = apiMatch[1] ?? "";
    standIn.calls.push({ seq: ++seq, method, body, headers: req.headers });
    if (applyFault(res, takeFault(method))) return;

    switch (method) {
      case "auth.test":
        if (standIn.authError) {
          sendJson(res, 200, { ok: false, error: standIn.authError });
          return;
        }
        sendJson(
          res,
          200,
          {
            ok: true,
            url: "https://test.slack.com/",
            team: "Test",
            user: "incident-desk",
            team_id: "T0TEST",
            user_id: BOT_USER_ID,
            bot_id: BOT_ID,
            is_enterprise_install: false,
          },
          { "x-oauth-scopes": standIn.scopes.join(",") },
        );
        return;
      case "chat.postMessage":
        ts += 1;
        sendJson(res, 200, {
          ok: true,
          channel: body.channel,
          ts: `${ts}.000100`,
          message: { text: body.text },
        });
        return;
      case "files.getUploadURLExternal": {
        const fileId = `F${randomUUID().slice(0, 8).toUpperCase()}`;
        sendJson(res, 200, {
          ok: true,
          file_id: fileId,
          upload_url: `http://127.0.0.1:${standIn.port}/upload/${fileId}`,
        });
        return;
      }
      case "files.completeUploadExternal": {
        const files = (body.files ?? []) as { id: string; title?: string }[];
        sendJson(res, 200, { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) });
        return;
      }
      case "apps.connections.open":
        sendJson(res, 200, { ok: true, url: `ws://127.0.0.1:${standIn.port}/socket` });
        return;
      default:
        sendJson(res, 200, { ok: true });
    }
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket")) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      current = ws;
      standIn.connections += 1;
      ws.on("close", () => sockets.delete(ws));
      ws.on("error", () => sockets.delete(ws));
      ws.on("message", (data) => {
        try {
          const msg = JSON.parse(String(data)) as SocketAck;
          if (msg.envelope_id && dropNextAck) {
            dropNextAck = false;
            standIn.lostAcks.push(msg.envelope_id);
            redeliver.push(msg.envelope_id);
            ws.terminate();
            return;
          }
          if (msg.envelope_id) standIn.acks.push(msg);
        } catch {
          // not an ack: ignore
        }
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: sockets.size,
          debug_info: { host: "standin", approximate_connection_time: 3600 },
          connection_info: { app_id: "A0TEST" },
        }),
      );
      for (const id of redeliver.splice(0)) {
        const envelope = sent.get(id);
        if (envelope) ws.send(envelope);
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  Object.assign(standIn, {
    port,
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls: [],
    responses: [],
    uploads: [],
    acks: [],
    connections: 0,
    scopes: [...DEFAULT_SCOPES],
    delayMs: 0,
    responseUrl: (id = randomUUID()) => `http://127.0.0.1:${port}/response/${id}`,
    callsTo: (method: string) => standIn.calls.filter((c) => c.method === method),
    responsesTo: (id: string) => standIn.responses.filter((r) => r.id === id),
    failNext(method: string, fault: Fault) {
      faults.set(method, [...(faults.get(method) ?? []), fault]);
    },
    sendEnvelope(type: EnvelopeType, payload: Record<string, unknown>) {
      if (!current || current.readyState !== current.OPEN)
        throw new Error("no open Socket Mode connection");
      const envelope_id = randomUUID();
      const envelope = JSON.stringify({
        envelope_id,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
      });
      sent.set(envelope_id, envelope);
      current.send(envelope);
      return envelope_id;
    },
    ackFor: (envelopeId: string, timeoutMs = 5000) =>
      waitFor(
        () => standIn.acks.find((a) => a.envelope_id === envelopeId),
        timeoutMs,
        `ack of ${envelopeId}`,
      ),
    async waitForConnection(n: number, timeoutMs = 5000) {
      await waitFor(
        () => standIn.connections >= n && current?.readyState === current?.OPEN,
        timeoutMs,
        `socket connection #${n}`,
      );
    },
    dropSocket() {
      current?.terminate();
    },
    lostAcks: [],
    dropOnNextAck() {
      dropNextAck = true;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } satisfies Partial<SlackStandIn>);
  return standIn;
}
