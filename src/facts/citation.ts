import type { Fact, Source } from "./schema.ts";

/**
 * A citation with its source spelled out. Same fields as core/reply.ts's
 * Citation, so the answer engine can pass it straight into a Reply.
 */
export interface ExpandedCitation {
  sourceId: string;
  publisher: string;
  title: string;
  /** ISO date (YYYY-MM-DD) of the source. */
  date: string;
  /** Absent when the source has no stable URL. */
  url?: string;
  /** Said beside the link: "current page", "syndicated copy on ktvz.com". */
  urlNote?: string;
  /** We hold the source only as others reported it. */
  secondary?: boolean;
  /** A short exact quote from the source, only where the fact carries one. */
  quote?: string;
  /** Who said or wrote the quote, when not the publisher itself. */
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
    ...(source.url && source.urlNote ? { urlNote: source.urlNote } : {}),
    ...(source.secondary ? { secondary: true } : {}),
    ...(citation.quote ? { quote: citation.quote } : {}),
    ...(citation.quote && citation.quoteBy ? { quoteBy: citation.quoteBy } : {}),
  };
}

type Linkable = Pick<ExpandedCitation, "url" | "urlNote">;
type Listable = Pick<ExpandedCitation, "publisher" | "title" | "date" | "secondary"> & Linkable;

/** "https://... (current page)", or "(no stable link)" when there is no URL. */
export function linkText(source: Linkable): string {
  if (!source.url) return "(no stable link)";
  return source.urlNote ? `${source.url} (${source.urlNote})` : source.url;
}

/** What a secondary source's line says, so a reader knows we hold it only as reported. */
export const SECONDARY_MARK = "secondary: known only as reported by others";

/** One line of a source list: publisher, title, date, link, and whether we hold it only as reported. */
export function sourceLine(source: Listable & { dateNote?: string }): string {
  const date = source.dateNote ? `${source.date}, ${source.dateNote}` : source.date;
  const mark = source.secondary ? ` [${SECONDARY_MARK}]` : "";
  return `${source.publisher}: "${source.title}" (${date}) ${linkText(source)}${mark}`;
}

/**
 * Who a quote is by and where we have it from: "Niko Felix, OpenAI
 * spokesperson, via The Verge, 2023-12-15"; "ByteDance, 2023-12-16, as
 * reported by others" when the speaker is the publisher and we hold the
 * source only as reported.
 */
export function quoteAttribution(
  citation: Pick<ExpandedCitation, "publisher" | "date" | "quoteBy" | "secondary">,
): string {
  const { quoteBy, publisher, date } = citation;
  const speaker =
    quoteBy && quoteBy.toLowerCase() !== publisher.toLowerCase()
      ? `${quoteBy}, via ${publisher}`
      : publisher;
  return `${speaker}, ${date}${citation.secondary ? ", as reported by others" : ""}`;
}
