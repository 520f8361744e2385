/**
 * `npm run start:sharded` for real: discord.js's ShardingManager spawns a
 * shard process (the TypeScript entry under tsx) that connects to the
 * loopback Discord and answers. DISCORD_SHARDS=auto asks the stand-in.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { silentLogger } from "../../src/core/logger.ts";
import { startSharded } from "../../src/platforms/discord/sharded.ts";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord.ts";

let fake: FakeDiscord;
let sharded: { stop(deadline: number): Promise<number> } | undefined;

before(async () => {
  fake = await startFakeDiscord({ recommendedShards: 1 });
  // Shard processes read their configuration from the environment they inherit.
  Object.assign(process.env, {
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.ids.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
  });
});

after(async () => {
  await sharded?.stop(Date.now() + 5000);
  await fake?.close();
});

test("a shard process started by the ShardingManager answers a slash command", async () => {
  sharded = await startSharded(
    {
      token: fake.token,
      applicationId: fake.ids.applicationId,
      apiUrl: fake.apiUrl,
      shards: "auto",
    },
    silentLogger,
  );
  const identify = fake.gatewayLog.find((g) => g.op === 2);
  assert.ok(identify, "the shard identified");
  const callback = await fake.callbackFor(fake.sendCommand("help"), 10_000);
  assert.equal(callback.type, 4);
});
