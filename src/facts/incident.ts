/**
 * The incident itself: what OpenAI did, why, who is involved and what was
 * said. ByteDance's side is in incident-bytedance.ts, the known unknowns in
 * incident-unknowns.ts. Statements are our own words; quotes only in citations.
 */
import type { Fact } from "./schema.ts";

const HT = "ht-2023-12-19";
const REPORT = "verge-2023-12-15-report";
const SUSPENSION = "verge-2023-12-15-suspension";

/** OpenAI's statement, word for word as The Verge printed it (HT's reprint differs slightly). */
export const OPENAI_STATEMENT =
  "All API customers must adhere to our usage policies to ensure that our technology is used for good. While ByteDance's use of our API was minimal, we have suspended their account while we further investigate. If we discover that their usage doesn't follow these policies, we will ask them to make necessary changes or terminate their account.";

export const incidentFacts: Fact[] = [
  {
    id: "incident.summary",
    topic: "incident",
    statement:
      "In December 2023 OpenAI suspended ByteDance's API account after The Verge reported that TikTok's owner had used OpenAI's models to help build its own large language model, Project Seed. OpenAI's terms bar using its output to build competing models; the account stays suspended while OpenAI investigates.",
    questions: [
      "What happened between OpenAI and ByteDance?",
      "What happened?",
      "Give me a summary of the ByteDance OpenAI incident",
      "tl;dr of the ByteDance ban",
      "What's the story with TikTok's parent and the ChatGPT maker?",
      "Explain the OpenAI ByteDance controversy",
    ],
    entities: ["OpenAI", "ByteDance", "The Verge", "Project Seed"],
    kind: "what",
    firmness: "primary",
    related: ["incident.reason", "incident.statement", "incident.bytedance.response"],
    citations: [{ source: HT }, { source: SUSPENSION }, { source: REPORT }],
  },
  {
    id: "incident.timeline",
    topic: "incident",
    statement:
      "Key dates: on December 15, 2023 The Verge published its report and OpenAI suspended ByteDance's account; ByteDance replied in a Chinese-language statement on December 16 and spoke to CNN on December 19; from July 9, 2024 OpenAI blocked API traffic from unsupported regions, China included.",
    questions: [
      "What is the timeline of the ByteDance suspension?",
      "Timeline of events",
      "What are the key dates?",
      "In what order did things happen?",
      "What happened when?",
    ],
    entities: ["OpenAI", "ByteDance", "The Verge", "CNN"],
    kind: "when",
    firmness: "primary",
    related: [
      "incident.suspension-date",
      "incident.bytedance.statement-zh",
      "incident.region-block",
    ],
    citations: [
      { source: SUSPENSION },
      { source: REPORT },
      { source: "bytedance-2023-12-16" },
      { source: "cnn-2023-12-19" },
      { source: "register-2024-06-25" },
    ],
  },
  {
    id: "incident.suspension",
    topic: "incident",
    statement:
      "Yes. OpenAI suspended the account ByteDance used for its API, the programming interface to OpenAI's models. The suspension is temporary: the account stays shut while OpenAI investigates how ByteDance used it.",
    questions: [
      "Did OpenAI suspend ByteDance's account?",
      "Was ByteDance banned by OpenAI?",
      "did openai kick bytedance off",
      "Is ByteDance's OpenAI API access suspended?",
      "Did the ChatGPT maker block TikTok's parent?",
      "Is the suspension permanent or temporary?",
    ],
    entities: ["OpenAI", "ByteDance"],
    kind: "yesno",
    firmness: "primary",
    related: ["incident.reason", "incident.suspension-date", "incident.reinstated"],
    citations: [{ source: SUSPENSION }, { source: HT }],
  },
  {
    id: "incident.suspension-date",
    topic: "incident",
    statement:
      "OpenAI suspended ByteDance's account on December 15, 2023, the same day The Verge published its report on ByteDance's use of OpenAI's technology.",
    questions: [
      "When did OpenAI suspend ByteDance?",
      "When was ByteDance banned?",
      "What date was the suspension?",
      "When did this happen?",
      "How quickly did OpenAI act after the report?",
    ],
    entities: ["OpenAI", "ByteDance", "The Verge"],
    kind: "when",
    firmness: "primary",
    related: ["incident.verge-report", "incident.suspension", "incident.suspension-length"],
    citations: [{ source: SUSPENSION }],
    when: { date: "2023-12-15", label: "OpenAI suspends ByteDance's API account" },
  },
  {
    id: "incident.reason",
    topic: "incident",
    statement:
      "OpenAI acted because The Verge, citing internal ByteDance documents, reported that ByteDance was developing a large language model of its own with OpenAI's technology. OpenAI's terms forbid using its output to develop AI models that compete with OpenAI.",
    questions: [
      "Why did OpenAI suspend ByteDance?",
      "why was bytedance banned",
      "What did ByteDance do wrong?",
      "Why did the ChatGPT maker cut off TikTok's owner?",
      "What was the reason for the suspension?",
      "Which rule did ByteDance violate?",
    ],
    entities: ["OpenAI", "ByteDance", "The Verge"],
    kind: "why",
    firmness: "primary",
    related: ["policy.rule", "incident.project-seed", "policy.in-force-dec-2023"],
    citations: [{ source: REPORT }, { source: HT }],
  },
  {
    id: "incident.project-seed",
    topic: "incident",
    statement:
      "Project Seed is the codename of ByteDance's foundational large language model. The Verge found that ByteDance leaned on OpenAI's API in almost every stage of building it, including to train the model and to evaluate it.",
    questions: [
      "What is Project Seed?",
      "What was ByteDance building with GPT?",
      "How did ByteDance use OpenAI's API?",
      "Which model did ByteDance train with GPT?",
      "What's the name of ByteDance's secret LLM?",
      "Did ByteDance use GPT to train its model?",
    ],
    entities: ["Project Seed", "ByteDance", "OpenAI", "The Verge"],
    kind: "what",
    firmness: "primary",
    related: ["incident.employees-knew", "incident.seed-outcome", "incident.bytedance.skylark"],
    citations: [
      {
        source: REPORT,
        quote:
          "during nearly every phase of development, including for training and evaluating the model.",
      },
    ],
  },
  {
    id: "incident.employees-knew",
    topic: "incident",
    statement:
      'Yes, according to The Verge: on Lark, ByteDance\'s internal chat tool, staff discussed how to "whitewash" the evidence through "data desensitization", and Project Seed workers used the API so heavily they kept running into their access limits.',
    questions: [
      "Did ByteDance employees know they were breaking the rules?",
      "Did ByteDance try to hide it?",
      "What is the evidence against ByteDance?",
      "What did ByteDance staff say on Lark?",
      "whitewash evidence data desensitization",
      "Was the misuse deliberate?",
    ],
    entities: ["ByteDance", "Lark", "Project Seed", "The Verge"],
    kind: "yesno",
    firmness: "primary",
    related: ["incident.bytedance.lark", "incident.project-seed", "incident.usage-minimal"],
    citations: [
      { source: REPORT, quote: "whitewash" },
      { source: REPORT, quote: "data desensitization" },
      {
        source: REPORT,
        quote:
          "The misuse is so rampant that Project Seed employees regularly hit their max allowance for API access.",
      },
      { source: HT },
    ],
  },
  {
    id: "incident.microsoft-route",
    topic: "incident",
    statement:
      "ByteDance bought most of its access to OpenAI's models through Microsoft's Azure cloud rather than from OpenAI directly. Microsoft is OpenAI's largest investor, and The Verge wrote that it \"has the same policy\" on competing models.",
    questions: [
      "How did ByteDance get access to OpenAI's models?",
      "Did ByteDance buy GPT through Microsoft?",
      "azure openai bytedance",
      "Where did TikTok's owner get its OpenAI access?",
      "Was Microsoft involved?",
      "Through which company did ByteDance use GPT?",
    ],
    entities: ["ByteDance", "Microsoft", "Azure", "OpenAI"],
    kind: "how",
    firmness: "primary",
    related: ["policy.microsoft", "incident.microsoft-decision", "policy.microsoft-azure"],
    citations: [{ source: REPORT, quote: "has the same policy" }, { source: HT }],
  },
  {
    id: "incident.faux-pas",
    topic: "incident",
    statement:
      "Apart from the contract, building your own model on top of another company's model is widely seen in the AI field as a breach of etiquette, a faux pas, as The Verge put it.",
    questions: [
      "Is it normal to train a model on another AI's output?",
      "Is using someone else's model to build yours frowned upon?",
      "faux pas",
      "What does the AI industry think of this?",
      "Is copying a rival's model considered bad practice?",
    ],
    entities: ["The Verge", "ByteDance"],
    kind: "what",
    firmness: "primary",
    related: ["incident.reason", "policy.rule"],
    citations: [{ source: REPORT }, { source: HT }],
  },
  {
    id: "incident.spokesperson",
    topic: "incident",
    statement:
      "OpenAI spokesperson Niko Felix confirmed the suspension, in a statement sent to The Verge after its report on ByteDance came out.",
    questions: [
      "Who confirmed the suspension?",
      "Who is Niko Felix?",
      "Who spoke for OpenAI?",
      "Did OpenAI confirm it?",
      "What's the OpenAI spokesperson's name?",
    ],
    entities: ["Niko Felix", "OpenAI", "The Verge"],
    kind: "who",
    firmness: "primary",
    related: ["incident.statement", "incident.verge-report"],
    citations: [{ source: SUSPENSION }, { source: HT }],
  },
  {
    id: "incident.statement",
    topic: "incident",
    statement:
      "OpenAI said every API customer must follow its usage policies, called ByteDance's use of the API minimal, and said the account was suspended during a further investigation; if the use breaks the policies, OpenAI will ask for changes or terminate the account.",
    questions: [
      "What did OpenAI say about the suspension?",
      "What was OpenAI's statement?",
      "What was OpenAI's official response?",
      "Exact quote from OpenAI?",
      "What did Niko Felix say?",
      "What did the ChatGPT maker tell The Verge?",
    ],
    entities: ["OpenAI", "Niko Felix", "ByteDance", "The Verge"],
    kind: "what",
    firmness: "primary",
    related: ["incident.spokesperson", "policy.usage-policies", "incident.next-steps"],
    citations: [{ source: SUSPENSION, quote: OPENAI_STATEMENT }, { source: HT }],
  },
  {
    id: "incident.usage-minimal",
    topic: "incident",
    statement:
      "OpenAI described ByteDance's use of its API as minimal, while The Verge's sources said Project Seed staff regularly used up their API allowance. Neither gives any figures.",
    questions: [
      "Was ByteDance's use of the API large?",
      "Did OpenAI say ByteDance's usage was minimal?",
      "How heavily did ByteDance use GPT?",
      "Was it a big deal or a small amount of use?",
    ],
    entities: ["OpenAI", "ByteDance", "Project Seed"],
    kind: "yesno",
    firmness: "primary",
    related: ["incident.amount", "incident.statement"],
    citations: [{ source: SUSPENSION }, { source: REPORT }],
  },
  {
    id: "incident.next-steps",
    topic: "incident",
    statement:
      "OpenAI's stated next step was its investigation: if ByteDance's use turned out to break its policies, OpenAI said it would ask ByteDance to make changes or would terminate the account. No source reports the result.",
    questions: [
      "What happens next for ByteDance?",
      "What will OpenAI do now?",
      "Could ByteDance lose its account for good?",
      "What's next?",
      "Can OpenAI terminate ByteDance's account?",
    ],
    entities: ["OpenAI", "ByteDance"],
    kind: "what",
    firmness: "primary",
    related: ["incident.investigation-outcome", "incident.reinstated", "incident.region-block"],
    citations: [{ source: SUSPENSION }],
  },
  {
    id: "incident.verge-report",
    topic: "incident",
    statement:
      "The story broke on December 15, 2023, when The Verge's Alex Heath reported, from internal ByteDance documents, that ByteDance was secretly using OpenAI's technology to build a rival model.",
    questions: [
      "When did The Verge report on ByteDance?",
      "When did the news break?",
      "What did The Verge report?",
      "What was The Verge's scoop?",
      "Where did the story come from?",
    ],
    entities: ["The Verge", "Alex Heath", "ByteDance", "OpenAI"],
    kind: "when",
    firmness: "primary",
    related: ["incident.parties.the-verge", "incident.project-seed", "incident.suspension-date"],
    citations: [{ source: REPORT }],
    when: {
      date: "2023-12-15",
      label: "The Verge reports ByteDance used OpenAI's API to build its own model",
    },
  },
  {
    id: "incident.ht-article",
    topic: "incident",
    statement:
      "The Hindustan Times summed up the affair on December 19, 2023, repeating The Verge's findings and OpenAI's statement. Its copy of the statement differs slightly in wording from the one The Verge printed.",
    questions: [
      "What did the Hindustan Times report?",
      "Hindustan Times article on ByteDance",
      "When did HT cover the suspension?",
      "Is the Hindustan Times quote of OpenAI exact?",
    ],
    entities: ["Hindustan Times", "The Verge", "OpenAI"],
    kind: "what",
    firmness: "primary",
    related: ["incident.statement", "incident.verge-report"],
    citations: [{ source: HT }, { source: SUSPENSION }],
    when: { date: "2023-12-19", label: "The Hindustan Times reports the suspension" },
  },
  {
    id: "incident.region-block",
    topic: "incident",
    statement:
      "From July 9, 2024, OpenAI began blocking API traffic from regions it does not support, China among them, as The Register reported in June 2024. Our sources do not link that move to the ByteDance case.",
    questions: [
      "When did OpenAI start blocking China from its API?",
      "Does OpenAI block API access from China?",
      "Can Chinese companies still use OpenAI's API?",
      "What happened after the suspension?",
      "OpenAI unsupported regions July 2024",
    ],
    entities: ["OpenAI", "China", "The Register"],
    kind: "when",
    firmness: "primary",
    related: ["incident.reinstated", "incident.next-steps"],
    citations: [{ source: "register-2024-06-25" }],
    when: {
      date: "2024-07-09",
      label: "OpenAI starts blocking API traffic from unsupported regions, China included",
    },
  },
  {
    id: "incident.parties",
    topic: "incident",
    statement:
      "Four parties: OpenAI, the ChatGPT maker that suspended the account; ByteDance, TikTok's China-based parent; Microsoft, OpenAI's largest investor and ByteDance's route to the models; and The Verge, which broke the story.",
    questions: [
      "Who is involved in the ByteDance suspension?",
      "Who are the parties?",
      "Which companies are involved?",
      "Who's who in this story?",
    ],
    entities: ["OpenAI", "ByteDance", "Microsoft", "The Verge"],
    kind: "who",
    firmness: "primary",
    related: [
      "incident.parties.openai",
      "incident.parties.bytedance",
      "incident.parties.microsoft",
    ],
    citations: [{ source: HT }, { source: REPORT }],
  },
  {
    id: "incident.parties.openai",
    topic: "incident",
    statement:
      "OpenAI is the San Francisco-based AI company that makes ChatGPT and sells access to its GPT models through an API. It is the company that suspended ByteDance's account.",
    questions: [
      "Who is OpenAI?",
      "What is OpenAI?",
      "Who is the ChatGPT maker?",
      "Which company suspended ByteDance?",
      "Who did the suspending?",
    ],
    entities: ["OpenAI", "ChatGPT"],
    kind: "who",
    firmness: "primary",
    related: ["incident.parties.bytedance", "incident.statement"],
    citations: [{ source: HT }],
  },
  {
    id: "incident.parties.bytedance",
    topic: "incident",
    statement:
      "ByteDance is the China-based company that owns TikTok. It was developing an in-house large language model, Project Seed, and its OpenAI API account is the one that was suspended.",
    questions: [
      "Who is ByteDance?",
      "What is ByteDance?",
      "Is ByteDance TikTok's parent company?",
      "Who got suspended?",
      "Which company was banned by OpenAI?",
    ],
    entities: ["ByteDance", "TikTok", "Project Seed"],
    kind: "who",
    firmness: "primary",
    related: ["incident.parties.openai", "incident.bytedance.response"],
    citations: [{ source: HT }, { source: REPORT }],
  },
  {
    id: "incident.parties.microsoft",
    topic: "incident",
    statement:
      "Microsoft is OpenAI's largest investor and the company through which ByteDance bought most of its access to OpenAI's models, via its Azure cloud.",
    questions: [
      "What is Microsoft's role?",
      "Who is Microsoft in this story?",
      "Why is Microsoft involved?",
      "How is Microsoft connected to the ByteDance case?",
    ],
    entities: ["Microsoft", "Azure", "OpenAI", "ByteDance"],
    kind: "who",
    firmness: "primary",
    related: ["incident.microsoft-route", "incident.microsoft-decision", "policy.microsoft"],
    citations: [{ source: REPORT }, { source: HT }],
  },
  {
    id: "incident.parties.the-verge",
    topic: "incident",
    statement:
      "The Verge, a US technology news site, broke the story: its deputy editor Alex Heath reported it in his Command Line newsletter.",
    questions: [
      "Who broke the story?",
      "Who is Alex Heath?",
      "What is The Verge?",
      "Which outlet revealed it?",
      "Who first reported ByteDance's use of GPT?",
    ],
    entities: ["The Verge", "Alex Heath", "Command Line"],
    kind: "who",
    firmness: "primary",
    related: ["incident.verge-report", "incident.spokesperson"],
    citations: [{ source: REPORT }, { source: HT }],
  },
];
