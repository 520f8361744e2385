/**
 * Start-up: read the configuration, build the dispatcher over the command
 * registry, and start every platform the configuration enables behind one
 * HTTP server (webhooks and /healthz on PORT). With no platform configured,
 * open the local console chat instead. Stopping is the lifecycle's: see
 * src/ops/lifecycle.
 */
import { join } from "node:path";
import { config as loadDotenv } from "dotenv";
import { buildDispatcher } from "./bootstrap.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./core/logger.ts";
import type { ConnectionProbe } from "./ops/health.ts";
import { createLifecycle } from "./ops/lifecycle/index.ts";
import { runConsoleChat } from "./platforms/console/chat.ts";
import { createConsoleLogger } from "./platforms/console/log-file.ts";
import { startHttpServer } from "./platforms/http/server.ts";

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const consoleOnly = !config.discord && !config.discordHttp && !config.slack;
  const logger = consoleOnly ? createConsoleLogger(config) : createLogger(config.logLevel);
  const app = await buildDispatcher(config, logger);
  const { dispatcher } = app;

  if (consoleOnly) {
    await runConsoleChat(dispatcher, process.stdin, process.stdout, {
      dir: join(config.dataDir, "pictures"),
      logger,
    });
    await app.close();
    return;
  }

  const lifecycle = createLifecycle({ logger, graceMs: config.shutdownGraceMs });
  lifecycle.listen();
  // Every enabled platform reports "connecting" until it has started, so a probe during
  // start-up is not told everything is fine.
  const probes: Record<string, ConnectionProbe> = {};
  if (config.discord && config.discord.shards === undefined) probes.discord = () => "connecting";
  if (config.slack) probes.slack = () => "connecting";
  // Discord HTTP interactions: a route on the one server, next to /healthz and /slack/events,
  // in place before the server answers its first probe.
  const discordHttp = config.discordHttp
    ? (await import("./platforms/discord/http-interactions.ts")).createDiscordHttp(
        config.discordHttp,
        dispatcher,
        logger,
      )
    : undefined;
  const http = await startHttpServer({ port: config.port, probes, logger });
  if (discordHttp) http.add(discordHttp.route);
  // Steps stop in this order: intake first, then the platforms' queued replies, stores last.
  lifecycle.add({ name: "http", stop: (d) => http.drain(d), pending: () => http.pending() });
  if (discordHttp) {
    // After intake closes: send the deferred answers already promised.
    lifecycle.add({
      name: "discord-http",
      stop: (d) => discordHttp.stop(d),
      pending: () => discordHttp.pending(),
    });
    logger.info({ port: http.port }, "Discord HTTP interactions listening");
  }

  if (config.discord?.shards !== undefined) {
    // Several shards: each runs in its own process under discord.js's ShardingManager.
    const { startSharded } = await import("./platforms/discord/sharded.ts");
    const sharded = await startSharded(config.discord, logger);
    lifecycle.add({ name: "discord", stop: (d) => sharded.stop(d) });
    logger.info("Discord shards started");
  } else if (config.discord) {
    const { startDiscord } = await import("./platforms/discord/index.ts");
    const bot = await startDiscord(config.discord, dispatcher, logger);
    lifecycle.add({ name: "discord", stop: (d) => bot.stop(d), pending: () => bot.pending() });
    probes.discord = () => bot.connection();
    logger.info("Discord bot connected");
  }
  if (config.slack) {
    const { startSlack } = await import("./platforms/slack/index.ts");
    const slack = await startSlack(config.slack, dispatcher, logger, {
      server: http,
      state: app.state,
    });
    lifecycle.add({ name: "slack", stop: (d) => slack.stop(d), pending: () => slack.pending() });
    probes.slack = () => slack.connection();
    logger.info({ mode: config.slack.mode, port: http.port }, "Slack app running");
  }
  lifecycle.add({ name: "stores", stop: () => app.close().then(() => 0) });
}

main().catch((err: unknown) => {
  // Start-up errors name their fix and never carry a token (see config.ts and the adapters).
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`Incident Desk could not start: ${message}\n`);
  process.exit(1);
});
