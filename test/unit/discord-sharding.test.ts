/** start:sharded builds discord.js's ShardingManager with the configured shard count. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import {
  createShardingManager,
  resolveShardCount,
  SHARD_ENTRY,
} from "../../src/platforms/discord/sharded.ts";
import { startFakeDiscord } from "../fakes/discord/fake-discord.ts";

const base = { token: "t0k3n", applicationId: "1" };

test("the manager runs the shard entry as processes, with tsx, respawning", () => {
  const manager = createShardingManager(base, 4);
  assert.equal(manager.file, SHARD_ENTRY);
  assert.ok(existsSync(SHARD_ENTRY));
  assert.equal(manager.totalShards, 4);
  assert.equal(manager.respawn, true);
  assert.equal(manager.token, "t0k3n");
  // mode and execArgv are set on the manager but absent from its typings.
  const untyped = manager as unknown as { mode: string; execArgv: string[] };
  assert.equal(untyped.mode, "process");
  assert.deepEqual(untyped.execArgv, ["--import", "tsx"]);
});

test("DISCORD_SHARDS=N is used as is; unset means one shard", async () => {
  assert.equal(await resolveShardCount({ ...base, shards: 3 }), 3);
  assert.equal(await resolveShardCount(base), 1);
});

test("DISCORD_SHARDS=auto asks /gateway/bot at DISCORD_API_URL", async () => {
  const fake = await startFakeDiscord({ recommendedShards: 2 });
  try {
    assert.equal(
      await resolveShardCount({
        token: fake.token,
        applicationId: "1",
        apiUrl: fake.apiUrl,
        shards: "auto",
      }),
      2,
    );
    assert.ok(fake.requests.some((r) => r.path === "/gateway/bot"));
  } finally {
    await fake.close();
  }
});
