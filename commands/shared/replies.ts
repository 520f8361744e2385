/**
 * Answer and facts -> Reply. Shared by the commands so that an answer looks
 * the same whether it came from /ask, a topic or a follow-up button.
 */
import { type Answer, getEngine } from "../../src/answer/index.ts";
import {
  type Citation,
  type FollowUp,
  keepReply,
  makeReply,
  type PictureName,
  type Quote,
  type Reply,
} from "../../src/core/reply.ts";
import { quoteAttribution } from "../../src/facts/citation.ts";

/** Replay key that re-creates an answer from its facts (the hidden `fact` command). */
function factReplay(ids: readonly string[]): string {
  return `fact ${ids.join(",")}`;
}

/** Follow-up buttons; each question is the canonical question of a fact. */
function followUpsFor(questions: readonly string[]): FollowUp[] {
  const engine = getEngine();
  return questions.flatMap((question) => {
    const fact = engine.factForQuestion(question);
    return fact ? [{ question, replay: factReplay([fact.id]) }] : [];
  });
}

/** One citation per source, for the sources list; quotes are shown separately. */
export function bySource(citations: readonly Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of citations) {
    if (seen.has(c.sourceId)) continue;
    const { quote: _quote, quoteBy: _quoteBy, ...source } = c;
    seen.set(c.sourceId, source);
  }
  return [...seen.values()];
}

function quotesOf(citations: readonly Citation[]): Quote[] {
  return citations
    .filter((c): c is Citation & { quote: string } => Boolean(c.quote))
    .map((c) => ({ text: c.quote, attribution: quoteAttribution(c) }));
}

/** Longest title shown (Slack's header block takes 150 characters). */
const TITLE_MAX = 150;

/**
 * The questions the bot understood: each answering fact's own question, so an
 * answer of two or three facts ("doubao vs skylark vs lark") is not titled by
 * the first alone; as many as fit, then how many more.
 */
function titleFor(factIds: readonly string[]): string {
  const engine = getEngine();
  const questions = factIds.flatMap((id) => engine.canonicalQuestion(id) ?? []);
  const first = questions[0];
  if (!first) return "Answer";
  let title: string = first;
  for (let i = 1; i < questions.length; i++) {
    const next: string = `${title} / ${questions[i]}`;
    const more = ` (and ${questions.length - i} more)`;
    if (next.length + (i < questions.length - 1 ? more.length : 0) > TITLE_MAX)
      return `${title}${more}`;
    title = next;
  }
  return title;
}

/** The reply for an engine answer; the title is the question the bot understood. */
export function answerReply(answer: Answer, nearMisses?: NearMisses): Reply {
  if (!answer.answered) {
    return makeReply({
      kind: "abstain",
      title: answer.smallTalk ? "Incident Desk" : "I don't know that",
      paragraphs: [answer.answer],
      followUps: followUpsFor(answer.followUps),
      meta: { answered: false, confidence: answer.confidence, facts: [], nearMisses },
    });
  }
  return makeReply({
    kind: "answer",
    title: titleFor(answer.facts),
    paragraphs: [answer.answer],
    quotes: quotesOf(answer.citations),
    citations: bySource(answer.citations),
    followUps: followUpsFor(answer.followUps),
    replay: factReplay(answer.facts),
    meta: { answered: true, confidence: answer.confidence, facts: [...answer.facts] },
  });
}

export type NearMisses = { id: string; score: number }[];

const byAnswer = new WeakMap<Answer, Reply>();

/**
 * The reply kept with an answer from the engine's cache, which hands out the same Answer
 * object for the same question (see keepAnswerReply), if one was kept.
 */
export function keptAnswerReply(answer: Answer): Reply | undefined {
  return byAnswer.get(answer);
}

/**
 * Keeps the reply for an answer from the engine's cache with it, frozen, for everyone who
 * asks the same. Only for an answer that depends on the question alone: one that leaned on
 * a conversation is a new object each time and is never kept, so nothing of one user's
 * context is shared.
 */
export function keepAnswerReply(answer: Answer, reply: Reply): Reply {
  const kept = keepReply(reply);
  byAnswer.set(answer, kept);
  return kept;
}

export interface TopicSpec {
  /** The choice value, as typed: `/incident timeline`. */
  value: string;
  description: string;
  aliases?: string[];
  title: string;
  /** Fact ids whose statements make up the topic, in reading order. */
  facts: readonly string[];
  note?: string;
  /** A picture of the topic that platforms show with the text. */
  picture?: PictureName;
}

/** A topic reply: its facts one paragraph each, with every citation they carry. */
export function topicReply(command: string, topic: TopicSpec): Reply {
  const digest = getEngine().digest(topic.facts);
  return makeReply({
    kind: "topic",
    title: topic.title,
    paragraphs: digest.facts.map((f) => f.statement),
    quotes: quotesOf(digest.citations),
    citations: bySource(digest.citations),
    followUps: followUpsFor(digest.followUps),
    note: topic.note,
    picture: topic.picture,
    replay: `${command} ${topic.value}`,
    meta: { answered: true, confidence: 1, facts: digest.facts.map((f) => f.id) },
  });
}
