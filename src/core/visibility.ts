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

/** Sets `reply.ephemeral` for the visibility the request asked for. */
export function settleVisibility(reply: Reply, requested: Visibility): Reply {
  reply.ephemeral = requested === "private" || isProblem(reply);
  return reply;
}
