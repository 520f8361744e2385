/**
 * Slack's HTTP mode as a route on the process's one HTTP server, and a Bolt
 * receiver: the server hands over the raw body (already within its size
 * limit), this checks Slack's v0 signature and the timestamp window before
 * parsing anything, runs each delivery once, and gives the event to
 * app.processEvent. The HTTP response goes out the moment a listener acks.
 *
 * Once means: a replayed request (same signature) and Slack's own retries
 * of an event (X-Slack-Retry-Num, same event_id) are claimed in the shared
 * state for longer than the timestamp window, so they are answered 200 and
 * run nothing, on any instance that shares the state.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parse as parseQuery } from "node:querystring";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import type { Logger } from "../../core/logger.ts";
import type { InFlight } from "../../ops/lifecycle/in-flight.ts";
import type { SharedState } from "../../ops/state/index.ts";
import { jsonBody } from "../http/json-body.ts";
import type { HttpRequest, HttpResponse, Route } from "../http/types.ts";
import { EVENTS_PATH } from "./manifest.ts";

/** Slack's window: a request signed more than 5 minutes before or after now is refused. */
export const TIMESTAMP_WINDOW_S = 5 * 60;
/** Deliveries are remembered past the window, after which the timestamp check refuses them anyway. */
const SEEN_TTL_MS = 2 * TIMESTAMP_WINDOW_S * 1000 + 60_000;

const EMPTY_OK: HttpResponse = { status: 200 };
const JSON_TYPE = { "content-type": "application/json" };

function header(request: HttpRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

/** True when `signature` is v0 HMAC-SHA256 of `v0:timestamp:body` under the secret. */
export function validSignature(
  secret: string,
  timestamp: string,
  body: Buffer,
  signature: string,
): boolean {
  const expected = Buffer.from(
    `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseBody(request: HttpRequest): Record<string, unknown> | undefined {
  const text = request.rawBody.toString("utf8");
  try {
    if (header(request, "content-type")?.startsWith("application/x-www-form-urlencoded")) {
      const form = parseQuery(text);
      return typeof form.payload === "string"
        ? (JSON.parse(form.payload) as Record<string, unknown>)
        : (form as Record<string, unknown>);
    }
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function ackResponse(body: unknown): HttpResponse {
  if (body === undefined || body === "") return EMPTY_OK;
  if (typeof body === "string") return { status: 200, body };
  return { status: 200, headers: JSON_TYPE, body: jsonBody(body) };
}

export interface SlackRouteOptions {
  signingSecret: string;
  state: SharedState;
  /** Where listener work is tracked for the drain. */
  inFlight: InFlight;
  logger: Logger;
  /** The clock in seconds, for tests. */
  nowS?: () => number;
}

export class SlackHttpRoute implements Receiver, Route {
  readonly method = "POST";
  readonly path = EVENTS_PATH;
  private app: App | undefined;

  constructor(private readonly opts: SlackRouteOptions) {}

  init(app: App): void {
    this.app = app;
  }

  // The shared HTTP server listens and closes; the receiver has nothing to start or stop.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async handle(request: HttpRequest): Promise<HttpResponse> {
    const refused = this.verify(request);
    if (refused) return refused;
    const body = parseBody(request);
    if (!body) return { status: 400 };
    if (body.ssl_check === "1") return EMPTY_OK;
    if (body.type === "url_verification")
      return {
        status: 200,
        headers: JSON_TYPE,
        body: JSON.stringify({ challenge: body.challenge }),
      };
    // An event is one delivery however often Slack retries it; anything else is one signature.
    const key =
      typeof body.event_id === "string"
        ? `slack:event:${body.event_id}`
        : `slack:sig:${header(request, "x-slack-signature")}`;
    if (!(await this.opts.state.claim(key, SEEN_TTL_MS))) {
      this.opts.logger.debug(
        { key: key.split(":", 2).join(":") },
        "slack delivery seen before; skipped",
      );
      return EMPTY_OK;
    }
    return await this.process(request, body);
  }

  /** A response refusing the request, or undefined when it is signed and fresh. */
  private verify(request: HttpRequest): HttpResponse | undefined {
    const signature = header(request, "x-slack-signature");
    const timestamp = header(request, "x-slack-request-timestamp");
    if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return { status: 401 };
    const now = this.opts.nowS?.() ?? Math.floor(Date.now() / 1000);
    // Both ways: a timestamp from the future is as suspect as a stale one.
    if (Math.abs(now - Number(timestamp)) > TIMESTAMP_WINDOW_S) return { status: 401 };
    if (!validSignature(this.opts.signingSecret, timestamp, request.rawBody, signature))
      return { status: 401 };
    return undefined;
  }

  private process(request: HttpRequest, body: Record<string, unknown>): Promise<HttpResponse> {
    const app = this.app;
    if (!app) return Promise.resolve({ status: 503 });
    return new Promise<HttpResponse>((resolve) => {
      const event: ReceiverEvent = { body, ack: acker(resolve) };
      const retryNum = header(request, "x-slack-retry-num");
      if (retryNum) event.retryNum = Number(retryNum);
      const retryReason = header(request, "x-slack-retry-reason");
      if (retryReason) event.retryReason = retryReason;
      // processEvent settles when every listener is done (replies sent); the drain waits for it.
      this.opts.inFlight.track(app.processEvent(event)).then(
        // No listener acked: nothing handles this request, so say so now rather than hold it.
        () => resolve({ status: 404 }),
        (err: unknown) => {
          this.opts.logger.error({ err }, "slack event processing failed");
          resolve({ status: 500 });
        },
      );
    });
  }
}

/** The event's ack: the first call answers the HTTP request; later ones do nothing. */
function acker(resolve: (response: HttpResponse) => void): ReceiverEvent["ack"] {
  let acked = false;
  return async (response?: unknown) => {
    if (acked) return;
    acked = true;
    resolve(ackResponse(response));
  };
}
