/**
 * Conversation memory through dispatch: a follow-up leans on the previous turn
 * of the same conversation and user, never on another user's or channel's, and
 * not after the turn has expired.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type Requester } from "../../src/core/dispatch.ts";
import { createConversationMemory } from "../../src/ops/conversation.ts";
import { createMemoryState } from "../../src/ops/state/index.ts";

function setup(now = () => Date.now()) {
  const state = createMemoryState({ now });
  return createDispatcher({
    commands,
    conversations: createConversationMemory(state, { ttlMs: 15 * 60_000 }),
  });
}

const alice: Requester = { platform: "slack", userId: "U-ALICE", channelId: "C1" };
const text = (reply: { paragraphs: string[] }) => reply.paragraphs.join(" ");

describe("conversation memory", () => {
  test("a follow-up uses the previous turn of the same conversation and user", async () => {
    const dispatcher = setup();
    const bare = await dispatcher.dispatch("ask", { question: "when was that?" }, alice);
    assert.equal(bare.meta?.answered, false, "with nothing before it, 'when was that?' is unclear");
    await dispatcher.dispatch("ask", { question: "why was ByteDance suspended?" }, alice);
    const followUp = await dispatcher.dispatch("ask", { question: "when was that?" }, alice);
    assert.equal(followUp.meta?.answered, true);
    assert.match(text(followUp), /December 15, 2023/);
  });

  test('a question with no word of its own ("to who?") gets the turn before it too', async () => {
    const dispatcher = setup();
    await dispatcher.dispatch("ask", { question: "what did bytedance say?" }, alice);
    const followUp = await dispatcher.dispatch("ask", { question: "to who?" }, alice);
    assert.equal(followUp.meta?.answered, true);
    assert.match(text(followUp), /CNN|Verge/);
    // Something that asks nothing is not answered with the last answer again.
    const lol = await dispatcher.dispatch("ask", { question: "lol" }, alice);
    assert.notEqual(text(lol), text(followUp));
    assert.equal(lol.meta?.answered, false);
  });

  test("never crosses users, channels or threads", async () => {
    const dispatcher = setup();
    await dispatcher.dispatch("ask", { question: "why was ByteDance suspended?" }, alice);
    const others: Requester[] = [
      { ...alice, userId: "U-BOB" },
      { ...alice, channelId: "C2" },
      { ...alice, conversationId: "C1:1700000000.000100" },
    ];
    for (const who of others) {
      const reply = await dispatcher.dispatch("ask", { question: "when was that?" }, who);
      assert.equal(reply.meta?.answered, false, JSON.stringify(who));
    }
  });

  test("forgets a conversation after its time to live", async () => {
    let t = 0;
    const dispatcher = setup(() => t);
    await dispatcher.dispatch("ask", { question: "why was ByteDance suspended?" }, alice);
    t = 15 * 60_000;
    const late = await dispatcher.dispatch("ask", { question: "when was that?" }, alice);
    assert.equal(late.meta?.answered, false);
  });
});
