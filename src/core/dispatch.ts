/**
 * The single door every platform goes through: route free text, find the
 * command, validate its options, run it inside an error boundary, decide who
 * sees the reply, and log one line per request.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { ConversationMemory } from "./conversation.ts";
import type { AnyCommand, Platform } from "./define-command.ts";
import { failed, invalid, slowDown, unknownCommand } from "./dispatch-replies.ts";
import { hashChannelId, hashUserId } from "./hash-id.ts";
import { type Logger, silentLogger } from "./logger.ts";
import type { OptionSpec } from "./options.ts";
import { parseCommandText } from "./parse-text.ts";
import type { Reply } from "./reply.ts";
import { routeText } from "./route-text.ts";
import { sourcesView } from "./sources-view.ts";
import { createValidator } from "./validate-options.ts";
import { isProblem, settleVisibility, type Visibility } from "./visibility.ts";

export type { Visibility } from "./visibility.ts";

export interface Requester {
  platform: Platform;
  /** Platform user id; only ever logged hashed. */
  userId: string;
  channelId?: string;
  /** The conversation within the channel (a Slack thread); defaults to the channel. */
  conversationId?: string;
}

/** Decides whether a request may run now (src/ops/rate-limit.ts builds the real one). */
export type RateGate = (
  who: Requester,
) => Promise<{ ok: true } | { ok: false; retryInSeconds: number }>;

export interface DispatcherOptions {
  commands: readonly AnyCommand[];
  logger?: Logger;
  rateGate?: RateGate;
  /** Called after every request, e.g. to record unanswered questions. */
  onHandled?: (event: HandledEvent) => void;
  /** Remembers each conversation's last turn for follow-ups. */
  conversations?: ConversationMemory;
}

export interface HandledEvent {
  who: Requester;
  command: string;
  options: Record<string, unknown>;
  reply: Reply;
  durationMs: number;
  errorId?: string;
}

export type ReplayMode = "follow" | "sources" | "share";

export interface Dispatcher {
  /** Commands users can see (hidden ones excluded), for registration and help. */
  readonly commands: readonly AnyCommand[];
  /** A slash command with typed options; private unless `public: true`. */
  dispatch(command: string, options: Record<string, unknown>, who: Requester): Promise<Reply>;
  /** A slash command with its text (Slack); private. */
  dispatchText(command: string, text: string, who: Requester): Promise<Reply>;
  /**
   * Text said to the bot (a mention, a DM, a console line), routed by one
   * rule (see route-text.ts). Public by default: it is answered where it was said.
   */
  handleText(text: string, who: Requester, visibility?: Visibility): Promise<Reply>;
  /** A button's replay key: a follow-up or the sources (private), or a share (public). */
  replay(key: string, mode: ReplayMode, who: Requester): Promise<Reply>;
  autocomplete(command: string, option: string, partial: string): string[];
}

/** The operator at the local console or CLI is never rate-limited. */
const UNLIMITED: ReadonlySet<Platform> = new Set(["console", "cli"]);

interface Request {
  command: string;
  who: Requester;
  /** What the request carried, for the onHandled hook. */
  options: Record<string, unknown>;
  visibility: Visibility;
}

/** Rate gate, error boundary, visibility, request log and hook around one piece of work. */
function createBoundary(opts: DispatcherOptions) {
  const logger = opts.logger ?? silentLogger;

  async function guarded(req: Request, work: () => Promise<Reply>) {
    try {
      const gate =
        opts.rateGate && !UNLIMITED.has(req.who.platform)
          ? await opts.rateGate(req.who)
          : { ok: true as const };
      return { reply: gate.ok ? await work() : slowDown(gate.retryInSeconds) };
    } catch (err) {
      const errorId = randomBytes(4).toString("hex");
      const { platform } = req.who;
      logger.error({ err, errorId, platform, command: req.command }, "command failed");
      return { reply: failed(errorId), errorId };
    }
  }

  function logHandled(req: Request, reply: Reply, durationMs: number, errorId?: string) {
    const { platform, userId, channelId } = req.who;
    logger.info(
      {
        platform,
        command: req.command,
        user: hashUserId(platform, userId),
        channel: channelId ? hashChannelId(platform, channelId) : undefined,
        kind: reply.kind,
        answered: reply.meta?.answered,
        confidence: reply.meta?.confidence,
        durationMs: Math.round(durationMs * 1000) / 1000,
        errorId,
      },
      "request handled",
    );
  }

  return async (req: Request, work: () => Promise<Reply>): Promise<Reply> => {
    const started = performance.now();
    const outcome = await guarded(req, work);
    const { errorId } = outcome;
    const reply = settleVisibility(outcome.reply, req.visibility);
    const durationMs = performance.now() - started;
    logHandled(req, reply, durationMs, errorId);
    try {
      const { who, command, options } = req;
      opts.onHandled?.({ who, command, options, reply, durationMs, errorId });
    } catch (err) {
      logger.warn({ err }, "onHandled hook failed");
    }
    return reply;
  };
}

/** "incident timeline" -> the command name and its text. */
function splitKey(key: string): { name: string; text: string } {
  const space = key.indexOf(" ");
  return space < 0
    ? { name: key, text: "" }
    : { name: key.slice(0, space), text: key.slice(space + 1) };
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const logger = opts.logger ?? silentLogger;
  const byName = new Map(opts.commands.map((c) => [c.name, c]));
  const visible = opts.commands.filter((c) => !c.hidden);
  const validate = createValidator(opts.commands);
  const handle = createBoundary(opts);

  async function run(command: AnyCommand, raw: Record<string, unknown>, who: Requester) {
    const checked = validate(command, raw);
    if (!checked.ok) return checked.reply;
    const options = checked.options as Parameters<AnyCommand["run"]>[0];
    const conversation = opts.conversations?.handleFor(who);
    return await command.run(options, { platform: who.platform, commands: visible, conversation });
  }

  async function runText(name: string, text: string, who: Requester): Promise<Reply> {
    const command = byName.get(name);
    if (!command) return unknownCommand(name, visible);
    const parsed = parseCommandText(command, text);
    if (!parsed.ok) return invalid(`/${command.name}`, parsed.problem);
    return await run(command, parsed.options, who);
  }

  function onText(name: string, text: string, who: Requester, visibility: Visibility) {
    const req = { command: name, who, options: { text }, visibility };
    return handle(req, () => runText(name, text, who));
  }

  return {
    commands: visible,
    dispatch(name, options, who) {
      const visibility = options.public === true ? "public" : "private";
      return handle({ command: name, who, options, visibility }, async () => {
        const command = byName.get(name);
        return command ? run(command, options, who) : unknownCommand(name, visible);
      });
    },
    dispatchText: (name, text, who) => onText(name, text, who, "private"),
    handleText(text, who, visibility = "public") {
      const route = routeText(visible, text);
      return onText(route.command, route.text, who, visibility);
    },
    replay(key, mode, who) {
      const { name, text } = splitKey(key);
      const visibility = mode === "share" ? "public" : "private";
      return handle({ command: name, who, options: { text }, visibility }, async () => {
        const reply = await runText(name, text, who);
        // A problem (slow down, an error) is shown as it is, not as "no sources".
        return mode === "sources" && !isProblem(reply) ? sourcesView(reply) : reply;
      });
    },
    autocomplete(name, optionName, partial) {
      const options = byName.get(name)?.options as Record<string, OptionSpec> | undefined;
      const spec = options?.[optionName];
      if (spec?.kind !== "string" || !spec.autocomplete) return [];
      try {
        return spec.autocomplete(partial).slice(0, 25);
      } catch (err) {
        logger.warn({ err, command: name }, "autocomplete failed");
        return [];
      }
    },
  };
}
