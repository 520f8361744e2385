/**
 * Known unknowns: questions people ask that no source answers. Each is a
 * fact of its own so the bot can say "no source says" instead of guessing,
 * and each cites the source that documents the gap or what is known nearby.
 */
import type { Fact } from "./schema.ts";

const HT = "ht-2023-12-19";
const REPORT = "verge-2023-12-15-report";
const SUSPENSION = "verge-2023-12-15-suspension";

export const unknownFacts: Fact[] = [
  {
    id: "incident.reinstated",
    topic: "incident",
    statement:
      "No source says whether OpenAI later restored ByteDance's account or terminated it. What is known: OpenAI suspended it pending an investigation and said it could ask for changes or end the account.",
    questions: [
      "Was ByteDance's account reinstated?",
      "Is ByteDance still banned?",
      "Did OpenAI terminate ByteDance's account?",
      "Did ByteDance get its access back?",
      "Is the ban still in place?",
      "Was the account unbanned?",
    ],
    entities: ["OpenAI", "ByteDance"],
    kind: "yesno",
    firmness: "unknown",
    related: [
      "incident.investigation-outcome",
      "incident.suspension-length",
      "incident.region-block",
    ],
    citations: [{ source: SUSPENSION }],
  },
  {
    id: "incident.suspension-length",
    topic: "incident",
    statement:
      "No source says how long the suspension lasted or whether it ended. The sources only call it temporary, lasting while OpenAI investigates.",
    questions: [
      "How long did the suspension last?",
      "How long was ByteDance suspended for?",
      "When did the suspension end?",
      "Duration of the ByteDance ban?",
    ],
    entities: ["OpenAI", "ByteDance"],
    kind: "when",
    firmness: "unknown",
    related: ["incident.reinstated", "incident.suspension-date"],
    citations: [{ source: HT }, { source: SUSPENSION }],
  },
  {
    id: "incident.investigation-outcome",
    topic: "incident",
    statement:
      "No source reports what OpenAI's investigation found or whether it has finished. OpenAI only said that if ByteDance's use broke its policies, it would ask for changes or terminate the account.",
    questions: [
      "What did OpenAI's investigation find?",
      "Is the investigation over?",
      "What was the result of the investigation?",
      "Did OpenAI find ByteDance guilty?",
    ],
    entities: ["OpenAI", "ByteDance"],
    kind: "what",
    firmness: "unknown",
    related: ["incident.reinstated", "incident.next-steps"],
    citations: [{ source: SUSPENSION }],
  },
  {
    id: "incident.microsoft-decision",
    topic: "incident",
    statement:
      "No source says what Microsoft decided. The Verge put the question of whether Microsoft would cut off ByteDance as well, and we found no reply from Microsoft.",
    questions: [
      "Did Microsoft cut off ByteDance too?",
      "What did Microsoft decide?",
      "Did Azure suspend ByteDance?",
      "Did Microsoft respond?",
      "Is Microsoft still selling GPT access to ByteDance?",
    ],
    entities: ["Microsoft", "Azure", "ByteDance", "The Verge"],
    kind: "what",
    firmness: "unknown",
    related: ["incident.microsoft-route", "policy.microsoft-azure"],
    citations: [{ source: SUSPENSION }],
  },
  {
    id: "incident.amount",
    topic: "incident",
    statement:
      "No source says how much ByteDance paid for OpenAI access, how many API calls it made or how much data it generated. OpenAI called the use minimal; The Verge described staff hitting their API limits.",
    questions: [
      "How much did ByteDance pay for OpenAI access?",
      "How many API calls did ByteDance make?",
      "How much data did ByteDance take from GPT?",
      "How much did they spend on the API?",
    ],
    entities: ["ByteDance", "OpenAI"],
    kind: "what",
    firmness: "unknown",
    related: ["incident.usage-minimal", "incident.microsoft-route"],
    citations: [{ source: SUSPENSION }, { source: REPORT }],
  },
  {
    id: "incident.legal-action",
    topic: "incident",
    statement:
      "No source reports a lawsuit, a regulator stepping in or any other legal action over this, by OpenAI or anyone else. The only action documented is the account suspension.",
    questions: [
      "Did OpenAI sue ByteDance?",
      "Was there any legal action?",
      "Did regulators get involved?",
      "Is there a lawsuit between OpenAI and ByteDance?",
      "Will ByteDance face legal consequences?",
    ],
    entities: ["OpenAI", "ByteDance"],
    kind: "yesno",
    firmness: "unknown",
    related: ["incident.investigation-outcome", "policy.enforcement"],
    citations: [{ source: SUSPENSION }, { source: HT }],
  },
  {
    id: "incident.seed-outcome",
    topic: "incident",
    statement:
      "No source says whether Project Seed was released, or whether its final version or Doubao was trained on GPT data. ByteDance says GPT data was barred from training from April 2023 and that Doubao runs on its own model.",
    questions: [
      "Was Project Seed ever released?",
      "Is Doubao trained on GPT data?",
      "Did the final model use GPT output?",
      "What happened to Project Seed?",
      "Is Project Seed the model behind Doubao?",
    ],
    entities: ["Project Seed", "Doubao", "ByteDance"],
    kind: "yesno",
    firmness: "unknown",
    related: [
      "incident.project-seed",
      "incident.bytedance.april-checks",
      "incident.bytedance.doubao",
    ],
    citations: [
      { source: REPORT },
      { source: "cnn-2023-12-19" },
      { source: "bytedance-2023-12-16" },
    ],
  },
  {
    id: "incident.other-companies",
    topic: "incident",
    statement:
      "No source says whether OpenAI suspended any other company for using its output to build rival models; the sources we hold discuss only ByteDance.",
    questions: [
      "Were other companies suspended for the same thing?",
      "Has OpenAI banned anyone else for this?",
      "Is ByteDance the only company punished?",
      "Did other firms get kicked off for training on GPT?",
    ],
    entities: ["OpenAI"],
    kind: "yesno",
    firmness: "unknown",
    related: ["policy.enforcement", "policy.rule"],
    citations: [{ source: SUSPENSION }, { source: HT }],
  },
];
