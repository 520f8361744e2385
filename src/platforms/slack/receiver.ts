/**
 * The two ways Slack reaches the bot. Socket Mode: the bot dials out over a
 * WebSocket (no public URL). HTTP mode: Slack posts signed requests to
 * EVENTS_PATH; no state is kept between requests, so any number of instances
 * can sit behind a load balancer, which polls HEALTH_PATH.
 */
import type { ServerResponse } from "node:http";
import {
  type Logger as BoltLogger,
  HTTPReceiver,
  SocketModeReceiver,
  type webApi,
} from "@slack/bolt";
import { HEALTH_PATH } from "../../ops/health.ts";
import { EVENTS_PATH } from "./manifest.ts";

export interface SocketTuning {
  /** Ping/pong timeout; also the base reconnect delay (Slack's default 5000). */
  clientPingTimeoutMs?: number;
}

function health(_req: unknown, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ ok: true, platforms: { slack: "connected" } }));
}

export function httpReceiver(signingSecret: string, logger: BoltLogger): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret,
    endpoints: [EVENTS_PATH],
    logger,
    // Ack first, then work: Bolt sends the HTTP response as soon as ack() runs.
    processBeforeResponse: false,
    customRoutes: [{ path: HEALTH_PATH, method: ["GET", "HEAD"], handler: health }],
  });
}

export function socketReceiver(
  appToken: string,
  logger: BoltLogger,
  clientOptions: webApi.WebClientOptions,
  tuning: SocketTuning = {},
): SocketModeReceiver {
  // Keep Socket Mode's own patient retry policy for apps.connections.open: with a short one, a
  // Slack outage during a reconnect ends in an error the client never catches.
  const { logger: _l, logLevel: _ll, retryConfig: _r, ...socketClientOptions } = clientOptions;
  return new SocketModeReceiver({
    appToken,
    logger,
    clientPingTimeout: tuning.clientPingTimeoutMs ?? 5000,
    // apps.connections.open goes to the same (possibly overridden) Web API base URL.
    installerOptions: { clientOptions: socketClientOptions },
  });
}
