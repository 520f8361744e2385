/**
 * Two bot processes (src/main.ts, as `npm start` runs it), each on its own
 * port, sharing one real redis-server, as two instances behind a load
 * balancer: what one instance remembers, the other knows.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { SignedPoster } from "../fakes/slack/http-client.ts";
import { slashCommandBody } from "../fakes/slack/payloads.ts";
import { type SlackStandIn, startSlackStandIn } from "../fakes/slack/stand-in.ts";
import { waitFor } from "../fakes/slack/wait-for.ts";
import { type ChildServer, MAIN, startChildServer } from "../support/child-server.ts";
import { startTestRedis, type TestRedis } from "../support/redis-server.ts";

const SECRET = "two-instances-signing-secret";

let redis: TestRedis;
let slack: SlackStandIn;
let first: ChildServer;
let second: ChildServer;
let responses = 0;

/** The answer's text, from the ack body or, if it missed the ack budget, from response_url. */
async function ask(instance: ChildServer, userId: string, question: string): Promise<string> {
  const id = `two-${responses++}`;
  const body = slashCommandBody({
    command: "/ask",
    text: question,
    responseUrl: slack.responseUrl(id),
    userId,
  });
  const res = await new SignedPoster(instance.url, SECRET).form(body);
  assert.equal(res.status, 200);
  if (res.raw) return res.raw;
  const late = await waitFor(() => slack.responsesTo(id)[0], 10_000, `response_url ${id}`);
  return JSON.stringify(late.body);
}

before(async () => {
  redis = await startTestRedis();
  slack = await startSlackStandIn();
  const env = {
    SLACK_BOT_TOKEN: "xoxb-two-instances",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redis.url,
    RATE_LIMIT_USER: "2/60",
    // Instances behind one balancer share the salt (docs/operations.md), so ids hash alike.
    LOG_SALT: "two-instances-salt",
    LOG_LEVEL: "info",
  };
  [first, second] = await Promise.all([startChildServer(MAIN, env), startChildServer(MAIN, env)]);
});

after(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await slack?.close();
  await redis?.stop();
});

describe("two instances on one Redis", () => {
  test("both keep their state in Redis", () => {
    for (const instance of [first, second])
      assert.ok(
        instance.logLines().some((l) => l.msg === "shared state in Redis" && l.store === "redis"),
      );
  });

  test("a user's rate limit holds across both instances", async () => {
    const question = "why was ByteDance suspended?";
    assert.doesNotMatch(await ask(first, "U-LIMITED", question), /Slow down/);
    assert.doesNotMatch(await ask(second, "U-LIMITED", question), /Slow down/);
    // The third in the window is over the limit of 2, whichever instance takes it.
    assert.match(await ask(first, "U-LIMITED", question), /Slow down/);
    assert.match(await ask(second, "U-LIMITED", question), /Slow down/);
    // Someone else is still answered.
    assert.doesNotMatch(await ask(second, "U-OTHER", question), /Slow down/);
  });

  test("a signed request replayed to the other instance runs nothing", async () => {
    const body = slashCommandBody({
      command: "/ask",
      text: "what is project seed?",
      responseUrl: slack.responseUrl("two-replay"),
      userId: "U-REPLAY",
      channelId: "C-REPLAY",
    });
    // The same bytes and the same timestamp: the same signature, as a replay would carry.
    const timestamp = Math.floor(Date.now() / 1000);
    const once = await new SignedPoster(first.url, SECRET).form(body, { timestamp });
    assert.equal(once.status, 200);
    assert.match(once.raw, /Project Seed/);
    const again = await new SignedPoster(second.url, SECRET).form(body, { timestamp });
    assert.equal(again.status, 200);
    assert.equal(again.raw, "", "the other instance knows it was answered");
  });

  test("a follow-up on the other instance continues the conversation", async () => {
    const asked = (instance: ChildServer, question: string) => {
      const id = `two-${responses++}`;
      const body = slashCommandBody({
        command: "/ask",
        text: question,
        responseUrl: slack.responseUrl(id),
        userId: "U-FOLLOW",
        channelId: "C-FOLLOW",
      });
      return new SignedPoster(instance.url, SECRET).form(body);
    };
    const opening = await asked(first, "why was ByteDance suspended?");
    assert.match(opening.raw, /Verge/);
    // "when was that?" alone names nothing; with the turn remembered in Redis it is the suspension's date.
    const followUp = await asked(second, "when was that?");
    assert.match(followUp.raw, /December 15, 2023/);
  });
});
