/**
 * Reply -> a Discord message: one embed (answer, quotes, sources) and a row of
 * buttons (follow-ups, Sources, Share in channel). Every piece of text is
 * escaped, embed limits are respected, and mention parsing is always off.
 */
// The API's own types and enums (what discord.js re-exports), so that HTTP interactions
// can render without loading discord.js.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from "discord-api-types/v10";
import { encodeCustomId } from "../../core/custom-id.ts";
import type { Citation, Reply, ReplyKind } from "../../core/reply.ts";
import type { Picture } from "../../pictures/index.ts";
import { escapeText, plainText, truncate } from "./escape.ts";

/** Discord's embed and component limits. */
export const LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  total: 6000,
  attachmentDescription: 1024,
  buttonLabel: 80,
  buttonsPerRow: 5,
  followUps: 3,
} as const;

/** A file sent with the message; `description` is its alt text. */
export interface DiscordFile {
  attachment: Buffer;
  name: string;
  description: string;
}

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: []; repliedUser?: boolean };
  flags?: MessageFlags.Ephemeral;
  /** The reply's picture, shown as the embed's image (the text stays in the description). */
  files?: DiscordFile[];
}

/** Where the message goes: an interaction response may be private; a message reply never is. */
export type Surface = "interaction" | "message";

const COLORS: Record<ReplyKind, number> = {
  answer: 0x2f80ed,
  topic: 0x2f80ed,
  sources: 0x6c757d,
  help: 0x5865f2,
  abstain: 0x95a5a6,
  invalid: 0xf39c12,
  "rate-limited": 0xf1c40f,
  error: 0xe74c3c,
};

const TITLE_PREFIX: Partial<Record<ReplyKind, string>> = {
  error: "⚠️ ",
  invalid: "✋ ",
  "rate-limited": "⏳ ",
};

/** Kinds that are about a problem with the request: no buttons on those. */
const PROBLEM_KINDS = new Set<ReplyKind>(["error", "invalid", "rate-limited"]);

export function renderReply(
  reply: Reply,
  surface: Surface = "interaction",
  picture?: Picture,
): DiscordMessage {
  const ephemeral = surface === "interaction" && reply.ephemeral;
  const embed = renderEmbed(reply);
  const message: DiscordMessage = {
    embeds: [embed],
    components: renderButtons(reply, ephemeral),
    allowedMentions: surface === "message" ? { parse: [], repliedUser: false } : { parse: [] },
  };
  if (ephemeral) message.flags = MessageFlags.Ephemeral;
  if (picture) {
    embed.image = { url: `attachment://${picture.fileName}` };
    message.files = [
      {
        attachment: picture.png,
        name: picture.fileName,
        description: truncate(picture.alt, LIMITS.attachmentDescription),
      },
    ];
  }
  return message;
}

/** The same message as the API's JSON: an HTTP interaction response's data, or a webhook edit. */
export function toApiMessage(message: Partial<DiscordMessage>): APIInteractionResponseCallbackData {
  const { allowedMentions: _mentions, ...rest } = message;
  return { ...rest, allowed_mentions: { parse: [] } };
}

/** A reply to a user's message (mention or DM): always public, never pings the author. */
export function renderMessageReply(reply: Reply, picture?: Picture): Omit<DiscordMessage, "flags"> {
  const { flags: _flags, ...message } = renderReply(reply, "message", picture);
  return message;
}

function renderEmbed(reply: Reply): APIEmbed {
  const embed: APIEmbed = {
    title: truncate(`${TITLE_PREFIX[reply.kind] ?? ""}${escapeText(reply.title)}`, LIMITS.title),
    color: COLORS[reply.kind],
  };
  const footer = sourcesFooter(reply.citations);
  if (footer) embed.footer = { text: footer };
  const description = describe(reply);

  // Fields take what the 6000 total leaves after the title, footer and (up to
  // 2048 characters of) the description; the description then gets the rest.
  let used = (embed.title?.length ?? 0) + (footer?.length ?? 0);
  const reserve = Math.min(description.length, 2048);
  const candidates = sourceFields(reply.citations);
  if (reply.note)
    candidates.push({ name: "Note", value: truncate(escapeText(reply.note), LIMITS.fieldValue) });
  const fields: APIEmbedField[] = [];
  for (const field of candidates.slice(0, LIMITS.fields)) {
    const size = field.name.length + field.value.length;
    if (used + size + reserve > LIMITS.total) break;
    fields.push(field);
    used += size;
  }
  if (fields.length > 0) embed.fields = fields;
  const room = Math.min(LIMITS.description, LIMITS.total - used);
  if (description && room > 0) embed.description = truncate(description, room);
  return embed;
}

function describe(reply: Reply): string {
  const parts: string[] = [];
  if (reply.paragraphs.length > 0) parts.push(reply.paragraphs.map(escapeText).join("\n\n"));
  if (reply.bullets.length > 0)
    parts.push(reply.bullets.map((b) => `• ${escapeText(b)}`).join("\n"));
  for (const q of reply.quotes) {
    const quoted = escapeText(q.text)
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n");
    parts.push(`${quoted}\n> — ${escapeText(q.attribution)}`);
  }
  return parts.join("\n\n");
}

/** Footer: "Publisher, 2023-12-15 · Publisher, date" (footers show text literally). */
function sourcesFooter(citations: Citation[]): string | undefined {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const c of citations) {
    const entry = `${c.publisher}, ${c.date}`;
    if (seen.has(entry)) continue;
    seen.add(entry);
    entries.push(entry);
  }
  if (entries.length === 0) return undefined;
  return truncate(plainText(`Sources: ${entries.join(" · ")}`), LIMITS.footer);
}

/** Only http(s) URLs become links; parentheses and spaces are encoded so the link can't break out. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");
  } catch {
    return undefined;
  }
}

/** The "Links" field(s): one line per distinct source, split across fields at 1024 characters. */
function sourceFields(citations: Citation[]): APIEmbedField[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const c of citations) {
    if (seen.has(c.sourceId)) continue;
    seen.add(c.sourceId);
    const label = escapeText(`${c.publisher}: ${c.title}`);
    const url = safeUrl(c.url);
    const after = escapeText(c.url && c.urlNote ? `${c.date}, ${c.urlNote}` : c.date);
    lines.push(
      truncate(url ? `[${label}](${url}) (${after})` : `${label} (${after})`, LIMITS.fieldValue),
    );
  }
  const fields: APIEmbedField[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + 1 + line.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length === 0 ? "Links" : "More links", value: current });
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) fields.push({ name: fields.length === 0 ? "Links" : "More links", value: current });
  return fields;
}

function button(label: string, customId: string, style: ButtonStyle): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: style as ButtonStyle.Primary,
    label: truncate(plainText(label), LIMITS.buttonLabel),
    custom_id: customId,
  };
}

function renderButtons(
  reply: Reply,
  ephemeral: boolean,
): APIActionRowComponent<APIButtonComponent>[] {
  if (PROBLEM_KINDS.has(reply.kind)) return [];
  const buttons: APIButtonComponent[] = [];
  for (const f of reply.followUps.slice(0, LIMITS.followUps)) {
    const id = encodeCustomId("follow", f.replay);
    if (id) buttons.push(button(f.question, id, ButtonStyle.Secondary));
  }
  if (reply.replay && reply.kind !== "sources" && reply.citations.length > 0) {
    const id = encodeCustomId("sources", reply.replay);
    if (id) buttons.push(button("Sources", id, ButtonStyle.Secondary));
  }
  if (reply.replay && ephemeral) {
    const id = encodeCustomId("share", reply.replay);
    if (id) buttons.push(button("Share in channel", id, ButtonStyle.Primary));
  }
  // Custom ids must be unique within a message.
  const unique = buttons.filter(
    (b, i) =>
      buttons.findIndex(
        (o) => "custom_id" in o && "custom_id" in b && o.custom_id === b.custom_id,
      ) === i,
  );
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < unique.length; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: unique.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}
