import type { Fact, Source } from "./schema.ts";

/**
 * A citation with its source spelled out. Same fields as core/reply.ts's
 * Citation, so the answer engine can pass it straight into a Reply.
 */
export interface ExpandedCitation {
  sourceId: string;
  publisher: string;
  title: string;
  date: string;
  url?: string;
  quote?: string;
  quoteBy?: string;
}

/** Spells out a fact's citation with the source it names (validated to exist at load). */
export function expandCitation(
  citation: Fact["citations"][number],
  sourceById: ReadonlyMap<string, Source>,
): ExpandedCitation {
  const source = sourceById.get(citation.source);
  if (!source) throw new Error(`Unknown source "${citation.source}"`);
  return {
    sourceId: source.id,
    publisher: source.publisher,
    title: source.title,
    date: source.date,
    ...(source.url ? { url: source.url } : {}),
    ...(citation.quote ? { quote: citation.quote } : {}),
    ...(citation.quote && citation.quoteBy ? { quoteBy: citation.quoteBy } : {}),
  };
}
