/**
 * Mentions in channels and direct messages, answered in the thread. The
 * text's first word may name a command ("incident timeline"); anything else is
 * a question for the registry's question command.
 */
import type { App } from "@slack/bolt";
import type { AnyCommand } from "../../../core/define-command.ts";
import type { Requester } from "../../../core/dispatch.ts";
import type { OptionSpec } from "../../../core/options.ts";
import { renderReply } from "../render.ts";
import type { ListenerDeps } from "./shared.ts";

/** The command free text goes to: the first one that takes a required string (the question). */
export function questionCommand(commands: readonly AnyCommand[]): AnyCommand | undefined {
  return (
    commands.find((c) =>
      Object.values(c.options as Record<string, OptionSpec>).some(
        (o) => o.kind === "string" && o.required,
      ),
    ) ?? commands[0]
  );
}

/** Drops user mentions (the bot's own first of all) and squeezes the spaces. */
export function stripMentions(text: string, botUserId: string): string {
  return text
    .replaceAll(`<@${botUserId}>`, " ")
    .replace(/^\s*(<@[\w|.-]+>\s*)+/, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.!?;:])/g, "$1")
    .trim();
}

export function routeText(
  commands: readonly AnyCommand[],
  text: string,
): { command: string; text: string } {
  // A bare mention gets the help, as on Discord and in the console.
  const help = commands.find((c) => c.name === "help");
  if (!text.trim() && help) return { command: help.name, text: "" };
  const [first = "", ...rest] = text.split(/\s+/);
  const named = commands.find((c) => c.name === first.replace(/^\//, "").toLowerCase());
  if (named) return { command: named.name, text: rest.join(" ") };
  return { command: questionCommand(commands)?.name ?? "", text };
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
    const { command, text } = routeText(dispatcher.commands, stripMentions(req.text, botUserId));
    const reply = await dispatcher.dispatchText(command, text, who);
    if (reply.kind === "invalid") {
      // A correction repeats the user's words: only they see it, in the thread.
      await client.chat.postEphemeral({
        channel: req.channel,
        user: req.userId,
        thread_ts: req.threadTs,
        ...renderReply(reply),
      });
      return;
    }
    reply.ephemeral = false; // a thread reply is seen by everyone in it
    await client.chat.postMessage({
      channel: req.channel,
      thread_ts: req.threadTs,
      ...renderReply(reply),
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  app.event("app_mention", async ({ event, client }) => {
    if (event.bot_id || event.subtype || !event.user) return;
    try {
      await answerInThread(
        {
          channel: event.channel,
          threadTs: event.thread_ts ?? event.ts,
          text: event.text,
          userId: event.user,
        },
        client,
      );
    } catch (err) {
      logger.error({ err, event: "app_mention" }, "slack mention reply failed");
    }
  });

  app.event("message", async ({ event, client }) => {
    // Only plain messages people send the bot directly: no edits, joins or bots.
    if (
      event.channel_type !== "im" ||
      event.subtype !== undefined ||
      ("bot_id" in event && event.bot_id)
    )
      return;
    if (!event.user || event.user === botUserId) return;
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
      logger.error({ err, event: "message.im" }, "slack DM reply failed");
    }
  });
}
