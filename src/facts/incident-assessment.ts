/**
 * How firm the story is and what the suspension means: what is confirmed
 * and what only reported, why OpenAI acted although it called the use
 * minimal, and whether the suspension was permanent.
 */
import type { Fact } from "./schema.ts";
import { CNN, HT, REPORT, SUSPENSION, USAGE, ZH } from "./source-ids.ts";

export const assessmentFacts: Fact[] = [
  {
    id: "incident.confirmed-vs-alleged",
    topic: "incident",
    statement:
      "OpenAI confirmed two things: it suspended ByteDance's account, and it is investigating. That ByteDance used OpenAI's API to build its own model is The Verge's report, based on internal ByteDance documents. ByteDance disputes it: it told CNN it uses GPT only in a very limited way, for testing, and says it follows OpenAI's terms.",
    questions: [
      "What is confirmed and what is only alleged?",
      "Is this confirmed or just alleged?",
      "Isn't this just one outlet's word against ByteDance's?",
      "did they steal it or what",
      "Is it proven that ByteDance built a model with GPT?",
      "How much of the story is actually confirmed?",
      "Is it only The Verge's claim?",
      "fact or rumour: did bytedance really copy openai",
      "Did OpenAI confirm what The Verge reported?",
      "What does OpenAI confirm and what does ByteDance dispute?",
      "Is the ByteDance story true?",
      "is all this just allegations",
      "Who confirms what in this story?",
    ],
    entities: ["OpenAI", "ByteDance", "The Verge", "CNN"],
    kind: "what",
    firmness: "primary",
    claims: [
      { ask: "Did OpenAI confirm that ByteDance built a competing model?", answer: "no" },
      { ask: "Has ByteDance disputed The Verge's report?", answer: "yes" },
      { ask: "Is the story only The Verge's word?", answer: "no" },
    ],
    related: ["incident.statement", "incident.verge-report", "incident.bytedance.response"],
    citations: [
      { source: SUSPENSION },
      { source: REPORT },
      { source: CNN, quote: "to a very limited extent", quoteBy: "ByteDance" },
      { source: ZH },
    ],
  },
  {
    id: "incident.why-suspend-if-minimal",
    topic: "incident",
    statement:
      "OpenAI called ByteDance's use minimal but suspended the account anyway, saying every API customer must follow its usage policies. The suspension holds while it investigates; if the use breaks those policies, OpenAI said it would ask for changes or terminate the account.",
    questions: [
      "Why suspend ByteDance if the use was minimal?",
      "If the usage was minimal, why ban them at all?",
      "why'd openai bother if it was only minimal use",
      "Why act if ByteDance barely used the API?",
      "minimal use but still suspended, why?",
      "Doesn't calling it minimal contradict the suspension?",
      "Why such a harsh step for a small amount of use?",
      "why punish bytedance over minimal usage",
      "What was the point of suspending for small usage?",
      "Why did OpenAI suspend instead of just warning ByteDance?",
      "How can the use be minimal and still get them suspended?",
    ],
    entities: ["OpenAI", "ByteDance", "Niko Felix"],
    kind: "why",
    firmness: "primary",
    claims: [
      {
        ask: "Did OpenAI suspend ByteDance even though it called the use minimal?",
        answer: "yes",
      },
    ],
    related: ["incident.statement", "incident.usage-minimal", "policy.enforcement"],
    citations: [
      {
        source: SUSPENSION,
        quote: "we have suspended their account while we further investigate",
        quoteBy: "Niko Felix, OpenAI spokesperson",
      },
      { source: USAGE },
    ],
  },
  {
    id: "incident.suspension-permanent",
    topic: "incident",
    statement:
      "OpenAI described the suspension as temporary, not permanent: the account stays suspended while OpenAI investigates, and OpenAI said that if ByteDance's use broke its policies, it would ask for changes or terminate the account. Whether it was later lifted or made permanent, no source says.",
    questions: [
      "Was the suspension permanent?",
      "Is ByteDance banned for good?",
      "Is it a permanent ban?",
      "is bytedance banned forever",
      "Did OpenAI ban ByteDance permanently?",
      "Temporary or permanent suspension?",
      "was it just a temporary suspension",
      "Is the ban for life?",
      "Did ByteDance get a permanent ban?",
      "Is the suspension only temporary?",
      "Is the suspension permanent or temporary?",
      "is the bytedance ban temporary",
    ],
    entities: ["OpenAI", "ByteDance"],
    kind: "yesno",
    firmness: "primary",
    claims: [
      { ask: "Was the suspension permanent?", answer: "no" },
      { ask: "Was the suspension temporary?", answer: "yes" },
    ],
    related: ["incident.suspension-length", "incident.reinstated", "incident.next-steps"],
    citations: [{ source: SUSPENSION }, { source: HT }],
  },
];
