/**
 * The structured reply every command returns. It is data, not markup: each
 * platform renderer escapes the text for its own format, so nothing a user
 * typed can turn into a mention, a link or formatting.
 */

import type { ExpandedCitation } from "../facts/citation.ts";

/** One cited source, as shown under an answer: the fact module's expanded citation. */
export type Citation = ExpandedCitation;

/** A quotation shown in the reply body, with who said or wrote it. */
export interface Quote {
  text: string;
  attribution: string;
}

/** A follow-up question offered as a button. */
export interface FollowUp {
  /** The question as shown on the button (at most 80 characters). */
  question: string;
  /** Replay key that produces the answer when clicked (dispatcher.replay). */
  replay: string;
}

export type ReplyKind =
  | "answer"
  | "abstain"
  | "topic"
  | "help"
  | "sources"
  | "invalid"
  | "rate-limited"
  | "error";

/** The pictures drawn from the facts that a platform may show with a reply (see src/pictures/). */
export const PICTURE_NAMES = ["timeline", "versions"] as const;
export type PictureName = (typeof PICTURE_NAMES)[number];

export interface Reply {
  kind: ReplyKind;
  /** A short heading; user text never goes here unescaped by a renderer. */
  title: string;
  paragraphs: string[];
  bullets: string[];
  quotes: Quote[];
  citations: Citation[];
  followUps: FollowUp[];
  /** A closing remark such as "Not legal advice". */
  note?: string;
  /**
   * Private to the asker (Discord ephemeral, Slack ephemeral). Set by dispatch
   * from what the request asked for (core/visibility.ts), never by a command
   * or an adapter.
   */
  ephemeral: boolean;
  /**
   * A compact key that reproduces this reply (dispatcher.replay), used by the
   * "Sources" and "Share in channel" buttons so they work after a restart.
   */
  replay?: string;
  /** What the answer rested on, for logs and the unanswered-question record. */
  meta?: ReplyMeta;
  /**
   * A picture of the same content. The text above stays complete on its own
   * (screen readers, notifications, platforms that cannot show the picture).
   */
  picture?: PictureName;
}

export interface ReplyMeta {
  answered: boolean;
  confidence: number;
  facts: string[];
  /** Near misses when the bot abstained: fact ids with their scores. */
  nearMisses?: { id: string; score: number }[];
}

/** Builds a Reply with empty lists and private visibility by default. */
export function makeReply(fields: Partial<Reply> & Pick<Reply, "kind" | "title">): Reply {
  return {
    paragraphs: [],
    bullets: [],
    quotes: [],
    citations: [],
    followUps: [],
    ephemeral: true,
    ...fields,
  };
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  // Bytes (a picture) cannot be frozen; nothing here writes to them.
  if (ArrayBuffer.isView(value)) return value;
  for (const field of Object.values(value)) deepFreeze(field);
  return Object.freeze(value);
}

/**
 * A reply that depends only on what was asked, built once and then served to everyone who
 * asks the same: frozen all the way down, so no request can change what another one sees
 * (dispatch copies it to set who sees it; renderers keep what they make of it, see
 * keptRendering).
 */
export function keepReply(reply: Reply): Reply {
  return deepFreeze(reply);
}

/**
 * What a renderer made of a kept (frozen) reply, remembered with the reply itself: the
 * same reply is rendered once per way of rendering it. A reply that is not kept is
 * rendered every time.
 */
export function keptRendering<R>(
  cache: WeakMap<Reply, R>,
  reply: Reply,
  render: (reply: Reply) => R,
): R {
  if (!Object.isFrozen(reply)) return render(reply);
  let rendered = cache.get(reply);
  if (rendered === undefined) {
    rendered = deepFreeze(render(reply));
    cache.set(reply, rendered);
  }
  return rendered;
}
