/**
 * Conversation memory as commands see it: the previous turn of this
 * conversation with this user (a thread, a DM, a channel, a console session),
 * so that "why?" or "and then?" can lean on it. Where it is kept (memory or
 * Redis, with a time to live) is the ops layer's business (ops/conversation.ts).
 */
import type { Requester } from "./dispatch.ts";

export interface ConversationTurn {
  /** The question as the engine understood it (a follow-up joined to its context). */
  question: string;
  facts: string[];
}

export interface ConversationHandle {
  recall(): Promise<ConversationTurn | undefined>;
  remember(turn: ConversationTurn): Promise<void>;
}

export interface ConversationMemory {
  /** The handle for this requester's conversation; keyed per conversation and user, never shared. */
  handleFor(who: Requester): ConversationHandle;
}
