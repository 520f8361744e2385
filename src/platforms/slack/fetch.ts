/**
 * The fetch Bolt and its WebClient use: every call has a timeout (Bolt's
 * respond() to a response_url has none of its own), and a 429's Retry-After
 * is capped so the WebClient never sleeps longer than MAX_RETRY_AFTER_MS.
 */
import { MAX_RETRY_AFTER_MS, retryAfterMs } from "../../core/backoff.ts";

export function slackFetch(timeoutMs: number): typeof fetch {
  return async (input, init = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const response = await fetch(input, { ...init, signal });
    if (response.status !== 429) return response;
    const wait = retryAfterMs(response.headers.get("retry-after"));
    if (wait === undefined || wait < MAX_RETRY_AFTER_MS) return response;
    const headers = new Headers(response.headers);
    headers.set("retry-after", String(MAX_RETRY_AFTER_MS / 1000));
    return new Response(response.body, { status: 429, statusText: response.statusText, headers });
  };
}
