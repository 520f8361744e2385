import { getEngine } from "../src/answer/index.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { keepReply, makeReply, type Reply } from "../src/core/reply.ts";
import { SECONDARY_MARK, sourceLine } from "../src/facts/citation.ts";

export const sources = defineCommand({
  name: "sources",
  description: "List the reports and policy documents every answer comes from",
  options: {},
  examples: ["sources"],
  run() {
    kept ??= sourcesReply();
    return kept;
  },
});

/** The list depends on the fact module alone: built on first use, then kept. */
let kept: Reply | undefined;

function sourcesReply(): Reply {
  const list = getEngine().sources;
  return keepReply(
    makeReply({
      kind: "sources",
      title: "Where my answers come from",
      paragraphs: [
        `Every answer names its source. Sources marked "${SECONDARY_MARK}" are ones I don't hold in full: I know them only from other outlets' reports. A link marked "current page" opens today's version of a policy, not the dated one.`,
      ],
      bullets: list.map(sourceLine),
      citations: list.map((s) => ({
        sourceId: s.id,
        publisher: s.publisher,
        title: s.title,
        date: s.date,
        ...(s.url ? { url: s.url } : {}),
        ...(s.url && s.urlNote ? { urlNote: s.urlNote } : {}),
        ...(s.secondary ? { secondary: true } : {}),
      })),
      replay: "sources",
    }),
  );
}
