import { sourceLine } from "../facts/citation.ts";
import { makeReply, type Reply } from "./reply.ts";

/** The "Sources" button: the cited passages of a reply, with links. */
export function sourcesView(reply: Reply): Reply {
  if (reply.citations.length === 0) {
    return makeReply({
      kind: "sources",
      title: "Sources",
      paragraphs: ["This reply cites no sources."],
    });
  }
  return makeReply({
    kind: "sources",
    title: "Sources for this answer",
    bullets: reply.citations.map(sourceLine),
    quotes: reply.quotes,
    citations: reply.citations,
  });
}
