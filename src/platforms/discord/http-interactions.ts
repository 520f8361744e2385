/**
 * Discord over HTTP (POST /discord/interactions, an "Interactions Endpoint
 * URL"): slash commands, autocomplete and button clicks, with no gateway
 * connection and no state of its own, so any instance behind a load balancer
 * can take any interaction. The signature is checked over the raw bytes
 * before anything is parsed. The answer goes back in the HTTP response when
 * it is ready in time (the usual case); otherwise the response defers and the
 * answer follows as an edit through the interaction's webhook. A reply's
 * picture cannot ride in the HTTP response, so an edit adds it right after;
 * the text never waits for it. Same dispatcher and renderer as the gateway.
 * Mentions and DMs need the gateway.
 */
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from "discord-api-types/v10";
import type { DiscordHttpConfig } from "../../config.ts";
import type { Dispatcher, Requester } from "../../core/dispatch.ts";
import type { Logger } from "../../core/logger.ts";
import { keptRendering, type Reply } from "../../core/reply.ts";
import { within } from "../../core/within.ts";
import { type Picture, type PictureRenderer, pictureFor } from "../../pictures/index.ts";
import { jsonBody } from "../http/json-body.ts";
import type { HttpResponse, Route } from "../http/types.ts";
import { autocompleteChoices, buttonWork, DEFER_AFTER_MS } from "./interaction-work.ts";
import { renderReply, toApiMessage } from "./render.ts";
import { checkSignature, discordPublicKey } from "./signature.ts";
import { editOriginal } from "./webhook-edit.ts";

export const INTERACTIONS_PATH = "/discord/interactions";

export interface DiscordHttpOptions {
  /** Defer when an answer takes longer than this (default 1500 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** The clock for the timestamp window, for tests. */
  now?: () => number;
  /** Renders a reply's picture; the default draws it from the facts (tests pass a failing one). */
  pictures?: PictureRenderer;
}

export interface DiscordHttp {
  route: Route;
  /** Deferred answers not yet sent. */
  pending(): number;
  /** Waits for deferred answers still being sent, until `deadline` (epoch ms); returns how many were cut. */
  stop(deadline: number): Promise<number>;
}

const JSON_TYPE = { "content-type": "application/json" };

function json(status: number, body: unknown): HttpResponse {
  return { status, headers: JSON_TYPE, body: jsonBody(body) };
}

function answerResponse(reply: Reply): APIInteractionResponse {
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: toApiMessage(renderReply(reply, "interaction")),
  };
}

/** A kept reply's response, rendered once (and serialized once by json()). */
const asResponse = new WeakMap<Reply, APIInteractionResponse>();

const UNAUTHORIZED: HttpResponse = json(401, { error: "invalid request signature" });

function requester(interaction: APIInteraction): Requester {
  return {
    platform: "discord",
    userId: interaction.member?.user.id ?? interaction.user?.id ?? "unknown",
    channelId: interaction.channel?.id ?? interaction.channel_id,
  };
}

/** Top-level options as name -> value (our commands have no subcommands). */
function optionsOf(
  interaction: APIInteraction,
): { name: string; value: unknown; focused?: boolean }[] {
  const data = interaction.data as {
    options?: { name: string; value?: unknown; focused?: boolean }[];
  };
  return (data?.options ?? []).map((o) => ({ name: o.name, value: o.value, focused: o.focused }));
}

export function createDiscordHttp(
  config: DiscordHttpConfig,
  dispatcher: Dispatcher,
  logger: Logger,
  opts: DiscordHttpOptions = {},
): DiscordHttp {
  const key = discordPublicKey(config.publicKey);
  const now = opts.now ?? Date.now;
  const deferAfterMs = opts.deferAfterMs ?? DEFER_AFTER_MS;
  const followUps = new Set<Promise<void>>();

  /** Work that follows the HTTP response, tracked for the drain; a failure is logged, never thrown. */
  function later(interaction: APIInteraction, what: string, work: () => Promise<void>): void {
    const job = work().catch((err: unknown) =>
      logger.warn(
        { platform: "discord", interaction: interaction.id, err: (err as Error).message },
        `could not send ${what}`,
      ),
    );
    followUps.add(job);
    void job.finally(() => followUps.delete(job));
  }

  /** Edits the reply already sent or deferred; its visibility was fixed then, and stays. */
  function edit(interaction: APIInteraction, reply: Reply, picture?: Picture): Promise<void> {
    const { flags: _flags, files, ...message } = renderReply(reply, "interaction", picture);
    return editOriginal(config.applicationId, interaction.token, toApiMessage(message), {
      apiUrl: config.apiUrl,
      files,
    });
  }

  async function answer(
    interaction: APIInteraction,
    run: () => Promise<Reply>,
    ephemeralHint: boolean,
  ): Promise<HttpResponse> {
    const pending = run();
    const reply = await within(pending, deferAfterMs);
    if (reply) {
      if (reply.picture)
        later(interaction, "the picture", async () => {
          const picture = await pictureFor(reply, logger, opts.pictures);
          if (picture) await edit(interaction, reply, picture);
        });
      return json(200, keptRendering(asResponse, reply, answerResponse));
    }
    later(interaction, "the deferred answer", async () => {
      const late = await pending;
      await edit(interaction, late, await pictureFor(late, logger, opts.pictures));
    });
    const deferred: APIInteractionResponse = {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: ephemeralHint ? { flags: MessageFlags.Ephemeral } : {},
    };
    return json(200, deferred);
  }

  async function handle(interaction: APIInteraction): Promise<HttpResponse> {
    switch (interaction.type) {
      case InteractionType.Ping:
        return json(200, { type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommand: {
        const options: Record<string, unknown> = {};
        for (const o of optionsOf(interaction)) options[o.name] = o.value;
        const name = interaction.data.name;
        return await answer(
          interaction,
          () => dispatcher.dispatch(name, options, requester(interaction)),
          options.public !== true,
        );
      }
      case InteractionType.ApplicationCommandAutocomplete: {
        const focused = optionsOf(interaction).find((o) => o.focused);
        const suggestions = focused
          ? dispatcher.autocomplete(
              interaction.data.name,
              focused.name,
              String(focused.value ?? ""),
            )
          : [];
        return json(200, {
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: autocompleteChoices(suggestions) },
        });
      }
      case InteractionType.MessageComponent: {
        const work = buttonWork(dispatcher, interaction.data.custom_id, requester(interaction));
        if (!work) return json(400, { error: "unknown component" });
        return await answer(interaction, work.run, work.ephemeralHint);
      }
      default:
        return json(400, { error: "unsupported interaction type" });
    }
  }

  const route: Route = {
    method: "POST",
    path: INTERACTIONS_PATH,
    async handle(request) {
      // Nothing is parsed, and nothing runs, before the signature holds.
      if (checkSignature(key, request.headers, request.rawBody, now()) !== "ok")
        return UNAUTHORIZED;
      let interaction: APIInteraction;
      try {
        interaction = JSON.parse(request.rawBody.toString("utf8")) as APIInteraction;
      } catch {
        return json(400, { error: "body is not JSON" });
      }
      if (typeof interaction?.type !== "number" || typeof interaction.token !== "string")
        return json(400, { error: "not an interaction" });
      return await handle(interaction);
    },
  };

  return {
    route,
    pending: () => followUps.size,
    async stop(deadline) {
      while (followUps.size > 0 && Date.now() < deadline)
        await within(Promise.allSettled([...followUps]), deadline - Date.now());
      if (followUps.size > 0)
        logger.warn(
          { platform: "discord", pending: followUps.size },
          "stopped with deferred answers unsent",
        );
      return followUps.size;
    },
  };
}
