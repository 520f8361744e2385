/** The replies dispatch itself gives: help for a command, a bad request, slow down, a failure. */
import { BoundedMap } from "./bounded-map.ts";
import type { AnyCommand } from "./define-command.ts";
import { keepReply, makeReply, type Reply } from "./reply.ts";

export function invalid(title: string, problem: string): Reply {
  return makeReply({ kind: "invalid", title, paragraphs: [problem] });
}

export function unknownCommand(name: string, visible: readonly AnyCommand[]): Reply {
  return invalid(
    "Unknown command",
    `I don't have a /${name} command. Try ${visible.map((c) => `/${c.name}`).join(", ")}.`,
  );
}

export function helpFor(command: AnyCommand, lead: string): Reply {
  return makeReply({
    kind: "help",
    title: `/${command.name}`,
    paragraphs: [lead, command.description],
    bullets: command.examples.map((e: string) => `/${e}`),
  });
}

/**
 * One kept reply per wait: a flood that hits the limits is answered without building
 * anything. Waits are whole seconds within a limit's window: a handful of entries.
 */
const slowDowns = new BoundedMap<number, Reply>({ max: 1000 });

export function slowDown(retryInSeconds: number): Reply {
  return slowDowns.getOrSet(retryInSeconds, (wait) => keepReply(slowDownReply(wait)));
}

function slowDownReply(retryInSeconds: number): Reply {
  return makeReply({
    kind: "rate-limited",
    title: "Slow down a little",
    paragraphs: [
      `You're asking faster than I can keep up. Please try again in ${retryInSeconds} s.`,
    ],
  });
}

export function failed(errorId: string): Reply {
  return makeReply({
    kind: "error",
    title: "Something went wrong",
    paragraphs: [
      `Sorry, I couldn't answer that because of a problem on my side (error id ${errorId}). Please try again in a moment.`,
    ],
  });
}
