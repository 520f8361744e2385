/** Request bodies shaped like the ones Slack sends, for tests and the bench. */

/** Slack gives every slash command and click its own trigger id, so no two requests sign alike. */
let triggers = 0;
function triggerId(): string {
  triggers += 1;
  return `${triggers}.${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
}

/** The form body of a slash command, as Slack sends it. */
export function slashCommandBody(fields: {
  command: string;
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  triggerId?: string;
}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0TEST",
    team_domain: "test",
    channel_id: fields.channelId ?? "C0TEST",
    channel_name: "general",
    user_id: fields.userId ?? "U0ASKER",
    user_name: "asker",
    command: fields.command,
    text: fields.text,
    api_app_id: "A0TEST",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? triggerId(),
  }).toString();
}

/** The form body of an interactivity request: `payload=<json>`. */
export function interactiveBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for one clicked button. */
export function blockActionPayload(fields: {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
}): Record<string, unknown> {
  return {
    type: "block_actions",
    team: { id: "T0TEST", domain: "test" },
    user: { id: fields.userId ?? "U0ASKER", username: "asker", team_id: "T0TEST" },
    api_app_id: "A0TEST",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: fields.channelId ?? "C0TEST",
      is_ephemeral: true,
    },
    trigger_id: triggerId(),
    channel: { id: fields.channelId ?? "C0TEST", name: "general" },
    response_url: fields.responseUrl,
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "actions",
        text: { type: "plain_text", text: "button" },
        value: fields.value,
        action_ts: "1700000001.000200",
      },
    ],
  };
}

/** An Events API envelope (HTTP mode body or Socket Mode payload) around `event`. */
export function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: "T0TEST",
    api_app_id: "A0TEST",
    event,
    type: "event_callback",
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: "T0TEST", user_id: "UBOT", is_bot: true, is_enterprise_install: false },
    ],
  };
}
