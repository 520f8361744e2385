/**
 * Starts Incident Desk on Slack: checks the token, builds Bolt with the
 * right receiver, wires the listeners, and returns a graceful stop.
 */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config.ts";
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
export { buildManifest, runManifestCli } from "./manifest.ts";

export interface StartSlackOptions {
  /** HTTP mode: the port to listen on (0 = any free port). Default 3000. */
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

  let receiver: ReturnType<typeof httpReceiver> | ReturnType<typeof socketReceiver>;
  if (config.mode === "socket") {
    if (!config.appToken)
      throw new SlackStartError("Socket Mode needs SLACK_APP_TOKEN (xapp-...).");
    receiver = socketReceiver(config.appToken, bolt, clientOptions(), opts.socket);
  } else {
    if (!config.signingSecret) throw new SlackStartError("HTTP mode needs SLACK_SIGNING_SECRET.");
    receiver = httpReceiver(config.signingSecret, bolt);
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

  // Socket Mode's lifecycle events, read by the health endpoint; "close" is the socket dropping.
  let socketState: ConnectionState = "connecting";
  if (receiver instanceof SocketModeReceiver) {
    const socket = receiver.client;
    socket.on("connected", () => (socketState = "connected"));
    socket.on("close", () => (socketState = "connecting"));
    socket.on("reconnecting", () => (socketState = "connecting"));
    socket.on("disconnected", () => (socketState = "disconnected"));
  }
  let server: Server | undefined;

  let port: number | undefined;
  if (config.mode === "socket") {
    try {
      await app.start();
    } catch (err) {
      await app.stop().catch(() => {});
      throw socketStartError(err, config.apiUrl);
    }
    log.info({ mode: "socket", team: identity.teamId }, "slack connected (Socket Mode)");
  } else {
    const listen = opts.host ? { port: opts.port ?? 3000, host: opts.host } : (opts.port ?? 3000);
    server = (await app.start(listen)) as Server;
    port = (server.address() as AddressInfo).port;
    log.info({ mode: "http", port, team: identity.teamId }, "slack listening (HTTP mode)");
  }

  let stopped: Promise<void> | undefined;
  return {
    port,
    connection() {
      if (stopped) return "disconnected";
      if (server) return server.listening ? "connected" : "disconnected";
      return socketState;
    },
    stop() {
      stopped ??= (async () => {
        const closing = (async () => {
          // Bolt's SocketModeReceiver.stop() does not wait for the close handshake; wait for it
          // here, so the socket is closed cleanly before the process moves on.
          if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
          await app.stop();
        })();
        const done = await within(
          closing.then(
            () => true,
            (err: unknown) => {
              log.warn({ err }, "slack stop failed");
              return true;
            },
          ),
          STOP_TIMEOUT_MS,
        );
        if (!done) log.warn("slack did not stop in time; continuing shutdown");
        log.info("slack stopped");
      })();
      return stopped;
    },
  };
}
