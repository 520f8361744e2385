/**
 * Starts Incident Desk on Slack: checks the token, builds Bolt with the
 * right receiver, wires the listeners, and returns a stop that drains: in
 * HTTP mode the route on the process's HTTP server, in Socket Mode the
 * envelopes received, and in both the replies still queued for Slack.
 */

import { App, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config.ts";
import type { Dispatcher } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import type { ConnectionState } from "../../ops/health.ts";
import { InFlight } from "../../ops/lifecycle/in-flight.ts";
import { createMemoryState, type SharedState } from "../../ops/state/index.ts";
import { type HttpServer, startHttpServer } from "../http/server.ts";
import { checkBotToken, SlackStartError, socketStartError } from "./auth-check.ts";
import { boltLogger } from "./bolt-logger.ts";
import { slackFetch } from "./fetch.ts";
import { SlackHttpRoute } from "./http-route.ts";
import { listenForActions } from "./listeners/actions.ts";
import { listenForCommands } from "./listeners/commands.ts";
import { listenForMessages } from "./listeners/messages.ts";
import { type SocketTuning, socketReceiver } from "./receiver.ts";

export { SlackStartError } from "./auth-check.ts";
export { buildManifest, runManifestCli } from "./manifest.ts";

export interface StartSlackOptions {
  /**
   * HTTP mode: the process's HTTP server, which gets the /slack/events route. Without one
   * (tests, the bench), Slack starts its own on `port` and `host`.
   */
  server?: HttpServer;
  /** HTTP mode without `server`: the port to listen on (0 = any free port). Default 3000. */
  port?: number;
  /** HTTP mode without `server`: the interface to bind. Default all interfaces. */
  host?: string;
  /** Replay and retry de-duplication; this process's memory by default. */
  state?: SharedState;
  /** See ListenerDeps.ackBudgetMs; default 2000 ms. */
  ackBudgetMs?: number;
  /** Web API retries after a 429 or 5xx; default 2 (fast, so a chat answer is not held for minutes). */
  retries?: number;
  /** How long one Web API or response_url call may take before it is aborted (and retried); default 10 s. */
  webApiTimeoutMs?: number;
  socket?: SocketTuning;
}

export interface RunningSlack {
  /**
   * Drains until `deadline` (epoch ms; default 5 s from now): HTTP requests, Socket Mode
   * envelopes and queued replies; returns how many were cut.
   */
  stop(deadline?: number): Promise<number>;
  /** Listener work not finished yet. */
  pending(): number;
  /** HTTP mode: the bound port. */
  port?: number;
  /** For the health endpoint: the socket's state (Socket Mode) or whether the app runs (HTTP). */
  connection(): ConnectionState;
}

const STOP_TIMEOUT_MS = 5000;

function webClientOptions(
  config: SlackConfig,
  retries: number,
  timeout = 10_000,
): webApi.WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // Exponential backoff with jitter between retries of a 5xx or a timeout.
    retryConfig: { retries, factor: 2, minTimeout: 200, maxTimeout: 2000, randomize: true },
    timeout,
    fetch: slackFetch(timeout),
  };
}

export async function startSlack(
  config: SlackConfig,
  dispatcher: Dispatcher,
  logger: Logger,
  opts: StartSlackOptions = {},
): Promise<RunningSlack> {
  const log = logger.child({ platform: "slack" });
  const clientOptions = () => webClientOptions(config, opts.retries ?? 2, opts.webApiTimeoutMs);
  const bolt = boltLogger(log, "bolt");
  const identity = await checkBotToken(config.botToken, { ...clientOptions(), logger: bolt });

  const inFlight = new InFlight();
  let receiver: SlackHttpRoute | SocketModeReceiver;
  if (config.mode === "socket") {
    if (!config.appToken)
      throw new SlackStartError("Socket Mode needs SLACK_APP_TOKEN (xapp-...).");
    receiver = socketReceiver(config.appToken, bolt, clientOptions(), opts.socket);
  } else {
    if (!config.signingSecret) throw new SlackStartError("HTTP mode needs SLACK_SIGNING_SECRET.");
    receiver = new SlackHttpRoute({
      signingSecret: config.signingSecret,
      state: opts.state ?? createMemoryState(),
      inFlight,
      logger: log,
    });
  }

  const app = new App({
    receiver,
    logger: bolt,
    clientOptions: clientOptions(),
    // The token was verified above; hand Bolt the identity so it never calls auth.test per request.
    authorize: async () => ({
      botToken: config.botToken,
      botId: identity.botId,
      botUserId: identity.botUserId,
    }),
    // Stateless: no in-memory conversation store, so any instance can serve any request.
    convoStore: false,
  });
  app.error(async (error) => {
    log.error({ err: error }, "slack listener error");
  });
  // Socket Mode hands envelopes to processEvent itself: track them here (HTTP mode tracks
  // processEvent in the route), so the drain waits for every listener and its replies.
  if (receiver instanceof SocketModeReceiver) app.use(({ next }) => inFlight.track(next()));

  const deps = { dispatcher, logger: log, ackBudgetMs: opts.ackBudgetMs ?? 2000 };
  listenForCommands(app, deps);
  listenForActions(app, deps);
  listenForMessages(app, { ...deps, botUserId: identity.botUserId });

  // Socket Mode's lifecycle events, read by the health endpoint; "close" is the socket dropping.
  let socketState: ConnectionState = "connecting";
  if (receiver instanceof SocketModeReceiver) {
    const socket = receiver.client;
    socket.on("connected", () => (socketState = "connected"));
    socket.on("close", () => (socketState = "connecting"));
    socket.on("reconnecting", () => (socketState = "connecting"));
    socket.on("disconnected", () => (socketState = "disconnected"));
  }
  let ownServer: HttpServer | undefined;
  let port: number | undefined;
  if (receiver instanceof SocketModeReceiver) {
    try {
      await app.start();
    } catch (err) {
      await app.stop().catch(() => {});
      throw socketStartError(err, config.apiUrl);
    }
    log.info({ mode: "socket", team: identity.teamId }, "slack connected (Socket Mode)");
  } else {
    await app.start();
    let server = opts.server;
    if (!server) {
      ownServer = await startHttpServer({
        port: opts.port ?? 3000,
        host: opts.host,
        probes: { slack: () => (stopped ? "disconnected" : "connected") },
        logger: log,
      });
      server = ownServer;
    }
    server.add(receiver);
    port = server.port;
    log.info({ mode: "http", port, team: identity.teamId }, "slack listening (HTTP mode)");
  }

  let stopped: Promise<number> | undefined;
  return {
    port,
    pending: () => inFlight.size + (ownServer?.pending() ?? 0),
    connection() {
      if (stopped) return "disconnected";
      if (receiver instanceof SlackHttpRoute) return "connected";
      return socketState;
    },
    stop(deadline = Date.now() + STOP_TIMEOUT_MS) {
      stopped ??= (async () => {
        // Intake first: a server of our own stops taking requests and finishes those it has.
        let cut = (await ownServer?.drain(deadline)) ?? 0;
        // Then every listener still answering, its queued replies included; Socket Mode acks
        // the envelopes it has over the still-open socket.
        cut += await inFlight.settle(deadline);
        if (cut > 0) log.warn({ cut }, "slack stopped with work in flight");
        try {
          // Bolt's SocketModeReceiver.stop() does not wait for the close handshake; wait for it
          // here, so the socket is closed cleanly before the process moves on.
          if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
          await app.stop();
        } catch (err) {
          log.warn({ err }, "slack stop failed");
        }
        log.info("slack stopped");
        return cut;
      })();
      return stopped;
    },
  };
}
