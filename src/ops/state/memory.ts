/**
 * SharedState in this process's memory: the default, and the fallback while
 * Redis is down. Bounded: past maxKeys the least recently used key goes
 * (approximately, see core/bounded-map.ts), so a flood of distinct keys
 * (replayed signatures, new users) cannot grow memory.
 */
import { BoundedMap } from "../../core/bounded-map.ts";
import type { SharedState, WindowCount } from "./types.ts";

interface Entry {
  value: string;
  expiresAt: number;
}

export interface MemoryStateOptions {
  /** Most keys kept at once (logs not included). */
  maxKeys?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export const DEFAULT_MAX_KEYS = 50_000;

export function createMemoryState(opts: MemoryStateOptions = {}): SharedState {
  const now = opts.now ?? Date.now;
  // An expired key goes first when room is needed, used or not.
  const entries = new BoundedMap<string, Entry>({
    max: opts.maxKeys ?? DEFAULT_MAX_KEYS,
    stale: (entry) => entry.expiresAt <= now(),
  });
  const logs = new Map<string, string[]>();

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function put(key: string, value: string, ttlMs: number): Entry {
    const expiresAt = now() + ttlMs;
    const existing = entries.get(key);
    if (existing) {
      existing.value = value;
      existing.expiresAt = expiresAt;
      return existing;
    }
    const entry = { value, expiresAt };
    entries.set(key, entry);
    return entry;
  }

  return {
    kind: "memory",
    async claim(key, ttlMs) {
      if (live(key)) return false;
      put(key, "1", ttlMs);
      return true;
    },
    async hit(key, windowMs): Promise<WindowCount> {
      const entry = live(key);
      if (!entry) {
        put(key, "1", windowMs);
        return { count: 1, resetInMs: windowMs };
      }
      entry.value = String(Number(entry.value) + 1);
      return { count: Number(entry.value), resetInMs: Math.max(0, entry.expiresAt - now()) };
    },
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async append(log, entry, maxEntries) {
      const list = logs.get(log) ?? [];
      list.push(entry);
      if (list.length > maxEntries) list.splice(0, list.length - maxEntries);
      logs.set(log, list);
    },
    async readLog(log) {
      return [...(logs.get(log) ?? [])];
    },
    async close() {
      entries.clear();
      logs.clear();
    },
  };
}
