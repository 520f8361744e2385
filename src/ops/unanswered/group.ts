/**
 * Unanswered questions -> groups of similar questions, most asked first.
 * Similarity is the Jaccard overlap of the terms the engine matches on,
 * grouped greedily in a fixed order so the output is stable. Questions share
 * a group only above a similarity floor, and never on no shared term: "when"
 * and "thanks!" have no matching terms at all, and are not alike for that.
 * Wordings are shown exactly as stored.
 */
import { normalizeQuestion, tokenize } from "../../answer/index.ts";
import type { NearMiss } from "./store.ts";

export interface AskedQuestion {
  question: string;
  askedAt: number;
  nearMisses: NearMiss[];
}

export interface QuestionGroup {
  /** How many times questions of this group were asked. */
  count: number;
  /** The group's most asked wording. */
  representative: string;
  /** Up to a few other wordings, most asked first. */
  variants: string[];
  lastAskedAt: number;
  /** Facts the engine came closest with, most often first. */
  nearMisses: { id: string; count: number; bestScore: number }[];
}

export interface GroupOptions {
  /** The similarity floor: the Jaccard overlap a wording needs to join a group. */
  threshold?: number;
  maxVariants?: number;
  maxNearMisses?: number;
}

interface Wording {
  text: string;
  terms: Set<string>;
  count: number;
  lastAskedAt: number;
  nearMisses: NearMiss[][];
}

/** Overlap of two term sets, 0..1; 0 when they share nothing (two empty sets included). */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
}

/** The terms the engine matches a question on (the story's tokenizer). */
function termsOf(question: string): Set<string> {
  return new Set(tokenize(question));
}

/** Case, punctuation and spacing do not make a different wording. */
function wordingKey(question: string): string {
  return normalizeQuestion(question)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const byFrequency = (
  a: { count: number; lastAskedAt: number; text: string },
  b: { count: number; lastAskedAt: number; text: string },
) => b.count - a.count || b.lastAskedAt - a.lastAskedAt || a.text.localeCompare(b.text);

export function groupQuestions(
  asked: readonly AskedQuestion[],
  opts: GroupOptions = {},
): QuestionGroup[] {
  const threshold = opts.threshold ?? 0.5;
  const maxVariants = opts.maxVariants ?? 3;
  const maxNearMisses = opts.maxNearMisses ?? 3;

  // Identical wordings (ignoring case and spacing) first become one entry.
  const wordings = new Map<string, Wording>();
  for (const q of asked) {
    const text = q.question.trim();
    const key = wordingKey(text);
    if (!key) continue;
    let w = wordings.get(key);
    if (!w) {
      w = { text, terms: termsOf(text), count: 0, lastAskedAt: -1, nearMisses: [] };
      wordings.set(key, w);
    }
    w.count += 1;
    // Show the latest wording; the rule does not depend on the input order.
    if (q.askedAt > w.lastAskedAt || (q.askedAt === w.lastAskedAt && text < w.text)) {
      w.text = text;
      w.lastAskedAt = q.askedAt;
    }
    w.nearMisses.push(q.nearMisses);
  }

  // Greedy: the most asked wording founds a group; each later wording joins
  // the first group whose founder it resembles enough.
  const groups: Wording[][] = [];
  for (const w of [...wordings.values()].sort(byFrequency)) {
    const home = groups.find((g) => jaccard((g[0] as Wording).terms, w.terms) >= threshold);
    if (home) home.push(w);
    else groups.push([w]);
  }

  return groups
    .map((members): QuestionGroup & { text: string } => {
      const tally = new Map<string, { id: string; count: number; bestScore: number }>();
      for (const misses of members.flatMap((m) => m.nearMisses)) {
        for (const miss of misses) {
          const t = tally.get(miss.id) ?? { id: miss.id, count: 0, bestScore: 0 };
          t.count += 1;
          t.bestScore = Math.max(t.bestScore, miss.score);
          tally.set(miss.id, t);
        }
      }
      const representative = (members[0] as Wording).text;
      return {
        text: representative,
        count: members.reduce((n, m) => n + m.count, 0),
        representative,
        variants: members.slice(1, 1 + maxVariants).map((m) => m.text),
        lastAskedAt: Math.max(...members.map((m) => m.lastAskedAt)),
        nearMisses: [...tally.values()]
          .sort(
            (a, b) => b.count - a.count || b.bestScore - a.bestScore || a.id.localeCompare(b.id),
          )
          .slice(0, maxNearMisses),
      };
    })
    .sort(byFrequency)
    .map(({ text: _text, ...group }) => group);
}
