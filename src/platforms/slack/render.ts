/**
 * Reply -> Block Kit. Every string passes through displayText (escaped), mrkdwn text
 * objects are `verbatim` (Slack does not auto-link or auto-mention them), and
 * every Block Kit limit is respected so Slack never rejects a reply.
 */
import type { types } from "@slack/bolt";
import { type ButtonAction, decodeCustomId, encodeCustomId } from "../../core/custom-id.ts";
import type { Citation, Reply } from "../../core/reply.ts";
import {
  displayText,
  escapeMrkdwn,
  mrkdwnLink,
  safeText,
  truncate,
  unescapeMrkdwn,
} from "./escape.ts";

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  contextElements: 10,
  contextText: 2000,
  actionValue: 2000,
  actionId: 255,
  fallbackText: 3000,
} as const;

/** Reads a button value written by renderReply. */
export function decodeButtonValue(value: string | undefined) {
  return decodeCustomId(unescapeMrkdwn(value ?? ""));
}

/** action_id prefix shared by every button we render (and the listener that handles them). */
export const ACTION_ID_PREFIX = "idesk_";

export interface SlackMessage {
  /** Fallback for notifications and screen readers; escaped mrkdwn. */
  text: string;
  blocks: types.KnownBlock[];
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text, verbatim: true };
}

function section(text: string): types.SectionBlock {
  return { type: "section", text: mrkdwn(text) };
}

/** Splits already-escaped text into pieces that fit a section, at line or word ends. */
export function chunk(text: string, max: number = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    // Never split an entity such as &amp;.
    const amp = rest.lastIndexOf("&", cut);
    if (amp >= 0 && amp > cut - 5 && !rest.slice(amp, cut).includes(";")) cut = amp;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function quoteLines(text: string, attribution: string): string {
  const body = displayText(text)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  return `${body}\n> — _${displayText(attribution)}_`;
}

function citationText(c: Citation): string {
  return truncate(
    `${displayText(c.publisher)}, ${displayText(c.date)}: ${mrkdwnLink(c.url, c.title)}${c.url && c.urlNote ? ` (${displayText(c.urlNote)})` : ""}`,
    LIMITS.contextText,
  );
}

function sourcesContext(citations: Citation[]): types.ContextBlock | undefined {
  const unique = [...new Map(citations.map((c) => [c.sourceId, c])).values()];
  if (unique.length === 0) return undefined;
  const max = LIMITS.contextElements;
  const shown = unique.length > max ? unique.slice(0, max - 1) : unique;
  const elements = shown.map((c) => mrkdwn(citationText(c)));
  if (unique.length > shown.length)
    elements.push(mrkdwn(`…and ${unique.length - shown.length} more`));
  return { type: "context", elements };
}

function button(
  label: string,
  actionId: string,
  action: ButtonAction,
  replay: string | undefined,
  primary = false,
) {
  // The value is never shown, but it is escaped too so no payload carries a live `<!channel>`.
  const id = replay ? encodeCustomId(action, replay) : undefined;
  const value = id === undefined ? undefined : escapeMrkdwn(id);
  if (!value || value.length > LIMITS.actionValue) return undefined;
  const b: types.Button = {
    type: "button",
    text: { type: "plain_text", text: safeText(label, LIMITS.buttonText), emoji: true },
    action_id: actionId.slice(0, LIMITS.actionId),
    value,
  };
  if (primary) b.style = "primary";
  return b;
}

function buttons(reply: Reply): types.Button[] {
  const all = [
    ...reply.followUps
      .slice(0, 3)
      .map((f, i) => button(f.question, `${ACTION_ID_PREFIX}follow_${i}`, "follow", f.replay)),
    reply.citations.length > 0
      ? button("Sources", `${ACTION_ID_PREFIX}sources`, "sources", reply.replay)
      : undefined,
    reply.ephemeral
      ? button("Share in channel", `${ACTION_ID_PREFIX}share`, "share", reply.replay, true)
      : undefined,
  ];
  return all.filter((b): b is types.Button => b !== undefined);
}

function fallbackText(reply: Reply): string {
  const first = reply.paragraphs[0] ?? reply.bullets[0] ?? "";
  const plain = [reply.title, first].filter(Boolean).join(": ");
  return safeText(plain || "Incident Desk", LIMITS.fallbackText);
}

export function renderReply(reply: Reply): SlackMessage {
  const lead: types.KnownBlock[] = [];
  const title = displayText(reply.title.trim());
  if (title && title.length <= LIMITS.headerText) {
    lead.push({ type: "header", text: { type: "plain_text", text: title, emoji: true } });
  } else if (title) {
    lead.push(section(`*${truncate(title, LIMITS.sectionText - 2)}*`));
  }

  const body: types.KnownBlock[] = [];
  for (const p of reply.paragraphs)
    for (const piece of chunk(displayText(p))) body.push(section(piece));
  if (reply.bullets.length > 0) {
    const list = reply.bullets.map((b) => `• ${displayText(b)}`).join("\n");
    for (const piece of chunk(list)) body.push(section(piece));
  }
  if (reply.quotes.length > 0) {
    const quotes = reply.quotes.map((q) => quoteLines(q.text, q.attribution)).join("\n\n");
    for (const piece of chunk(quotes)) body.push(section(piece));
  }

  const tail: types.KnownBlock[] = [];
  if (reply.note)
    tail.push({ type: "context", elements: [mrkdwn(safeText(reply.note, LIMITS.contextText))] });
  const sources = sourcesContext(reply.citations);
  if (sources) tail.push(sources);
  const actions = buttons(reply);
  if (actions.length > 0) tail.push({ type: "actions", block_id: "actions", elements: actions });

  // Keep the head and the buttons; cut the body if the 50-block limit is near.
  const room = LIMITS.blocks - lead.length - tail.length;
  if (body.length > room) {
    body.length = Math.max(0, room - 1);
    body.push(section("…"));
  }
  return { text: fallbackText(reply), blocks: [...lead, ...body, ...tail] };
}
