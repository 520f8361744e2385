import type { ExpandedCitation } from "../facts/citation.ts";

export type Citation = ExpandedCitation;

/** A quote an answer rests on, with who said or wrote it. */
export interface Quote {
  text: string;
  speaker: string;
  sourceId: string;
}

/** The public JSON contract of `ask --json`: keep these fields stable (add, never remove). */
export interface Answer {
  answered: boolean;
  /** The point first: a direct yes/no where a fact settles it, then up to three facts; at most 600 characters. */
  answer: string;
  confidence: number;
  /** Fact ids the answer rests on. */
  facts: string[];
  citations: Citation[];
  /** The exact quotes among the citations, with their speakers. */
  quotes: Quote[];
  /** Up to three questions to ask next. */
  followUps: string[];
  /** Set on the friendly reply to small talk ("hi", "thanks"), which is no answer. */
  smallTalk?: true;
}

/** One turn of a conversation, as remembered for follow-ups ("why?", "and then?"). */
export interface Turn {
  question: string;
  facts: string[];
}
