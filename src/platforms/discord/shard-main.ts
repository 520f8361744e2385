/**
 * The program each shard process runs under `npm run start:sharded`. The
 * ShardingManager passes SHARDS and SHARD_COUNT in the environment, and
 * discord.js's Client reads them itself, so this is an ordinary bot start.
 */

import { config as loadDotenv } from "dotenv";
import { commands } from "../../../commands/index.ts";
import { loadConfig } from "../../config.ts";
import { createDispatcher } from "../../core/dispatch.ts";
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
  const bot = await startDiscord(config.discord, createDispatcher({ commands, logger }), logger);
  const shutdown = () => void bot.stop().finally(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (err) {
  logger.fatal(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
