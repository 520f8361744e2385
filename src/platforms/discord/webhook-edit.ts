/**
 * Edits an HTTP interaction's reply through its webhook
 * (PATCH /webhooks/:application/:token/messages/@original): a deferred
 * answer, or a picture added to an answer already sent (an interaction's
 * HTTP response cannot carry a file; an edit can, as multipart/form-data).
 * The interaction token is the credential, so no bot token is needed, and
 * Node's own fetch does it without loading discord.js. A few bounded
 * retries: 429 waits what Discord asks (capped), a 5xx or a timeout backs
 * off with jitter.
 */
import type { APIInteractionResponseCallbackData } from "discord-api-types/v10";
import type { DiscordFile } from "./render.ts";

export const DISCORD_API = "https://discord.com/api";

export interface WebhookEditOptions {
  /** DISCORD_API_URL, e.g. the loopback stand-in in tests; Discord's API by default. */
  apiUrl?: string;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** Attempts in all; default 3. */
  attempts?: number;
  /** Files to attach; the message refers to them as attachment://name. */
  files?: DiscordFile[];
}

const MAX_RETRY_AFTER_MS = 10_000;

export class WebhookEditError extends Error {
  override name = "WebhookEditError";
  constructor(readonly status: number | undefined) {
    super(status ? `webhook edit failed with HTTP ${status}` : "webhook edit failed: no answer");
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(res: Response): number {
  const seconds = Number(res.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0
    ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS)
    : 1000;
}

/** JSON, or with files Discord's multipart form: payload_json (naming the attachments) and files[n]. */
function requestBody(
  message: APIInteractionResponseCallbackData,
  files: DiscordFile[],
): { body: string | FormData; headers: Record<string, string> } {
  if (files.length === 0)
    return { body: JSON.stringify(message), headers: { "content-type": "application/json" } };
  const form = new FormData();
  const attachments = files.map((f, id) => ({ id, filename: f.name, description: f.description }));
  form.append("payload_json", JSON.stringify({ ...message, attachments }));
  for (const [id, f] of files.entries())
    form.append(
      `files[${id}]`,
      new Blob([new Uint8Array(f.attachment)], { type: "image/png" }),
      f.name,
    );
  // fetch writes the multipart content-type with its boundary.
  return { body: form, headers: {} };
}

export async function editOriginal(
  applicationId: string,
  token: string,
  message: APIInteractionResponseCallbackData,
  opts: WebhookEditOptions = {},
): Promise<void> {
  const url = `${opts.apiUrl ?? DISCORD_API}/v10/webhooks/${applicationId}/${token}/messages/@original`;
  const { body, headers } = requestBody(message, opts.files ?? []);
  const attempts = opts.attempts ?? 3;
  let status: number | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = 250 * 2 ** attempt * (0.5 + Math.random());
    try {
      const res = await fetch(url, {
        method: "PATCH",
        headers,
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      status = res.status;
      await res.body?.cancel();
      if (res.ok) return;
      if (res.status === 429) wait = retryAfterMs(res);
      else if (res.status < 500) break; // 4xx other than 429: retrying cannot help
    } catch {
      status = undefined; // timed out or refused
    }
    if (attempt < attempts) await sleep(wait);
  }
  throw new WebhookEditError(status);
}
