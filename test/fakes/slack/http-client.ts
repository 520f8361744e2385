/**
 * Posts to an HTTP-mode app the way Slack does: signed form or JSON bodies
 * to /slack/events. Used by the end-to-end tests and the bench.
 */
import { signedHeaders } from "./signer.ts";

export interface SlackPostResult {
  status: number;
  /** The response body: parsed JSON when it is JSON, else the raw text. */
  body: unknown;
  raw: string;
}

export type ContentType = "application/x-www-form-urlencoded" | "application/json";

export class SignedPoster {
  constructor(
    readonly baseUrl: string,
    readonly secret: string,
    readonly path = "/slack/events",
  ) {}

  /** Signs and posts; `headers` override the signature for negative tests. */
  async post(
    rawBody: string,
    contentType: ContentType,
    opts: { timestamp?: number; headers?: Record<string, string> } = {},
  ): Promise<SlackPostResult> {
    const headers = {
      ...signedHeaders(this.secret, rawBody, contentType, opts.timestamp),
      ...opts.headers,
    };
    const res = await fetch(`${this.baseUrl}${this.path}`, {
      method: "POST",
      headers,
      body: rawBody,
    });
    const raw = await res.text();
    let body: unknown = raw;
    if (raw && res.headers.get("content-type")?.includes("application/json"))
      body = JSON.parse(raw);
    return { status: res.status, body, raw };
  }

  form(rawBody: string, opts?: { timestamp?: number; headers?: Record<string, string> }) {
    return this.post(rawBody, "application/x-www-form-urlencoded", opts);
  }

  json(value: unknown, opts?: { timestamp?: number; headers?: Record<string, string> }) {
    return this.post(JSON.stringify(value), "application/json", opts);
  }
}
