/**
 * Starts Incident Desk on Slack: checks the token, builds Bolt with the
 * right receiver, wires the listeners, and returns a graceful stop.
 */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, SocketModeReceiver, type webApi } from "@slack/bolt";
import { DEFAULT_PORT, type SlackConfig } from "../../config.ts";
import type { Dispatcher } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import { within } from "../../core/within.ts";
import type { ConnectionState } from "../../ops/health.ts";
import type { PictureRenderer } from "../../pictures/index.ts";
import { checkBotToken, SlackStartError, socketStartError } from "./auth-check.ts";
import { boltLogger } from "./bolt-logger.ts";
import { listenForActions } from "./listeners/actions.ts";
import { listenForCommands } from "./listeners/commands.ts";
import { listenForMessages } from "./listeners/messages.ts";
import { PICTURE_SCOPE } from "./manifest.ts";
import { httpReceiver, type SocketTuning, socketReceiver } from "./receiver.ts";

export { SlackStartError } from "./auth-check.ts";

export interface StartSlackOptions {
  /** HTTP mode: the port to listen on (0 = any free port). Default DEFAULT_PORT (3000). */
  port?: number;
  /** HTTP mode: the interface to bind. Default all interfaces. */
  host?: string;
  /** See ListenerDeps.ackBudgetMs; default 2000 ms. */
  ackBudgetMs?: number;
  /** Web API retries after a 429 or 5xx; default 2 (fast, so a chat answer is not held for minutes). */
  retries?: number;
  /** How long one Web API call may take before it is aborted (and retried); default 10 s. */
  webApiTimeoutMs?: number;
  socket?: SocketTuning;
  /** Renders a reply's picture; the default draws it from the facts (tests pass a failing one). */
  pictures?: PictureRenderer;
}

export interface RunningSlack {
  stop(): Promise<void>;
  /** HTTP mode: the bound port. */
  port?: number;
  /** For the health endpoint: the socket's state (Socket Mode) or whether the server listens (HTTP). */
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
    retryConfig: { retries, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    timeout,
  };
}

type Receiver = ReturnType<typeof httpReceiver> | ReturnType<typeof socketReceiver>;

/** Socket Mode with SLACK_APP_TOKEN, HTTP mode with SLACK_SIGNING_SECRET. */
function buildReceiver(
  config: SlackConfig,
  bolt: ReturnType<typeof boltLogger>,
  clientOptions: webApi.WebClientOptions,
  socket?: SocketTuning,
): Receiver {
  if (config.mode === "socket") {
    if (!config.appToken)
      throw new SlackStartError("Socket Mode needs SLACK_APP_TOKEN (xapp-...).");
    return socketReceiver(config.appToken, bolt, clientOptions, socket);
  }
  if (!config.signingSecret) throw new SlackStartError("HTTP mode needs SLACK_SIGNING_SECRET.");
  return httpReceiver(config.signingSecret, bolt);
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

/** Connects Socket Mode, or listens for HTTP; returns the HTTP server in HTTP mode. */
async function connect(
  app: App,
  config: SlackConfig,
  opts: StartSlackOptions,
  log: Logger,
  teamId: string | undefined,
): Promise<Server | undefined> {
  if (config.mode === "socket") {
    try {
      await app.start();
    } catch (err) {
      await app.stop().catch(() => {});
      throw socketStartError(err, config.apiUrl);
    }
    log.info({ mode: "socket", team: teamId }, "slack connected (Socket Mode)");
    return undefined;
  }
  const port = opts.port ?? DEFAULT_PORT;
  const server = (await app.start(opts.host ? { port, host: opts.host } : port)) as Server;
  const bound = (server.address() as AddressInfo).port;
  log.info({ mode: "http", port: bound, team: teamId }, "slack listening (HTTP mode)");
  return server;
}

/** Stops Bolt within STOP_TIMEOUT_MS, however it fails. */
async function stopApp(app: App, receiver: Receiver, log: Logger): Promise<void> {
  const closing = (async () => {
    // Bolt's SocketModeReceiver.stop() does not wait for the close handshake; wait for it
    // here, so the socket is closed cleanly before the process moves on.
    if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
    await app.stop();
  })();
  const settled = closing.then(
    () => true,
    (err: unknown) => {
      log.warn({ err }, "slack stop failed");
      return true;
    },
  );
  if (!(await within(settled, STOP_TIMEOUT_MS)))
    log.warn("slack did not stop in time; continuing shutdown");
  log.info("slack stopped");
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
  const receiver = buildReceiver(config, bolt, clientOptions(), opts.socket);

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
  const server = await connect(app, config, opts, log, identity.teamId);

  let stopped: Promise<void> | undefined;
  return {
    port: server ? (server.address() as AddressInfo).port : undefined,
    connection() {
      if (stopped) return "disconnected";
      if (server) return server.listening ? "connected" : "disconnected";
      return socketState();
    },
    stop() {
      stopped ??= stopApp(app, receiver, log);
      return stopped;
    },
  };
}
