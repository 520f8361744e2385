/**
 * Socket Mode: the bot dials out over a WebSocket (no public URL). HTTP mode
 * is a route on the process's HTTP server instead (http-route.ts).
 */
import { type Logger as BoltLogger, SocketModeReceiver, type webApi } from "@slack/bolt";

export interface SocketTuning {
  /** Ping/pong timeout; also the base reconnect delay (Slack's default 5000). */
  clientPingTimeoutMs?: number;
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
