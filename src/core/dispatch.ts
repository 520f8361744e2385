/**
 * The single door every platform goes through: find the command, validate its
 * options, run it inside an error boundary, and log one line per request.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import type { ConversationMemory } from "./conversation.ts";
import type { AnyCommand, CommandContext, Platform } from "./define-command.ts";
import { hashChannelId, hashUserId } from "./hash-id.ts";
import { type Logger, silentLogger } from "./logger.ts";
import { type OptionSpec, optionSchema } from "./options.ts";
import { parseCommandText } from "./parse-text.ts";
import { makeReply, type Reply } from "./reply.ts";
import { stripInvisible } from "./sanitize.ts";
import { sourcesView } from "./sources-view.ts";

export interface Requester {
  platform: Platform;
  /** Platform user id; only ever logged hashed. */
  userId: string;
  channelId?: string;
  /** The conversation within the channel (a Slack thread); defaults to the channel. */
  conversationId?: string;
}

/** Decides whether a request may run now; see hardening for the real limiter. */
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

export interface Dispatcher {
  /** Commands users can see (hidden ones excluded), for registration and help. */
  readonly commands: readonly AnyCommand[];
  dispatch(command: string, options: Record<string, unknown>, who: Requester): Promise<Reply>;
  /** Runs a command from free text, as typed in Slack or the console. */
  dispatchText(command: string, text: string, who: Requester): Promise<Reply>;
  /** Runs a button's replay key: a follow-up, the sources view, or a public share. */
  replay(key: string, mode: "follow" | "sources" | "share", who: Requester): Promise<Reply>;
  autocomplete(command: string, option: string, partial: string): string[];
}

const OPTION_LABELS: Record<string, string> = { question: "Your question" };

function describeIssue(name: string, issue: z.core.$ZodIssue, value: unknown): string {
  const label = OPTION_LABELS[name] ?? `The ${name} option`;
  if (issue.code === "too_big" && typeof value === "string") {
    return `${label} is too long: the limit is ${issue.maximum} characters and yours has ${value.trim().length}. Please shorten it.`;
  }
  if (issue.code === "invalid_type" && value === undefined) return `${label} is required.`;
  return `${label} ${issue.message}.`;
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const logger = opts.logger ?? silentLogger;
  const byName = new Map(opts.commands.map((c) => [c.name, c]));
  const visible = opts.commands.filter((c) => !c.hidden);
  const schemas = new Map(
    opts.commands.map((c) => [
      c.name,
      z.object(
        Object.fromEntries(
          Object.entries(c.options as Record<string, OptionSpec>).map(([k, spec]) => [
            k,
            optionSchema(spec),
          ]),
        ),
      ),
    ]),
  );

  function invalid(title: string, problem: string, replay?: string): Reply {
    return makeReply({ kind: "invalid", title, paragraphs: [problem], replay });
  }

  async function runCommand(
    command: AnyCommand,
    raw: Record<string, unknown>,
    who: Requester,
  ): Promise<Reply> {
    const schema = schemas.get(command.name);
    // Drop empty strings so "optional and blank" means "not given"; text that
    // is only zero-width or control characters counts as blank too.
    const cleaned = Object.fromEntries(
      Object.entries(raw).filter(
        ([, v]) =>
          v !== undefined &&
          v !== null &&
          !(typeof v === "string" && stripInvisible(v).trim() === ""),
      ),
    );
    const requiredMissing = Object.entries(command.options as Record<string, OptionSpec>).find(
      ([k, spec]) => spec.required && cleaned[k] === undefined,
    );
    if (requiredMissing)
      return helpFor(command, `Type a ${requiredMissing[0]} after /${command.name}.`);
    const parsed = schema?.safeParse(cleaned);
    if (parsed && !parsed.success) {
      const issue = parsed.error.issues[0] as z.core.$ZodIssue;
      const name = String(issue.path[0] ?? "input");
      return invalid("That didn't work", describeIssue(name, issue, cleaned[name]));
    }
    const options = (parsed?.data ?? {}) as Record<string, unknown>;
    const ctx: CommandContext = {
      platform: who.platform,
      commands: visible,
      conversation: opts.conversations?.handleFor(who),
    };
    const reply = await command.run(options as Parameters<AnyCommand["run"]>[0], ctx);
    if (options.public === true) reply.ephemeral = false;
    return reply;
  }

  function helpFor(command: AnyCommand, lead: string): Reply {
    return makeReply({
      kind: "help",
      title: `/${command.name}`,
      paragraphs: [lead, command.description],
      bullets: command.examples.map((e: string) => `/${e}`),
    });
  }

  async function handle(
    commandName: string,
    who: Requester,
    options: Record<string, unknown>,
    run: () => Promise<Reply>,
  ): Promise<Reply> {
    const started = performance.now();
    let reply: Reply;
    let errorId: string | undefined;
    try {
      const gate = opts.rateGate ? await opts.rateGate(who) : { ok: true as const };
      if (!gate.ok) {
        reply = makeReply({
          kind: "rate-limited",
          title: "Slow down a little",
          paragraphs: [
            `You're asking faster than I can keep up. Please try again in ${gate.retryInSeconds} s.`,
          ],
        });
      } else {
        reply = await run();
      }
    } catch (err) {
      errorId = randomBytes(4).toString("hex");
      logger.error(
        { err, errorId, platform: who.platform, command: commandName },
        "command failed",
      );
      reply = makeReply({
        kind: "error",
        title: "Something went wrong",
        paragraphs: [
          `Sorry, I couldn't answer that because of a problem on my side (error id ${errorId}). Please try again in a moment.`,
        ],
      });
    }
    const durationMs = performance.now() - started;
    logger.info(
      {
        platform: who.platform,
        command: commandName,
        user: hashUserId(who.platform, who.userId),
        channel: who.channelId ? hashChannelId(who.platform, who.channelId) : undefined,
        kind: reply.kind,
        answered: reply.meta?.answered,
        confidence: reply.meta?.confidence,
        durationMs: Math.round(durationMs * 1000) / 1000,
        errorId,
      },
      "request handled",
    );
    try {
      opts.onHandled?.({ who, command: commandName, options, reply, durationMs, errorId });
    } catch (err) {
      logger.warn({ err }, "onHandled hook failed");
    }
    return reply;
  }

  function unknownCommand(name: string): Reply {
    return invalid(
      "Unknown command",
      `I don't have a /${name} command. Try ${visible.map((c) => `/${c.name}`).join(", ")}.`,
    );
  }

  const dispatcher: Dispatcher = {
    commands: visible,
    dispatch(name, options, who) {
      const command = byName.get(name);
      return handle(name, who, options, async () =>
        command ? runCommand(command, options, who) : unknownCommand(name),
      );
    },
    dispatchText(name, text, who) {
      const command = byName.get(name);
      return handle(name, who, { text }, async () => {
        if (!command) return unknownCommand(name);
        const parsed = parseCommandText(command, text);
        if (!parsed.ok) return invalid(`/${command.name}`, parsed.problem);
        return runCommand(command, parsed.options, who);
      });
    },
    async replay(key, mode, who) {
      const space = key.indexOf(" ");
      const name = space < 0 ? key : key.slice(0, space);
      const text = space < 0 ? "" : key.slice(space + 1);
      const reply = await dispatcher.dispatchText(name, text, who);
      if (mode === "sources") return sourcesView(reply);
      if (mode === "share" && reply.kind !== "error") reply.ephemeral = false;
      return reply;
    },
    autocomplete(name, optionName, partial) {
      const spec = (byName.get(name)?.options as Record<string, OptionSpec> | undefined)?.[
        optionName
      ];
      if (spec?.kind !== "string" || !spec.autocomplete) return [];
      try {
        return spec.autocomplete(partial).slice(0, 25);
      } catch (err) {
        logger.warn({ err, command: name }, "autocomplete failed");
        return [];
      }
    },
  };
  return dispatcher;
}
