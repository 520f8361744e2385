/**
 * JSON for a response body. A frozen body (what a renderer made of a kept
 * reply, see core/reply.ts keptRendering) cannot change, so it is serialized
 * once and the string reused; anything else is serialized each time.
 */
const serialized = new WeakMap<object, string>();

export function jsonBody(body: unknown): string {
  if (body === null || typeof body !== "object" || !Object.isFrozen(body))
    return JSON.stringify(body);
  let json = serialized.get(body);
  if (json === undefined) {
    json = JSON.stringify(body);
    serialized.set(body, json);
  }
  return json;
}
