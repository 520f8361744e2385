/**
 * The program each shard process runs under `npm run start:sharded`. The
 * ShardingManager passes SHARDS and SHARD_COUNT in the environment, and
 * discord.js's Client reads them itself, so this is an ordinary bot start.
 */

import { config as loadDotenv } from "dotenv";
import { buildDispatcher } from "../../bootstrap.ts";
import { loadConfig } from "../../config.ts";
import { createLogger } from "../../core/logger.ts";
import { startDiscord } from "./index.ts";

loadDotenv({ quiet: true });
const config = loadConfig(process.env);
const logger = createLogger(config.logLevel).child({ shards: process.env.SHARDS });
if (!config.discord) {
  logger.fatal("DISCORD_TOKEN and DISCORD_APPLICATION_ID are required for a shard");
  process.exit(1);
}
try {
  const app = await buildDispatcher(config, logger);
  const bot = await startDiscord(config.discord, app.dispatcher, logger);
  const shutdown = () =>
    void bot
      .stop()
      .then(() => app.close())
      .finally(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (err) {
  logger.fatal(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
