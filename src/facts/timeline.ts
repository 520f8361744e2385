import type { Fact } from "./schema.ts";

/**
 * The facts that carry a `when`, oldest first; same-day events by
 * `when.order` (what happened first), then by id so the order never depends
 * on where a fact was written. YYYY-MM sorts before YYYY-MM-DD of the same
 * month.
 */
export function timelineOf(facts: readonly Fact[], topic?: Fact["topic"]): Fact[] {
  return facts
    .filter((f) => f.when !== undefined && (topic === undefined || f.topic === topic))
    .sort(
      (a, b) =>
        (a.when?.date ?? "").localeCompare(b.when?.date ?? "") ||
        (a.when?.order ?? 0) - (b.when?.order ?? 0) ||
        a.id.localeCompare(b.id),
    );
}
