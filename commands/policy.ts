import type { TopicSpec } from "./shared/replies.ts";
import { defineTopicCommand } from "./shared/topic-command.ts";

const NOT_LEGAL_ADVICE =
  "Not legal advice: this explains what OpenAI's terms say and how they were applied to ByteDance. Read the current terms for your own case.";

const POLICY_TOPICS: readonly TopicSpec[] = [
  {
    value: "rule",
    description: "OpenAI's rule against using its output to build competing models",
    aliases: ["terms", "ban", "tos"],
    title: "The rule: no competing models from OpenAI's output",
    facts: ["policy.rule", "policy.tou-2023", "policy.in-force-dec-2023"],
  },
  {
    value: "versions",
    description: "How the rule's wording changed, 2023 to 2025, with dates",
    aliases: ["history", "changes", "timeline", "dates"],
    title: "The rule over time",
    facts: [
      "policy.versions",
      "policy.tou-2023",
      "policy.business-terms-2023",
      "policy.compare.tou-2023-vs-business-terms",
      "policy.tou-2024",
      "policy.split-2024",
      "policy.services-agreement-2025",
      "policy.changes-2025",
    ],
    picture: "versions",
  },
  {
    value: "exceptions",
    description: "What the terms allow: classifiers, embeddings, fine-tuning",
    aliases: ["exception", "allowed", "permitted"],
    title: "Exceptions to the rule",
    facts: [
      "policy.exceptions",
      "policy.exceptions-2023",
      "policy.case.classifier",
      "policy.case.embeddings",
      "policy.case.evaluation",
      "policy.case.fine-tuning",
    ],
  },
  {
    value: "enforcement",
    description: "What OpenAI can do when the rule is broken",
    aliases: ["penalty", "penalties", "consequences"],
    title: "How OpenAI enforces its terms",
    facts: ["policy.enforcement", "policy.usage-policies", "incident.statement"],
  },
  {
    value: "microsoft",
    description: "Microsoft's and Azure's side of the rule",
    aliases: ["azure"],
    title: "Microsoft and Azure",
    facts: [
      "policy.microsoft",
      "policy.microsoft-azure",
      "incident.microsoft-route",
      "incident.microsoft-decision",
    ],
  },
  {
    value: "applies-to-me",
    description: "Can I train my own model on GPT output? (not legal advice)",
    aliases: ["me", "my-case", "can-i", "mine"],
    title: "Does the rule apply to me?",
    facts: ["policy.applies-to-me", "policy.exceptions", "policy.not-legal-advice"],
    note: NOT_LEGAL_ADVICE,
  },
];

export const policy = defineTopicCommand({
  name: "policy",
  description:
    "OpenAI's competing-models rule: the text, versions, exceptions, enforcement, Microsoft, you",
  topics: POLICY_TOPICS,
});
