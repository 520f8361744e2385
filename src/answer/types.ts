import type { Citation } from "../core/reply.ts";

/** The public JSON contract of `ask --json`: keep these fields stable. */
export interface Answer {
  answered: boolean;
  /** One to three sentences, at most 400 characters; the point first. */
  answer: string;
  confidence: number;
  /** Fact ids the answer rests on. */
  facts: string[];
  citations: Citation[];
  /** Up to three questions to ask next. */
  followUps: string[];
}
