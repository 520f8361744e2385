/**
 * The dispatch hook that feeds the unanswered record: only questions the
 * engine abstained on (meta.answered === false), never errors, rate-limited
 * or invalid requests. The question is kept as the user wrote it, so the
 * operator reads it as asked, less what must not be kept or shown: invisible
 * and control characters, the ids inside platform mentions, and e-mail
 * addresses, phone and card numbers (redacted). The user is kept only as a
 * hash.
 */
import { MAX_QUESTION_LENGTH, normalizeQuestion } from "../../answer/index.ts";
import type { HandledEvent } from "../../core/dispatch.ts";
import { hashUserId } from "../../core/hash-id.ts";
import { stripInvisible } from "../../core/sanitize.ts";
import { redactPersonalData } from "./redact.ts";
import type { UnansweredEntry } from "./store.ts";

/** Discord <@123>, <@!123>, <@&123>, <#123>; Slack <@U123>, <#C1|name>, <!subteam^S1>. */
const MENTION = /<(?:[@#][!&]?[\w.|-]+|![\w^|-]+)>/g;

/** The question as stored and shown: as written, minus invisible characters, mention ids and personal data. */
function storedQuestion(raw: string): string {
  const cleaned = stripInvisible(raw.slice(0, MAX_QUESTION_LENGTH * 4))
    .replace(MENTION, "@someone")
    .replace(/\s+/g, " ")
    .trim();
  return redactPersonalData(cleaned).slice(0, MAX_QUESTION_LENGTH);
}

export function createUnansweredRecorder(store: {
  record(entry: UnansweredEntry): void;
}): (event: HandledEvent) => void {
  return (event) => {
    const meta = event.reply.meta;
    if (meta?.answered !== false) return;
    // Typed options carry `question`; free text (Slack, console) carries `text`.
    const raw = event.options.question ?? event.options.text;
    if (typeof raw !== "string" || !normalizeQuestion(raw)) return;
    const question = storedQuestion(raw);
    if (!question) return;
    store.record({
      question,
      userHash: hashUserId(event.who.platform, event.who.userId),
      platform: event.who.platform,
      nearMisses: meta.nearMisses ?? [],
    });
  };
}
