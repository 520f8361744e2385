/**
 * Button ids carry their whole state (an action and a replay key), so a click
 * still works after a restart or on another instance. Discord caps a custom id
 * at 100 characters; Slack's action value allows more, but we keep one format.
 */
export type ButtonAction = "follow" | "sources" | "share";

const PREFIX = "idesk";
const CODES: Record<ButtonAction, string> = { follow: "f", sources: "s", share: "p" };
const ACTIONS = new Map(
  Object.entries(CODES).map(([action, code]) => [code, action as ButtonAction]),
);
export const CUSTOM_ID_MAX = 100;

/** Returns undefined when the id would be too long: the button is then left out. */
export function encodeCustomId(action: ButtonAction, replay: string): string | undefined {
  const id = `${PREFIX}:${CODES[action]}:${replay}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

export function decodeCustomId(id: string): { action: ButtonAction; replay: string } | undefined {
  const match = /^idesk:([a-z]):(.+)$/s.exec(id);
  const action = match && ACTIONS.get(match[1] ?? "");
  if (!match || !action) return undefined;
  return { action, replay: match[2] ?? "" };
}
