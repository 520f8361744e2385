/**
 * Starts the Discord bot: logs in, wires events to the dispatcher, resolves
 * once the client is ready. Start-up failures are rethrown as errors that
 * name the fix (bad token, disallowed intents, missing access).
 */

import { type Client, Events, Status } from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import type { Dispatcher } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import type { ConnectionState } from "../../ops/health.ts";
import { InFlight } from "../../ops/lifecycle/in-flight.ts";
import type { PictureRenderer } from "../../pictures/index.ts";
import { createDiscordClient } from "./client.ts";
import { handleInteraction, type ReplyOptions } from "./interactions.ts";
import { handleMessage } from "./messages.ts";
import { describeRestError, explainDiscordError, explainStartError } from "./rest-errors.ts";

/** How long stop() waits for in-flight work when no deadline is given. */
const DRAIN_MS = 4000;

export interface DiscordBot {
  /**
   * Answers what has arrived (interactions, messages, their REST replies) until `deadline`
   * (epoch ms; default 4 s from now), then closes the gateway; returns how many were cut.
   */
  stop(deadline?: number): Promise<number>;
  /** Interactions and messages not answered yet. */
  pending(): number;
  /** The live client, for diagnostics and tests. */
  readonly client: Client;
  /** Gateway state for the health endpoint: connected only when every shard is ready. */
  connection(): ConnectionState;
}

export interface DiscordOptions {
  /** Defer an interaction when its answer takes longer than this (default 1500 ms). */
  deferAfterMs?: number;
  /** How long one REST request may take before discord.js aborts (and retries) it; default 15 s. */
  restTimeoutMs?: number;
  /** Renders a reply's picture; the default draws it from the facts (tests pass a failing one). */
  pictures?: PictureRenderer;
}

/** Requests to the dispatcher, and the client's own troubles to the log. */
function wireEvents(
  client: Client,
  dispatcher: Dispatcher,
  log: Logger,
  inFlight: InFlight,
  replyOptions: ReplyOptions,
): void {
  client.on(Events.InteractionCreate, (interaction) =>
    inFlight.track(handleInteraction(interaction, dispatcher, log, replyOptions)),
  );
  client.on(Events.MessageCreate, (message) =>
    inFlight.track(handleMessage(message, client, dispatcher, log)),
  );
  // Without an "error" listener an EventEmitter error would crash the process.
  client.on(Events.Error, (err) =>
    log.error({ err: describeRestError(err) }, "discord client error"),
  );
  client.on(Events.ShardError, (err, shardId) =>
    log.warn({ shardId, error: err.message }, "gateway connection error"),
  );
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shardId, replayed) =>
    log.info({ shardId, replayed }, "gateway resumed"),
  );
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const fix = explainDiscordError({ code: event.code });
    log.error({ shardId, code: event.code, fix: fix?.message }, "gateway disconnected for good");
  });
}

/** Logs in and waits for READY; a failure is rethrown as one line that names the fix. */
async function logIn(client: Client, config: DiscordConfig): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.token);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => undefined);
    throw explainStartError(err, config.apiUrl);
  }
}

/** Connected only when every shard is ready; Disconnected is discord.js's "will not reconnect". */
function gatewayState(client: Client): ConnectionState {
  const shards = [...client.ws.shards.values()];
  if (shards.length > 0 && shards.every((s) => s.status === Status.Ready)) return "connected";
  if (shards.some((s) => s.status === Status.Disconnected)) return "disconnected";
  return "connecting";
}

export async function startDiscord(
  config: DiscordConfig,
  dispatcher: Dispatcher,
  logger: Logger,
  options: DiscordOptions = {},
): Promise<DiscordBot> {
  const client = createDiscordClient(config, { restTimeoutMs: options.restTimeoutMs });
  const log = logger.child({ platform: "discord" });
  // Work in progress, so stop() can let it finish (SIGTERM drain) before the client goes.
  const inFlight = new InFlight();
  wireEvents(client, dispatcher, log, inFlight, {
    deferAfterMs: options.deferAfterMs,
    pictures: options.pictures,
  });
  await logIn(client, config);
  log.info(
    { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size },
    "discord bot ready",
  );

  let stopped = false;
  return {
    client,
    connection: () => (stopped ? "disconnected" : gatewayState(client)),
    pending: () => inFlight.size,
    async stop(deadline = Date.now() + DRAIN_MS) {
      if (stopped) return 0;
      stopped = true;
      // Answer what has arrived (bounded), then close: destroy() also drops the REST token.
      const cut = await inFlight.settle(deadline);
      if (cut > 0) log.warn({ cut }, "stopped with work in flight");
      await client.destroy();
      return cut;
    },
  };
}
