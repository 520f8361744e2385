/**
 * Honesty rules the schema cannot express: who a statement says it heard
 * something from must be a source the fact cites, and a link that leaves the
 * publisher's own site must say where it goes.
 */
import { NEWS_OUTLETS } from "./outlets.ts";
import type { Source } from "./schema.ts";

/** "The Verge's" -> "verge"; "Hindustan Times" -> "hindustantimes". */
function squash(name: string): string {
  return name
    .toLowerCase()
    .replace(/['\u2019]s$/, "")
    .replace(/^the\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}

function sameName(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** A capitalised name right after an attribution phrase: "as reported by The Decoder", "told CNN". */
const ATTRIBUTED_TO =
  /\b(?:reported by|according to|as carried by|as printed by|told)\s+((?:[Tt]he\s+)?[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*)*)/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The first outlet or speaker a statement names as its informant that none of
 * the fact's citations stands for, or undefined when every one is cited.
 * `cited` holds the cited sources' publishers and the quotes' speakers.
 */
export function uncitedInformant(statement: string, cited: readonly string[]): string | undefined {
  const isCited = (name: string) => cited.some((c) => sameName(c, name));
  for (const outlet of NEWS_OUTLETS) {
    const named = new RegExp(`\\b${escapeRegExp(outlet)}\\b`).test(statement);
    if (named && !isCited(outlet)) return outlet;
  }
  for (const match of statement.matchAll(ATTRIBUTED_TO)) {
    const name = (match[1] ?? "").replace(/['\u2019]s$/, "");
    if (!isCited(name)) return name;
  }
  return undefined;
}

/**
 * Why a source's link needs a note, or undefined when it does not: a link to a
 * site other than the publisher's own must name that site in `urlNote`.
 */
export function linkProblem(source: Source): string | undefined {
  if (!source.url) return source.urlNote ? "urlNote is set but there is no url" : undefined;
  const host = new URL(source.url).hostname.replace(/^www\./, "");
  const site = host.split(".").slice(-2, -1)[0] ?? host;
  if (sameName(site, source.publisher)) return undefined;
  if (source.urlNote?.includes(host)) return undefined;
  return `urlNote must name the site the link goes to (${host}), which is not ${source.publisher}'s own`;
}
