/** What every listener needs, built once in startSlack. */
import type { Dispatcher } from "../../../core/dispatch.ts";
import type { Logger } from "../../../core/logger.ts";
import { keptRendering, type Reply } from "../../../core/reply.ts";
import type { PictureRenderer } from "../../../pictures/index.ts";
import { renderReply } from "../render.ts";

export interface ListenerDeps {
  dispatcher: Dispatcher;
  logger: Logger;
  /**
   * How long a slash command may take to answer inside the ack body before we
   * ack empty and answer on response_url instead (Slack allows 3 s in all).
   */
  ackBudgetMs: number;
  /** Whether public replies get their picture uploaded (the token has files:write). */
  uploadPictures: boolean;
  /** Renders a reply's picture; the default draws it from the facts. */
  pictures?: PictureRenderer;
}

function payload(reply: Reply, replaceOriginal?: boolean) {
  return {
    response_type: reply.ephemeral ? ("ephemeral" as const) : ("in_channel" as const),
    ...(replaceOriginal === undefined ? {} : { replace_original: replaceOriginal }),
    ...renderReply(reply),
  };
}

type Payload = ReturnType<typeof payload>;
const asSlashReply = new WeakMap<Reply, Payload>();

/**
 * A slash-command or response_url payload for a reply; for a kept reply, the payload kept
 * with it (rendered once, and serialized once by the HTTP route).
 */
export function responsePayload(reply: Reply, replaceOriginal?: boolean): Payload {
  if (replaceOriginal !== undefined) return payload(reply, replaceOriginal);
  return keptRendering(asSlashReply, reply, payload);
}
