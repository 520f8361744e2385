/**
 * The one bounded map of the code base: every cache and the in-memory shared
 * state keep at most `max` keys, dropping roughly the least recently used one.
 *
 * A key is never deleted and re-inserted on use: V8's Map keeps each deleted
 * slot in its bucket until the table is rebuilt, so a busy key (a channel's
 * rate-limit counter, a popular question) moved on every request grows a chain
 * that each lookup of it walks, tens of microseconds a request once the map is
 * large. A use only sets a flag; eviction takes the oldest key whose flag is
 * clear, and moves a flagged one to the end once with its flag cleared (a
 * "second chance").
 */
export interface BoundedMapOptions<V> {
  /** Most keys kept at once (at least 1: the key just added always stays). */
  max: number;
  /** A value that may go first whatever its flag (an expired entry). */
  stale?: (value: V) => boolean;
}

interface Slot<V> {
  value: V;
  /** Read or written since eviction last passed it over. */
  used: boolean;
}

export class BoundedMap<K, V> {
  private readonly slots = new Map<K, Slot<V>>();
  private readonly max: number;
  private readonly stale: ((value: V) => boolean) | undefined;
  // One iterator, kept: it resumes where the last eviction stopped rather than walking the
  // deleted slots at the front of the Map again each time. Keys moved to the end are met again.
  private oldestFirst: Iterator<K> | undefined;

  constructor(opts: BoundedMapOptions<V>) {
    this.max = Math.max(1, opts.max);
    this.stale = opts.stale;
  }

  get size(): number {
    return this.slots.size;
  }

  /** The value, marked as used; undefined when absent. */
  get(key: K): V | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    slot.used = true;
    return slot.value;
  }

  /** The value without marking it used (a check that is not a use). */
  peek(key: K): V | undefined {
    return this.slots.get(key)?.value;
  }

  set(key: K, value: V): void {
    const slot = this.slots.get(key);
    if (slot) {
      slot.value = value;
      slot.used = true;
      return;
    }
    this.slots.set(key, { value, used: false });
    while (this.slots.size > this.max) this.evictOne(key);
  }

  /** The value for `key`, computed and kept on first use. */
  getOrSet(key: K, compute: (key: K) => V): V {
    const slot = this.slots.get(key);
    if (slot) {
      slot.used = true;
      return slot.value;
    }
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.slots.delete(key);
  }

  clear(): void {
    this.slots.clear();
    this.oldestFirst = undefined;
  }

  private evictOne(justAdded: K): void {
    for (;;) {
      let next = this.oldestFirst?.next();
      if (!next || next.done) {
        this.oldestFirst = this.slots.keys();
        next = this.oldestFirst.next();
        if (next.done) return;
      }
      const key = next.value;
      const slot = this.slots.get(key) as Slot<V>;
      this.slots.delete(key);
      // The key being added is never the one to go.
      if (key !== justAdded && (!slot.used || this.stale?.(slot.value))) return;
      slot.used = false;
      this.slots.set(key, slot);
    }
  }
}
