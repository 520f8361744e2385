/**
 * Starts Incident Desk on Slack: checks the token, builds Bolt with the
 * right receiver, wires the listeners, and returns a stop that drains: in
 * HTTP mode the route on the process's HTTP server, in Socket Mode the
 * envelopes received, and in both the replies still queued for Slack.
 */

import { App, SocketModeReceiver, type webApi } from "@slack/bolt";
import { DEFAULT_PORT, type SlackConfig } from "../../config.ts";
import type { Dispatcher } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import type { ConnectionState } from "../../ops/health.ts";
import { InFlight } from "../../ops/lifecycle/in-flight.ts";
import { createMemoryState, type SharedState } from "../../ops/state/index.ts";
import type { PictureRenderer } from "../../pictures/index.ts";
import { type HttpServer, startHttpServer } from "../http/server.ts";
import { checkBotToken, SlackStartError, socketStartError } from "./auth-check.ts";
import { boltLogger } from "./bolt-logger.ts";
import { slackFetch } from "./fetch.ts";
import { SlackHttpRoute } from "./http-route.ts";
import { listenForActions } from "./listeners/actions.ts";
import { listenForCommands } from "./listeners/commands.ts";
import { listenForMessages } from "./listeners/messages.ts";
import { PICTURE_SCOPE } from "./manifest.ts";
import { type SocketTuning, socketReceiver } from "./receiver.ts";

export { SlackStartError } from "./auth-check.ts";

export interface StartSlackOptions {
  /**
   * HTTP mode: the process's HTTP server, which gets the /slack/events route. Without one
   * (tests, the bench), Slack starts its own on `port` and `host`.
   */
  server?: HttpServer;
  /** HTTP mode without `server`: the port to listen on (0 = any free port). Default DEFAULT_PORT (3000). */
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
  /** Renders a reply's picture; the default draws it from the facts (tests pass a failing one). */
  pictures?: PictureRenderer;
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

type Receiver = SlackHttpRoute | SocketModeReceiver;

/** Socket Mode with SLACK_APP_TOKEN; HTTP mode with SLACK_SIGNING_SECRET, a route on the HTTP server. */
function buildReceiver(
  config: SlackConfig,
  bolt: ReturnType<typeof boltLogger>,
  clientOptions: webApi.WebClientOptions,
  opts: StartSlackOptions,
  { inFlight, log }: { inFlight: InFlight; log: Logger },
): Receiver {
  if (config.mode === "socket") {
    if (!config.appToken)
      throw new SlackStartError("Socket Mode needs SLACK_APP_TOKEN (xapp-...).");
    return socketReceiver(config.appToken, bolt, clientOptions, opts.socket);
  }
  if (!config.signingSecret) throw new SlackStartError("HTTP mode needs SLACK_SIGNING_SECRET.");
  return new SlackHttpRoute({
    signingSecret: config.signingSecret,
    state: opts.state ?? createMemoryState(),
    inFlight,
    logger: log,
  });
}

/** Socket Mode's lifecycle events, for the health endpoint; "close" is the socket dropping. */
function socketStateOf(receiver: Receiver): () => ConnectionState {
  let state: ConnectionState = "connecting";
  if (receiver instanceof SocketModeReceiver) {
    const socket = receiver.client;
    socket.on("connected", () => (state = "connected"));
    socket.on("close", () => (state = "connecting"));
    socket.on("reconnecting", () => (state = "connecting"));
    socket.on("disconnected", () => (state = "disconnected"));
  }
  return () => state;
}

/**
 * Connects Socket Mode, or puts the route on the HTTP server (the process's, or one of its
 * own when none is given); returns the server it started itself, if any.
 */
async function connect(
  app: App,
  receiver: Receiver,
  config: SlackConfig,
  opts: StartSlackOptions,
  log: Logger,
  teamId: string | undefined,
  probe: () => ConnectionState,
): Promise<HttpServer | undefined> {
  if (receiver instanceof SocketModeReceiver) {
    try {
      await app.start();
    } catch (err) {
      await app.stop().catch(() => {});
      throw socketStartError(err, config.apiUrl);
    }
    log.info({ mode: "socket", team: teamId }, "slack connected (Socket Mode)");
    return undefined;
  }
  await app.start();
  const ownServer = opts.server
    ? undefined
    : await startHttpServer({
        port: opts.port ?? DEFAULT_PORT,
        host: opts.host,
        probes: { slack: probe },
        logger: log,
      });
  const server = opts.server ?? (ownServer as HttpServer);
  server.add(receiver);
  log.info({ mode: "http", port: server.port, team: teamId }, "slack listening (HTTP mode)");
  return ownServer;
}

/** Intake first, then every listener still answering, then Bolt; returns how many were cut. */
async function drainAndStop(
  app: App,
  receiver: Receiver,
  {
    ownServer,
    inFlight,
    log,
    deadline,
  }: { ownServer?: HttpServer; inFlight: InFlight; log: Logger; deadline: number },
): Promise<number> {
  // A server of our own stops taking requests and finishes those it has.
  let cut = (await ownServer?.drain(deadline)) ?? 0;
  // Queued replies included; Socket Mode acks the envelopes it has over the still-open socket.
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
  const receiver = buildReceiver(config, bolt, clientOptions(), opts, { inFlight, log });

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

  // Without files:write the bot answers in text only; say so once rather than fail each upload.
  const uploadPictures = identity.scopes?.includes(PICTURE_SCOPE) ?? true;
  if (!uploadPictures)
    log.warn(
      `The Slack app lacks the ${PICTURE_SCOPE} scope, so pictures are not posted. Add it under "OAuth & Permissions > Scopes" and reinstall the app.`,
    );
  const deps = {
    dispatcher,
    logger: log,
    ackBudgetMs: opts.ackBudgetMs ?? 2000,
    uploadPictures,
    pictures: opts.pictures,
  };
  listenForCommands(app, deps);
  listenForActions(app, deps);
  listenForMessages(app, { ...deps, botUserId: identity.botUserId });

  const socketState = socketStateOf(receiver);
  let stopped: Promise<number> | undefined;
  const ownServer = await connect(app, receiver, config, opts, log, identity.teamId, () =>
    stopped ? "disconnected" : "connected",
  );

  return {
    port: receiver instanceof SlackHttpRoute ? (opts.server ?? ownServer)?.port : undefined,
    pending: () => inFlight.size + (ownServer?.pending() ?? 0),
    connection() {
      if (stopped) return "disconnected";
      if (receiver instanceof SlackHttpRoute) return "connected";
      return socketState();
    },
    stop(deadline = Date.now() + STOP_TIMEOUT_MS) {
      stopped ??= drainAndStop(app, receiver, { ownServer, inFlight, log, deadline });
      return stopped;
    },
  };
}
