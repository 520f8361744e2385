/**
 * How many connections wait in a listening socket's accept queue, read
 * from /proc/net/tcp and /proc/net/tcp6 (Linux: a listener's rx_queue is its
 * backlog). Undefined where that cannot be read; the drain then falls back
 * to waiting until no new connection comes for a moment.
 */
import { readFileSync } from "node:fs";

const LISTEN = "0A";

export function acceptBacklog(port: number): number | undefined {
  let found: number | undefined;
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "latin1");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue ...
      const [, local, , state, queues] = line.trim().split(/\s+/);
      if (state !== LISTEN || !local?.endsWith(`:${hexPort}`)) continue;
      found = (found ?? 0) + Number.parseInt(queues?.split(":")[1] ?? "0", 16);
    }
  }
  return found;
}
