/**
 * The fact module's public face: the validated fact base (loaded once, at
 * import, so a broken fact stops start-up), look-ups, and the JSON export
 * behind `npm run facts -- --json`.
 */
import { type ExpandedCitation, expandCitation } from "./citation.ts";
import { loadFactBase } from "./load.ts";
import type { Fact, FactBase, Source } from "./schema.ts";
import { timelineOf } from "./timeline.ts";

export {
  type ExpandedCitation,
  expandCitation,
  linkText,
  quoteAttribution,
  SECONDARY_MARK,
  sourceLine,
} from "./citation.ts";
export { FactBaseError, loadFactBase, questionKey, rawFactBase } from "./load.ts";
export type { Claim, Fact, FactBase, FactCitation, FactKind, Source } from "./schema.ts";
export { CitationSchema, ClaimSchema, FactSchema, SourceSchema } from "./schema.ts";

export const factBase: FactBase = loadFactBase();

const factById = new Map(factBase.facts.map((f) => [f.id, f]));
const sourceById = new Map(factBase.sources.map((s) => [s.id, s]));

export function getFact(id: string): Fact | undefined {
  return factById.get(id);
}

export function getSource(id: string): Source | undefined {
  return sourceById.get(id);
}

/** Facts grouped by topic, in the order they are written. */
export const factsByTopic: Record<Fact["topic"], Fact[]> = {
  incident: factBase.facts.filter((f) => f.topic === "incident"),
  policy: factBase.facts.filter((f) => f.topic === "policy"),
};

/** Facts that carry a `when`, oldest first (see timeline.ts). */
export function timelineFacts(topic?: Fact["topic"]): Fact[] {
  return timelineOf(factBase.facts, topic);
}

export type ExportedFact = Omit<Fact, "citations"> & { citations: ExpandedCitation[] };

/** The whole base as one JSON-ready document, citations expanded. */
export function exportFactBase(): { sources: Source[]; facts: ExportedFact[] } {
  return {
    sources: factBase.sources,
    facts: factBase.facts.map((f) => ({
      ...f,
      citations: f.citations.map((c) => expandCitation(c, sourceById)),
    })),
  };
}
