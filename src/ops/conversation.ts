/**
 * Conversation memory over the shared state: one key per conversation and
 * user (hashed ids only), expiring after a quiet spell, so a follow-up on any
 * instance finds the turn before it and a user never sees another's context.
 * A store that fails or is slow costs the follow-up its context, never the answer.
 */
import type { ConversationMemory, ConversationTurn } from "../core/conversation.ts";
import { hashChannelId, hashUserId } from "../core/hash-id.ts";
import { type Logger, silentLogger } from "../core/logger.ts";
import type { SharedState } from "./state/index.ts";

export interface ConversationOptions {
  /** How long a conversation is remembered after its last turn. */
  ttlMs: number;
  logger?: Logger;
}

export function createConversationMemory(
  state: SharedState,
  opts: ConversationOptions,
): ConversationMemory {
  const logger = opts.logger ?? silentLogger;
  let warned = false;
  const warnOnce = (err: unknown) => {
    if (warned) return;
    warned = true;
    logger.warn(
      { errMessage: (err as Error).message },
      "conversation memory unavailable; answering without context",
    );
  };
  return {
    handleFor(who) {
      const place = who.conversationId ?? who.channelId ?? "direct";
      const key = `conv:${who.platform}:${hashChannelId(who.platform, place)}:${hashUserId(who.platform, who.userId)}`;
      return {
        async recall() {
          try {
            const raw = await state.get(key);
            return raw ? (JSON.parse(raw) as ConversationTurn) : undefined;
          } catch (err) {
            warnOnce(err);
            return undefined;
          }
        },
        async remember(turn) {
          try {
            await state.set(
              key,
              JSON.stringify({
                question: turn.question.slice(0, 600),
                facts: turn.facts.slice(0, 3),
              }),
              opts.ttlMs,
            );
          } catch (err) {
            warnOnce(err);
          }
        },
      };
    },
  };
}
