import type { Fact } from "./schema.ts";

/**
 * The facts that carry a `when`, oldest first; same-day events by id so the
 * order never depends on where a fact was written. YYYY-MM sorts before
 * YYYY-MM-DD of the same month.
 */
export function timelineOf(facts: readonly Fact[], topic?: Fact["topic"]): Fact[] {
  return facts
    .filter((f) => f.when !== undefined && (topic === undefined || f.topic === topic))
    .sort(
      (a, b) => (a.when?.date ?? "").localeCompare(b.when?.date ?? "") || a.id.localeCompare(b.id),
    );
}
