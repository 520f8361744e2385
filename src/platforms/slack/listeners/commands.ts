/**
 * Slash commands: `/incident timeline` -> dispatchText("incident", "timeline").
 * Answers privately; inside the ack body when the answer is ready within the
 * budget (one round trip, and it works in channels the bot has not joined),
 * otherwise ack first and answer on response_url.
 */
import type { App } from "@slack/bolt";
import type { Requester } from "../../../core/dispatch.ts";
import { within } from "../../../core/within.ts";
import { type ListenerDeps, responsePayload } from "./shared.ts";

export function listenForCommands(
  app: App,
  { dispatcher, logger, ackBudgetMs }: ListenerDeps,
): void {
  // One catch-all listener: a command Slack knows but the registry does not gets a helpful reply.
  app.command(/^\/[\w-]+$/, async ({ command, ack, respond }) => {
    const who: Requester = {
      platform: "slack",
      userId: command.user_id,
      channelId: command.channel_id,
    };
    const name = command.command.replace(/^\//, "");
    const pending = dispatcher.dispatchText(name, command.text ?? "", who);
    let acked = false;
    try {
      const quick = await within(pending, ackBudgetMs);
      if (quick) {
        acked = true;
        await ack(responsePayload(quick));
        return;
      }
      acked = true;
      await ack();
      await respond(responsePayload(await pending));
    } catch (err) {
      logger.error({ err, command: name }, "slack slash command failed");
      if (!acked)
        await ack({
          response_type: "ephemeral",
          text: "Sorry, something went wrong. Please try again.",
        });
    }
  });
}
