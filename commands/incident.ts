import { getEngine } from "../src/answer/index.ts";
import { makeReply } from "../src/core/reply.ts";
import { whenAndWhat } from "../src/facts/dates.ts";
import { bySource, type TopicSpec } from "./shared/replies.ts";
import { defineTopicCommand } from "./shared/topic-command.ts";

const INCIDENT_TOPICS: readonly TopicSpec[] = [
  {
    value: "summary",
    description: "What happened, in short",
    aliases: ["overview", "tldr", "what"],
    title: "OpenAI suspends ByteDance's API account",
    facts: ["incident.summary", "incident.suspension-date"],
  },
  {
    value: "timeline",
    description: "The dates, from early 2023 to now",
    aliases: ["dates", "when", "history"],
    title: "Timeline",
    facts: [],
    picture: "timeline",
  },
  {
    value: "parties",
    description: "Who is involved: OpenAI, ByteDance, Microsoft, The Verge",
    aliases: ["who", "people", "companies"],
    title: "Who is involved",
    facts: [
      "incident.parties",
      "incident.parties.openai",
      "incident.parties.bytedance",
      "incident.parties.microsoft",
      "incident.parties.the-verge",
    ],
  },
  {
    value: "evidence",
    description: "What The Verge found: Project Seed and the internal messages",
    aliases: ["proof", "documents", "seed"],
    title: "The evidence",
    facts: [
      "incident.project-seed",
      "incident.employees-knew",
      "incident.bytedance.lark",
      "incident.usage-minimal",
      "incident.confirmed-vs-alleged",
    ],
  },
  {
    value: "reason",
    description: "Why OpenAI suspended the account",
    aliases: ["why"],
    title: "Why OpenAI suspended ByteDance",
    facts: [
      "incident.suspension",
      "incident.reason",
      "policy.in-force-dec-2023",
      "incident.faux-pas",
      "incident.why-suspend-if-minimal",
    ],
  },
  {
    value: "statement",
    description: "What OpenAI said, and who said it",
    aliases: ["openai", "quote", "spokesperson"],
    title: "OpenAI's statement",
    facts: ["incident.statement", "incident.spokesperson"],
  },
  {
    value: "bytedance-response",
    description: "What ByteDance said in reply",
    aliases: ["bytedance", "response", "reply", "denial"],
    title: "ByteDance's response",
    facts: [
      "incident.bytedance.response",
      "incident.bytedance.jodi-seth",
      "incident.bytedance.cnn",
      "incident.bytedance.statement-zh",
      "incident.bytedance.early-experiments",
      "incident.bytedance.april-checks",
      "incident.bytedance.september-review",
      "incident.bytedance.licence",
    ],
  },
  {
    value: "bytedance-ai",
    description: "ByteDance's own AI: Doubao, Skylark, and TikTok's role",
    aliases: ["doubao", "skylark", "products", "tiktok"],
    title: "ByteDance's own AI",
    facts: [
      "incident.bytedance.skylark",
      "incident.bytedance.doubao",
      "incident.bytedance.outside-china",
      "incident.bytedance.tiktok",
      "incident.seed-outcome",
    ],
  },
  {
    value: "coverage",
    description: "Who reported it, when, and what is confirmed or only alleged",
    aliases: ["press", "reports", "outlets", "reporting"],
    title: "The reporting",
    facts: [
      "incident.verge-report",
      "incident.coverage.verge-stories",
      "incident.coverage.outlets",
      "incident.coverage.cnn-story",
      "incident.ht-article",
      "incident.coverage.ht-byline",
      "incident.meta.sources",
    ],
  },
  {
    value: "next",
    description: "What happened next, and what no source says",
    aliases: ["now", "status", "outcome", "after"],
    title: "What happened next",
    facts: [
      "incident.next-steps",
      "incident.reinstated",
      "incident.investigation-outcome",
      "incident.microsoft-decision",
      "incident.suspension-permanent",
      "incident.suspension-length",
      "incident.amount",
      "incident.legal-action",
      "incident.other-companies",
      "incident.region-block",
    ],
  },
];

/** "15 Dec 2023: label", or the label alone when it names its own date ("Early 2023: ..."). */
function timelineLine(when: { date: string; label: string }): string {
  const { when: date, what } = whenAndWhat(when);
  return `${date}: ${what}`;
}

export const incident = defineTopicCommand({
  name: "incident",
  description:
    "The ByteDance suspension: summary, timeline, parties, evidence, reason, statements, what's next",
  topics: INCIDENT_TOPICS,
  custom: {
    timeline(topic) {
      const engine = getEngine();
      const events = engine.timeline();
      const digest = engine.digest([...events.map((f) => f.id), "incident.reinstated"]);
      return makeReply({
        kind: "topic",
        title: topic.title,
        bullets: [
          ...events.flatMap((f) => (f.when ? [timelineLine(f.when)] : [])),
          "Not known: whether the account was ever reinstated or terminated, and what Microsoft decided. No source says.",
        ],
        citations: bySource(digest.citations),
        picture: topic.picture,
        replay: "incident timeline",
        meta: { answered: true, confidence: 1, facts: digest.facts.map((f) => f.id) },
      });
    },
  },
});
