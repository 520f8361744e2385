/**
 * The program each shard process runs under `npm run start:sharded`. The
 * ShardingManager passes SHARDS and SHARD_COUNT in the environment, and
 * discord.js's Client reads them itself, so this is an ordinary bot start.
 */

import { config as loadDotenv } from "dotenv";
import { buildDispatcher } from "../../bootstrap.ts";
import { loadConfig } from "../../config.ts";
import { createLogger } from "../../core/logger.ts";
import { createLifecycle } from "../../ops/lifecycle/index.ts";
import { startDiscord } from "./index.ts";

loadDotenv({ quiet: true });
const config = loadConfig(process.env);
const logger = createLogger(config.logLevel).child({ shards: process.env.SHARDS });
if (!config.discord) {
  logger.fatal("DISCORD_TOKEN and DISCORD_APPLICATION_ID are required for a shard");
  process.exit(1);
}
// The manager's own deadline is the same; a shard finishing a little earlier leaves it the margin.
const lifecycle = createLifecycle({ logger, graceMs: config.shutdownGraceMs - 500 });
lifecycle.listen();
try {
  const app = await buildDispatcher(config, logger);
  const bot = await startDiscord(config.discord, app.dispatcher, logger);
  lifecycle.add({ name: "discord", stop: (d) => bot.stop(d), pending: () => bot.pending() });
  lifecycle.add({ name: "stores", stop: () => app.close().then(() => 0) });
} catch (err) {
  logger.fatal(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
