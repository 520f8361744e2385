/**
 * Gateway dispatch bodies shaped like Discord's own (API v10), with just the
 * fields discord.js reads. Ids are strings of digits, as real snowflakes are.
 */

export interface FakeIds {
  applicationId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
  dmChannelId: string;
  userId: string;
}

let counter = 0n;
/** A fresh snowflake-like id, unique within the process. */
export function nextId(): string {
  counter += 1n;
  return (1_180_000_000_000_000_000n + counter).toString();
}

export function userObject(id: string, username: string, bot = false) {
  return { id, username, global_name: username, discriminator: "0", avatar: null, bot };
}

export function readyPayload(ids: FakeIds, sessionId: string, resumeUrl: string) {
  return {
    v: 10,
    user: { ...userObject(ids.botUserId, "Incident Desk", true), verified: true, flags: 0 },
    // The guild arrives unavailable, then in full with GUILD_CREATE, as on Discord.
    guilds: [{ id: ids.guildId, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: ids.applicationId, flags: 0 },
  };
}

export function guildCreatePayload(ids: FakeIds) {
  return {
    id: ids.guildId,
    name: "Loopback Guild",
    icon: null,
    owner_id: ids.userId,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    roles: [
      {
        id: ids.guildId,
        name: "@everyone",
        permissions: "1024",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    members: [],
    channels: [
      {
        id: ids.channelId,
        type: 0,
        name: "general",
        position: 0,
        permission_overwrites: [],
        guild_id: ids.guildId,
      },
    ],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

export type CommandOptionValue = string | boolean;

interface InteractionBase {
  ids: FakeIds;
  /** Where it happens: a guild channel (default) or a DM with the bot. */
  inDm?: boolean;
}

function interactionEnvelope(
  base: InteractionBase,
  type: number,
  data: unknown,
  extra: object = {},
) {
  const { ids, inDm } = base;
  const user = userObject(ids.userId, "asker");
  const where = inDm
    ? { channel: { id: ids.dmChannelId, type: 1, recipients: [user] }, user, context: 1 }
    : {
        guild_id: ids.guildId,
        channel: { id: ids.channelId, type: 0, guild_id: ids.guildId, name: "general" },
        member: {
          user,
          roles: [],
          joined_at: new Date(0).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
          permissions: "2147483647",
        },
        guild_locale: "en-US",
        context: 0,
      };
  return {
    id: nextId(),
    application_id: ids.applicationId,
    type,
    token: `itoken-${nextId()}`,
    version: 1,
    data,
    app_permissions: "277025508352",
    locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: inDm ? { "1": ids.userId } : { "0": ids.guildId },
    attachment_size_limit: 10_485_760,
    ...where,
    ...extra,
  };
}

function optionType(value: CommandOptionValue): number {
  return typeof value === "boolean" ? 5 : 3;
}

/** A slash command: `/name option:value ...`. */
export function chatInputInteraction(
  base: InteractionBase,
  name: string,
  options: Record<string, CommandOptionValue>,
) {
  return interactionEnvelope(base, 2, {
    id: nextId(),
    name,
    type: 1,
    options: Object.entries(options).map(([optName, value]) => ({
      name: optName,
      type: optionType(value),
      value,
    })),
  });
}

/** The user is typing `partial` into the `option` of `/name`. */
export function autocompleteInteraction(
  base: InteractionBase,
  name: string,
  option: string,
  partial: string,
) {
  return interactionEnvelope(base, 4, {
    id: nextId(),
    name,
    type: 1,
    options: [{ name: option, type: 3, value: partial, focused: true }],
  });
}

/** A message object as Discord sends it, with the fields every message carries. */
export function messageObject(
  channelId: string,
  author: object,
  content: string,
  fields: Record<string, unknown> = {},
) {
  return {
    id: nextId(),
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...fields,
  };
}

/** A click on a button of one of the bot's messages. */
export function buttonInteraction(base: InteractionBase, customId: string) {
  const { ids } = base;
  const message = messageObject(
    base.inDm ? ids.dmChannelId : ids.channelId,
    userObject(ids.botUserId, "Incident Desk", true),
    "",
    { components: [], flags: 64 },
  );
  return interactionEnvelope(base, 3, { custom_id: customId, component_type: 2 }, { message });
}

/** A message in the guild channel that mentions the bot. */
export function guildMentionMessage(ids: FakeIds, content: string) {
  const member = {
    roles: [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
  return messageObject(ids.channelId, userObject(ids.userId, "asker"), content, {
    guild_id: ids.guildId,
    member,
    mentions: [{ ...userObject(ids.botUserId, "Incident Desk", true), member }],
  });
}

/** A direct message to the bot: no guild_id, channel_type 1 (DM). */
export function directMessage(
  ids: FakeIds,
  content: string,
  author = userObject(ids.userId, "asker"),
) {
  return messageObject(ids.dmChannelId, author, content, { channel_type: 1 });
}
