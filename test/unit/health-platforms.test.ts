/**
 * The health endpoint over the real adapters against the loopback stand-ins:
 * healthy once connected, 503 while a gateway or socket is down, healthy
 * again after the reconnect, and down once stopped.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { type HttpServer, startHttpServer } from "../../src/platforms/http/server.ts";
import { type RunningSlack, startSlack } from "../../src/platforms/slack/index.ts";
import { type Harness, startHarness } from "../fakes/discord/harness.ts";
import { type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";

interface Probe {
  status: number;
  body: { ok: boolean; platforms: Record<string, string> };
}

async function probe(server: HttpServer): Promise<Probe> {
  const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
  return { status: res.status, body: (await res.json()) as Probe["body"] };
}

/** Polls the endpoint until it reports `status`; bounded. */
async function probeUntil(server: HttpServer, status: number, what: string): Promise<Probe> {
  const deadline = Date.now() + 10_000;
  let last = await probe(server);
  while (last.status !== status) {
    if (Date.now() > deadline) assert.fail(`health never reported ${status} (${what})`);
    await new Promise((r) => setTimeout(r, 10));
    last = await probe(server);
  }
  return last;
}

describe("health over Discord and Slack Socket Mode", () => {
  let discord: Harness;
  let slackStandIn: SlackStandIn;
  let slack: RunningSlack;
  let health: HttpServer;

  before(async () => {
    discord = await startHarness();
    slackStandIn = await startSlackStandIn();
    slack = await startSlack(
      {
        botToken: "xoxb-health-token",
        mode: "socket",
        appToken: "xapp-health-token",
        apiUrl: slackStandIn.apiUrl,
      },
      createDispatcher({ commands }),
      silentLogger,
      { socket: { clientPingTimeoutMs: 300 } },
    );
    health = await startHttpServer({
      probes: { discord: () => discord.bot.connection(), slack: () => slack.connection() },
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
    });
  });
  after(async () => {
    await health?.drain(Date.now() + 1000);
    await slack?.stop();
    await slackStandIn?.close();
    await discord?.close();
  });

  test("healthy after both connect", async () => {
    assert.deepEqual(await probe(health), {
      status: 200,
      body: { ok: true, platforms: { discord: "connected", slack: "connected" } },
    });
  });

  test("503 while the Discord gateway is down, 200 after it comes back", async () => {
    const resumes = () => discord.fake.gatewayLog.filter((g) => g.op === 6).length;
    const before = resumes();
    // Resumable (a re-IDENTIFY would wait out discord.js's 5 s identify throttle); RESUMED held.
    discord.fake.holdReady();
    discord.fake.closeGateway(4000);
    await discord.fake.waitFor(() => resumes() > before, 10_000, "a RESUME");
    const down = await probe(health);
    assert.equal(down.status, 503);
    assert.equal(down.body.ok, false);
    assert.equal(down.body.platforms.discord, "connecting");
    assert.equal(down.body.platforms.slack, "connected");
    discord.fake.releaseReady();
    const up = await probeUntil(health, 200, "discord back");
    assert.equal(up.body.platforms.discord, "connected");
  });

  test("503 while the Slack socket is down, 200 after it reconnects", async () => {
    const connections = slackStandIn.connections;
    slackStandIn.dropSocket();
    const down = await probeUntil(health, 503, "slack socket down");
    assert.equal(down.body.platforms.slack, "connecting");
    await slackStandIn.waitForConnection(connections + 1, 10_000);
    const up = await probeUntil(health, 200, "slack back");
    assert.equal(up.body.platforms.slack, "connected");
  });

  test("a stopped platform reports disconnected", async () => {
    const extra = await startHarness();
    assert.equal(extra.bot.connection(), "connected");
    await extra.close();
    assert.equal(extra.bot.connection(), "disconnected");
  });
});

describe("health over Slack HTTP mode", () => {
  test("connected while the server listens, disconnected once stopped", async () => {
    const standIn = await startSlackStandIn();
    try {
      const app = await startSlack(
        { botToken: "xoxb-health-token", mode: "http", signingSecret: "s", apiUrl: standIn.apiUrl },
        createDispatcher({ commands }),
        silentLogger,
        { port: 0, host: "127.0.0.1" },
      );
      assert.equal(app.connection(), "connected");
      await app.stop();
      assert.equal(app.connection(), "disconnected");
    } finally {
      await standIn.close();
    }
  });
});
