/** Reply -> plain text for a terminal. Control characters are stripped so no text can drive the terminal. */

import type { Reply } from "../../core/reply.ts";
import { cleanDisplayText } from "../../core/sanitize.ts";

export function renderText(reply: Reply): string {
  const lines: string[] = [];
  const add = (text: string) => lines.push(cleanDisplayText(text));
  add(`== ${reply.title} ==`);
  for (const p of reply.paragraphs) add(p);
  for (const b of reply.bullets) add(`  - ${b}`);
  for (const q of reply.quotes) add(`  "${q.text}" (${q.attribution})`);
  if (reply.note) add(`Note: ${reply.note}`);
  if (reply.citations.length && reply.kind !== "sources") {
    add("Sources:");
    for (const c of reply.citations) {
      const link = c.url ? ` <${c.url}>${c.urlNote ? ` (${c.urlNote})` : ""}` : "";
      add(`  [${c.publisher}, ${c.date}] ${c.title}${link}`);
    }
  }
  if (reply.followUps.length) {
    add(reply.kind === "abstain" ? "Try asking:" : "Ask next:");
    for (const f of reply.followUps) add(`  > ${f.question}`);
  }
  return lines.join("\n");
}
