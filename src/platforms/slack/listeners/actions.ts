/**
 * Buttons. The value carries the whole state (encodeCustomId), so a click
 * works on any instance and after a restart: follow-ups and Sources answer
 * privately, "Share in channel" posts the answer for everyone.
 */
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { Requester } from "../../../core/dispatch.ts";
import { makeReply } from "../../../core/reply.ts";
import { postPicture } from "../picture.ts";
import { ACTION_ID_PREFIX, decodeButtonValue, renderReply } from "../render.ts";
import { type ListenerDeps, responsePayload } from "./shared.ts";

export function listenForActions(app: App, deps: ListenerDeps): void {
  const { dispatcher, logger } = deps;
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION_ID_PREFIX}`),
    async ({ ack, action, body, respond, client }) => {
      await ack();
      const who: Requester = {
        platform: "slack",
        userId: body.user.id,
        channelId: body.channel?.id,
      };
      try {
        const decoded = decodeButtonValue(action.value);
        const reply = decoded
          ? await dispatcher.replay(decoded.replay, decoded.action, who)
          : makeReply({
              kind: "invalid",
              title: "That button has expired",
              paragraphs: ["Ask again to get fresh buttons."],
            });
        if (body.response_url) {
          await respond(responsePayload(reply, false));
        } else if (body.channel?.id) {
          const message = renderReply(reply);
          if (reply.ephemeral)
            await client.chat.postEphemeral({
              channel: body.channel.id,
              user: body.user.id,
              ...message,
            });
          else await client.chat.postMessage({ channel: body.channel.id, ...message });
        }
        // A shared answer is public: its picture follows the text into the channel.
        if (body.channel?.id) await postPicture(client, reply, { channel: body.channel.id }, deps);
      } catch (err) {
        logger.error({ err, action: action.action_id }, "slack button failed");
      }
    },
  );
}
