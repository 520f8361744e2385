/**
 * Mentions in channels and direct messages, answered in the thread. The text
 * is routed by dispatch's one rule (dispatcher.handleText); a private reply
 * (such as "slow down") goes to the asker alone as an ephemeral message.
 */
import type { App } from "@slack/bolt";
import type { Requester } from "../../../core/dispatch.ts";
import { postPicture } from "../picture.ts";
import { renderReply } from "../render.ts";
import type { ListenerDeps } from "./shared.ts";

/** Drops user mentions (the bot's own first of all) and squeezes the spaces. */
export function stripMentions(text: string, botUserId: string): string {
  return text
    .replaceAll(`<@${botUserId}>`, " ")
    .replace(/^\s*(<@[\w|.-]+>\s*)+/, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.!?;:])/g, "$1")
    .trim();
}

interface ThreadRequest {
  channel: string;
  threadTs: string;
  text: string;
  userId: string;
}

export function listenForMessages(app: App, deps: ListenerDeps & { botUserId: string }): void {
  const { dispatcher, logger, botUserId } = deps;

  async function answerInThread(req: ThreadRequest, client: App["client"]): Promise<void> {
    const who: Requester = {
      platform: "slack",
      userId: req.userId,
      channelId: req.channel,
      // Each thread is its own conversation, so a follow-up leans on its own thread only.
      conversationId: `${req.channel}:${req.threadTs}`,
    };
    const reply = await dispatcher.handleText(stripMentions(req.text, botUserId), who);
    const where = { channel: req.channel, thread_ts: req.threadTs, ...renderReply(reply) };
    if (reply.ephemeral) {
      await client.chat.postEphemeral({ ...where, user: req.userId });
      return;
    }
    await client.chat.postMessage({ ...where, unfurl_links: false, unfurl_media: false });
    await postPicture(client, reply, { channel: req.channel, threadTs: req.threadTs }, deps);
  }

  // One Bolt listener for both event types: Bolt runs every listener's filters on every
  // request (slash commands included), so each listener more costs every request.
  app.event(/^(app_mention|message)$/, async ({ event, client }) => {
    if (event.type === "app_mention") {
      if (event.bot_id || event.subtype || !event.user) return;
    } else if (
      // Only plain messages people send the bot directly: no edits, joins or bots.
      event.type !== "message" ||
      event.channel_type !== "im" ||
      event.subtype !== undefined ||
      ("bot_id" in event && event.bot_id) ||
      !event.user ||
      event.user === botUserId
    )
      return;
    const mention = event.type === "app_mention";
    try {
      await answerInThread(
        {
          channel: event.channel,
          threadTs: event.thread_ts ?? event.ts,
          text: event.text ?? "",
          userId: event.user,
        },
        client,
      );
    } catch (err) {
      logger.error(
        { err, event: mention ? "app_mention" : "message.im" },
        mention ? "slack mention reply failed" : "slack DM reply failed",
      );
    }
  });
}
