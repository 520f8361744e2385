/**
 * The dispatch hook that feeds the unanswered record: only questions the
 * engine abstained on (meta.answered === false), never errors, rate-limited
 * or invalid requests, and only as normalized text with e-mail addresses,
 * phone and card numbers redacted and a hashed user.
 */
import { normalizeQuestion } from "../../answer/normalize.ts";
import type { HandledEvent } from "../../core/dispatch.ts";
import { hashUserId } from "../../core/hash-id.ts";
import { redactPersonalData } from "./redact.ts";
import type { UnansweredEntry } from "./store.ts";

export function createUnansweredRecorder(store: {
  record(entry: UnansweredEntry): void;
}): (event: HandledEvent) => void {
  return (event) => {
    const meta = event.reply.meta;
    if (meta?.answered !== false) return;
    // Typed options carry `question`; free text (Slack, console) carries `text`.
    const raw = event.options.question ?? event.options.text;
    if (typeof raw !== "string") return;
    const question = redactPersonalData(normalizeQuestion(raw));
    if (!question) return;
    store.record({
      question,
      userHash: hashUserId(event.who.platform, event.who.userId),
      platform: event.who.platform,
      nearMisses: meta.nearMisses ?? [],
    });
  };
}
