import { getEngine } from "../src/answer/index.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { makeReply } from "../src/core/reply.ts";

export const sources = defineCommand({
  name: "sources",
  description: "List the reports and policy documents every answer comes from",
  options: {},
  examples: ["sources"],
  run() {
    const list = getEngine().sources;
    return makeReply({
      kind: "sources",
      title: "Where my answers come from",
      paragraphs: [
        "Every answer names its source. Reports marked secondary are ones other outlets reported and I don't hold in full.",
      ],
      bullets: list.map(
        (s) =>
          `${s.publisher}: "${s.title}" (${s.date}${s.dateNote ? `, ${s.dateNote}` : ""})${s.url ? ` ${s.url}` : " (no stable link)"}`,
      ),
      citations: list.map((s) => ({
        sourceId: s.id,
        publisher: s.publisher,
        title: s.title,
        date: s.date,
        ...(s.url ? { url: s.url } : {}),
      })),
      replay: "sources",
    });
  },
});
