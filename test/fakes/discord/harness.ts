/**
 * The real bot (startDiscord with the real command registry) connected to a
 * fresh FakeDiscord, plus checks shared by the Discord tests.
 */
import { commands } from "../../../commands/index.ts";
import { createDispatcher, type DispatcherOptions } from "../../../src/core/dispatch.ts";
import { silentLogger } from "../../../src/core/logger.ts";
import {
  type DiscordBot,
  type DiscordOptions,
  startDiscord,
} from "../../../src/platforms/discord/index.ts";
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  type RecordedRequest,
  startFakeDiscord,
} from "./fake-discord.ts";

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  close(): Promise<void>;
}

export async function startHarness(
  options: FakeDiscordOptions = {},
  dispatcherOptions: Partial<DispatcherOptions> = {},
  botOptions: DiscordOptions = {},
): Promise<Harness> {
  const fake = await startFakeDiscord(options);
  const dispatcher = createDispatcher({ commands, ...dispatcherOptions });
  try {
    const bot = await startDiscord(
      { token: fake.token, applicationId: fake.ids.applicationId, apiUrl: fake.apiUrl },
      dispatcher,
      dispatcherOptions.logger ?? silentLogger,
      botOptions,
    );
    return {
      fake,
      bot,
      async close() {
        await bot.stop();
        await fake.close();
      },
    };
  } catch (err) {
    await fake.close();
    throw err;
  }
}

/** The message part of a recorded request that sends a message, if it sends one. */
export function sentMessage(r: RecordedRequest): Record<string, unknown> | undefined {
  const body = r.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object") return undefined;
  const message = r.path.endsWith("/callback")
    ? (body.data as Record<string, unknown> | undefined)
    : body;
  if (!message || !("content" in message || "embeds" in message)) return undefined;
  return message;
}

/** Every request that carries content must switch mention parsing off; returns offenders. */
export function requestsWithMentionParsing(
  requests: readonly RecordedRequest[],
): RecordedRequest[] {
  return requests.filter((r) => {
    const message = sentMessage(r);
    if (!message) return false;
    const allowed = message.allowed_mentions as { parse?: unknown[] } | undefined;
    return !allowed || !Array.isArray(allowed.parse) || allowed.parse.length !== 0;
  });
}
