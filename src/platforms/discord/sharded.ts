/**
 * `npm run start:sharded`: one process per shard, managed by discord.js's
 * ShardingManager, for bots in more guilds than one connection should carry
 * (Discord requires sharding from 2,500 guilds). DISCORD_SHARDS is "auto"
 * (Discord's recommendation, asked through DISCORD_API_URL when set) or a count.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { REST, Routes, ShardingManager, type ShardingManagerOptions } from "discord.js";
import { config as loadDotenv } from "dotenv";
import { type DiscordConfig, loadConfig } from "../../config.ts";
import { createLogger, type Logger } from "../../core/logger.ts";
import { execArgvFor, siblingModule } from "../../core/module-file.ts";
import { within } from "../../core/within.ts";
import { createLifecycle } from "../../ops/lifecycle/index.ts";
import { explainStartError } from "./rest-errors.ts";

export const SHARD_ENTRY = siblingModule(import.meta.url, "shard-main");

/** Discord's recommended shard count for "auto"; the configured number otherwise; 1 when unset. */
export async function resolveShardCount(config: DiscordConfig): Promise<number> {
  if (typeof config.shards === "number") return config.shards;
  if (config.shards !== "auto") return 1;
  // discord.js's own "auto" always asks discord.com; this honours DISCORD_API_URL.
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const info = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, info.shards);
}

export function shardingOptions(
  config: DiscordConfig,
  totalShards: number,
  file = SHARD_ENTRY,
): ShardingManagerOptions {
  return {
    totalShards,
    token: config.token,
    mode: "process",
    respawn: true,
    // Shards run the TypeScript entry under tsx, as `npm start` does, or the built one as is.
    execArgv: execArgvFor(file),
  };
}

export function createShardingManager(
  config: DiscordConfig,
  totalShards: number,
  file = SHARD_ENTRY,
): ShardingManager {
  return new ShardingManager(file, shardingOptions(config, totalShards, file));
}

export async function startSharded(
  config: DiscordConfig,
  logger: Logger,
): Promise<{ stop(deadline: number): Promise<number> }> {
  const total = await resolveShardCount(config).catch((err) => {
    throw explainStartError(err, config.apiUrl);
  });
  const manager = createShardingManager(config, total);
  manager.on("shardCreate", (shard) => {
    logger.info({ shard: shard.id, total }, "shard launched");
    shard.on("death", () => logger.warn({ shard: shard.id }, "shard process exited"));
  });
  await manager.spawn({ amount: total });
  return {
    // Each shard drains itself on SIGTERM (shard-main.ts); a shard that exits non-zero or not by
    // the deadline counts as cut.
    async stop(deadline) {
      const exits = [...manager.shards.values()].map(async (shard) => {
        const child = shard.process as ChildProcess | null;
        if (!child || child.exitCode !== null) return 0;
        const exited = once(child, "exit") as Promise<[number | null]>;
        shard.kill();
        const result = await within(exited, deadline - Date.now());
        if (result) return result[0] === 0 ? 0 : 1;
        child.kill("SIGKILL");
        return 1;
      });
      return (await Promise.all(exits)).reduce((a: number, b) => a + b, 0);
    },
  };
}

/** `npm run start:sharded` (cli.ts sharded): the manager process. */
export async function runSharded(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  if (!config.discord) {
    logger.fatal("DISCORD_TOKEN and DISCORD_APPLICATION_ID are required for start:sharded");
    process.exit(1);
  }
  const lifecycle = createLifecycle({ logger, graceMs: config.shutdownGraceMs });
  lifecycle.listen();
  const sharded = await startSharded(
    { ...config.discord, shards: config.discord.shards ?? "auto" },
    logger,
  );
  lifecycle.add({ name: "shards", stop: (d) => sharded.stop(d) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSharded().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
