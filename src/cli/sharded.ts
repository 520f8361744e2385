/** `sharded` (npm run start:sharded): Discord with one process per shard. */
import { EXIT, type Io, parseCommandLine, stdio } from "./args.ts";

const USAGE = `Usage: npm run start:sharded

  Starts Discord under discord.js's ShardingManager, one process per shard. DISCORD_SHARDS
  (in .env) is the shard count, or "auto" (the default here) for Discord's recommendation.
  Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID. Ctrl+C or SIGTERM stops every shard.`;

export async function runShardedCli(argv: string[], io: Io = stdio): Promise<number> {
  const args = parseCommandLine(argv, { usage: USAGE, options: {} }, io);
  if (typeof args === "number") return args;
  const { runSharded } = await import("../platforms/discord/sharded.ts");
  await runSharded();
  return EXIT.ok;
}
