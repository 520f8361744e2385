/**
 * Signs interactions the way Discord does for an Interactions Endpoint URL:
 * a fresh Ed25519 key pair per signer, X-Signature-Ed25519 over
 * X-Signature-Timestamp + body. Posts them to the bot like Discord would.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface PostedInteraction {
  status: number;
  /** Parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
}

export class InteractionSigner {
  /** The hex public key, as the Developer Portal shows it (DISCORD_PUBLIC_KEY). */
  readonly publicKey: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync("ed25519");
    this.privateKey = pair.privateKey;
    // The raw key is the last 32 bytes of its SPKI encoding.
    this.publicKey = pair.publicKey
      .export({ format: "der", type: "spki" })
      .subarray(-32)
      .toString("hex");
  }

  headers(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const signature = sign(null, Buffer.from(`${timestamp}${body}`), this.privateKey);
    return {
      "content-type": "application/json",
      "x-signature-ed25519": signature.toString("hex"),
      "x-signature-timestamp": String(timestamp),
    };
  }

  /**
   * Signs and posts a payload (a string is sent as it is). For the negative tests, `headers`
   * override the signed ones and `body` replaces what was signed.
   */
  async post(
    url: string,
    payload: unknown,
    opts: { timestamp?: number; headers?: Record<string, string>; body?: string } = {},
  ): Promise<PostedInteraction> {
    const signed = typeof payload === "string" ? payload : JSON.stringify(payload);
    const res = await fetch(url, {
      method: "POST",
      headers: { ...this.headers(signed, opts.timestamp), ...opts.headers },
      body: opts.body ?? signed,
    });
    const raw = await res.text();
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {}
    return { status: res.status, body };
  }
}
