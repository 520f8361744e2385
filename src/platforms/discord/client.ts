/**
 * The discord.js client with exactly what the bot needs: three
 * non-privileged intents, the Channel partial so DMs arrive, mention parsing
 * off by default, and the REST base URL from DISCORD_API_URL (which also
 * moves gateway discovery, since discord.js asks REST for /gateway/bot).
 */
import { Client, GatewayIntentBits, Partials } from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import { MAX_RETRY_AFTER_MS } from "../../core/backoff.ts";

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

export function createDiscordClient(
  config: Pick<DiscordConfig, "apiUrl">,
  options: { restTimeoutMs?: number } = {},
): Client {
  return new Client({
    intents: [...INTENTS],
    // DM channels are not cached before their first message; without this partial DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      // Our replies retry 5xx and timeouts with backoff and jitter (retryRest); discord.js would
      // retry at once. A Retry-After past the cap fails the call instead of holding it.
      retries: 0,
      rejectOnRateLimit: (info) => info.retryAfter > MAX_RETRY_AFTER_MS,
      ...(options.restTimeoutMs !== undefined ? { timeout: options.restTimeoutMs } : {}),
    },
  });
}
