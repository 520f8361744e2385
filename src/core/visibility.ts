/**
 * Who sees a reply, decided once in dispatch from what the request asked
 * for; the adapters only render it.
 */
import type { Reply, ReplyKind } from "./reply.ts";

/** What a request asks for: the asker alone, or everyone where it was asked. */
export type Visibility = "private" | "public";

/**
 * Replies about a problem with the request go to the asker alone, whatever
 * was asked: a "slow down" or an error is nobody else's business, and
 * sharing one into a channel helps no one.
 */
export const PROBLEM_KINDS: ReadonlySet<ReplyKind> = new Set(["invalid", "error", "rate-limited"]);

export function isProblem(reply: Reply): boolean {
  return PROBLEM_KINDS.has(reply.kind);
}

/** A kept (frozen) reply's copy with the other visibility, made once. */
const twins = new WeakMap<Reply, Reply>();

/**
 * The reply with `ephemeral` set for the visibility the request asked for: the reply itself
 * when it already says so, else a copy. A kept reply is shared by every request and frozen:
 * its copy is kept (and frozen) with it, so it is rendered once too.
 */
export function settleVisibility(reply: Reply, requested: Visibility): Reply {
  const ephemeral = requested === "private" || isProblem(reply);
  if (reply.ephemeral === ephemeral) return reply;
  if (!Object.isFrozen(reply)) return { ...reply, ephemeral };
  let twin = twins.get(reply);
  if (!twin) {
    twin = Object.freeze({ ...reply, ephemeral });
    twins.set(reply, twin);
  }
  return twin;
}
