/**
 * Mentions in guild channels and direct messages -> an answer as a reply to
 * that message. Discord delivers the content of these two kinds of message
 * without the privileged Message Content intent.
 */
import type { Client, Message } from "discord.js";
import type { Dispatcher, Requester } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import type { Reply } from "../../core/reply.ts";
import { DEFER_AFTER_MS } from "./interaction-work.ts";
import { renderMessageReply } from "./render.ts";
import { describeRestError, retryRest } from "./rest-errors.ts";

/** Whether the bot should answer this message at all. */
function isForBot(message: Message, botId: string): boolean {
  if (message.author.bot || message.author.id === botId) return false;
  if (!message.inGuild()) return true;
  // A direct mention only: not @everyone, @here or a role the bot happens to have.
  return message.mentions.users.has(botId);
}

/** The question without the bot's mention; other mentions stay and are escaped when rendered. */
function questionText(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Shown on the user's message when they ask too fast: private replies to a message do not exist. */
export const SLOW_DOWN_REACTION = "⏳";

/**
 * A reply to a message is seen by the whole channel, so "slow down" (which is
 * private) becomes a reaction on the message; everything else is a reply.
 */
async function deliver(message: Message, reply: Reply): Promise<void> {
  // Retried with backoff after a 5xx or a timeout (see retryRest).
  if (reply.kind === "rate-limited") await retryRest(() => message.react(SLOW_DOWN_REACTION));
  else await retryRest(() => message.reply(renderMessageReply(reply)));
}

export function handleMessage(
  message: Message,
  client: Client,
  dispatcher: Dispatcher,
  logger: Logger,
): Promise<void> {
  const run = async () => {
    const botId = client.user?.id;
    if (!botId || !isForBot(message, botId)) return;
    const text = questionText(message.content, botId);
    const who: Requester = {
      platform: "discord",
      userId: message.author.id,
      channelId: message.channelId,
    };
    const pending = dispatcher.handleText(text, who);
    // Show "typing…" only when the answer is slow; a fast answer needs no signal.
    const typing = setTimeout(() => {
      if ("sendTyping" in message.channel) {
        message.channel
          .sendTyping()
          .catch((err: unknown) => logger.debug({ ...describeRestError(err) }, "typing failed"));
      }
    }, DEFER_AFTER_MS);
    const reply = await pending.finally(() => clearTimeout(typing));
    try {
      await deliver(message, reply);
    } catch (err) {
      logger.warn(
        { ...describeRestError(err), message: message.id },
        "could not reply to the message",
      );
    }
  };
  return run().catch((err) => logger.error({ err, message: message.id }, "message handler failed"));
}
