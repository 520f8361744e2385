/**
 * SharedState in this process's memory: the default, and the fallback while
 * Redis is down. Bounded: past maxKeys the least recently used key goes
 * (approximately, see evictOne), so a flood of distinct keys (replayed
 * signatures, new users) cannot grow memory.
 */
import type { SharedState, WindowCount } from "./types.ts";

interface Entry {
  value: string;
  expiresAt: number;
  /** Read or written since it was last passed over for eviction. */
  used: boolean;
}

export interface MemoryStateOptions {
  /** Most keys kept at once (logs not included). */
  maxKeys?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export const DEFAULT_MAX_KEYS = 50_000;

export function createMemoryState(opts: MemoryStateOptions = {}): SharedState {
  // At least one: the key just added always stays (see evictOne).
  const maxKeys = Math.max(1, opts.maxKeys ?? DEFAULT_MAX_KEYS);
  const now = opts.now ?? Date.now;
  // Keys in insertion order. A key is never deleted and re-inserted on use: V8's Map keeps
  // each deleted slot in its bucket until the table is rebuilt, so a busy key (a channel's
  // rate-limit counter) moved on every request grows a chain that each lookup of it walks:
  // tens of microseconds a request once the Map is large. Use only sets a flag.
  const entries = new Map<string, Entry>();
  const logs = new Map<string, string[]>();

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry;
  }

  // One iterator, kept: it resumes where the last eviction stopped, rather than walking the
  // deleted slots at the front of the Map again each time. Keys moved to the end are met
  // again there.
  let oldestFirst: Iterator<string> | undefined;

  /**
   * Drops the oldest key that was not used since it was last looked at here; a used one is
   * moved to the end once, with its flag cleared (a "second chance", which approximates
   * least recently used with at most one move per key per round).
   */
  function evictOne(justAdded: string): void {
    for (;;) {
      let next = oldestFirst?.next();
      if (!next || next.done) {
        oldestFirst = entries.keys();
        next = oldestFirst.next();
        if (next.done) return;
      }
      const key = next.value;
      const entry = entries.get(key) as Entry;
      entries.delete(key);
      // The key being added is never the one to go.
      if (key !== justAdded && (!entry.used || entry.expiresAt <= now())) return;
      entry.used = false;
      entries.set(key, entry);
    }
  }

  function put(key: string, value: string, ttlMs: number): Entry {
    const expiresAt = now() + ttlMs;
    const existing = entries.get(key);
    if (existing) {
      existing.value = value;
      existing.expiresAt = expiresAt;
      existing.used = true;
      return existing;
    }
    const entry = { value, expiresAt, used: false };
    entries.set(key, entry);
    while (entries.size > maxKeys) evictOne(key);
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
