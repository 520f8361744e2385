/**
 * The bot's invite URL: the two scopes it needs and the fewest permissions
 * that let it answer. Attach Files is for the pictures (`/incident timeline`,
 * `/policy versions`) attached to messages it posts in channels.
 */
import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from "discord.js";

const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  // A mention that comes too fast gets a reaction, not a public "slow down".
  PermissionFlagsBits.AddReactions,
]);

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(" "),
    permissions: BOT_PERMISSIONS.bitfield.toString(),
    integration_type: "0",
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
