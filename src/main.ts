/**
 * Start-up: read the configuration, build the dispatcher over the command
 * registry, and start every platform the configuration enables. With no
 * platform configured, open the local console chat instead.
 */
import { join } from "node:path";
import { config as loadDotenv } from "dotenv";
import { buildDispatcher } from "./bootstrap.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./core/logger.ts";
import { type ConnectionProbe, startHealthServer } from "./ops/health.ts";
import { runConsoleChat } from "./platforms/console/chat.ts";
import { createConsoleLogger } from "./platforms/console/log-file.ts";

/** How long in-flight work may take to drain after SIGINT/SIGTERM. */
const SHUTDOWN_GRACE_MS = 5000;

interface Running {
  name: string;
  stop(): Promise<void>;
}

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

  const running: Running[] = [];
  // Gateway-mode health (HEALTH_PORT): every enabled platform reports "connecting" until it
  // has started, so a probe during start-up is not told everything is fine.
  const probes: Record<string, ConnectionProbe> = {};
  if (config.discord && config.discord.shards === undefined) probes.discord = () => "connecting";
  if (config.slack) probes.slack = () => "connecting";
  // Discord HTTP interactions are served next to /healthz on PORT (HEALTH_PORT if set), until
  // the one HTTP server per process serves /slack/events there as well.
  let discordHttp: import("./platforms/discord/http-interactions.ts").DiscordHttp | undefined;
  if (config.discordHttp) {
    if (config.slack?.mode === "http" && (config.healthPort ?? config.port) === config.port)
      throw new ConfigError(
        "Slack HTTP mode and Discord HTTP interactions both want PORT. Set HEALTH_PORT to another port for Discord's /discord/interactions (and /healthz).",
      );
    const { createDiscordHttp } = await import("./platforms/discord/http-interactions.ts");
    discordHttp = createDiscordHttp(config.discordHttp, dispatcher, logger);
  }
  const healthPort = config.healthPort ?? (discordHttp ? config.port : undefined);
  if (healthPort !== undefined) {
    const health = await startHealthServer(probes, {
      port: healthPort,
      routes: discordHttp ? [discordHttp.route] : [],
    });
    // First in the list, so it stops answering before the platforms go down.
    running.push({ name: "health", stop: () => health.close() });
    logger.info(
      { port: health.port, discordInteractions: discordHttp !== undefined },
      "health endpoint listening",
    );
  }
  if (discordHttp) {
    const pending = discordHttp;
    // After the listener closes: send the deferred answers already promised.
    running.push({
      name: "discord-http",
      stop: async () => void (await pending.stop(Date.now() + 4000)),
    });
  }
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.warn("shutdown took too long; exiting");
      process.exit(exitCode);
    }, SHUTDOWN_GRACE_MS + 1000);
    force.unref();
    await Promise.allSettled(running.map((r) => r.stop()));
    await app.close().catch((err: unknown) => logger.warn({ err }, "closing stores failed"));
    logger.info("stopped");
    process.exit(exitCode);
  };
  // A library promise that fails with nobody listening (e.g. a revoked token during a
  // reconnect) is logged with context and ends the process cleanly, for a supervisor to restart.
  process.on("unhandledRejection", (reason) => {
    logger.fatal({ err: reason }, "unhandled rejection; exiting");
    void shutdown("unhandledRejection", 1);
  });
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  if (config.discord?.shards !== undefined) {
    // Several shards: each runs in its own process under discord.js's ShardingManager.
    const { startSharded } = await import("./platforms/discord/sharded.ts");
    const sharded = await startSharded(config.discord, logger);
    running.push({ name: "discord", stop: () => sharded.stop() });
    logger.info("Discord shards started");
  } else if (config.discord) {
    const { startDiscord } = await import("./platforms/discord/index.ts");
    const bot = await startDiscord(config.discord, dispatcher, logger);
    running.push({ name: "discord", stop: () => bot.stop() });
    probes.discord = () => bot.connection();
    logger.info("Discord bot connected");
  }
  if (config.slack) {
    const { startSlack } = await import("./platforms/slack/index.ts");
    const slack = await startSlack(config.slack, dispatcher, logger, { port: config.port });
    running.push({ name: "slack", stop: () => slack.stop() });
    probes.slack = () => slack.connection();
    logger.info(
      { mode: config.slack.mode, ...(slack.port !== undefined ? { port: slack.port } : {}) },
      "Slack app running",
    );
  }
}

main().catch((err: unknown) => {
  // Start-up errors name their fix and never carry a token (see config.ts and the adapters).
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`Incident Desk could not start: ${message}\n`);
  process.exit(1);
});
