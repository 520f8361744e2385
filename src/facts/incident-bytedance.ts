/**
 * ByteDance's side of the story and the names it uses. Much of it is known
 * only through other outlets (firmness "secondary"), and says so.
 */
import type { Fact } from "./schema.ts";

const CNN = "cnn-2023-12-19";
const ZH = "bytedance-2023-12-16";
const REPORT = "verge-2023-12-15-report";

export const bytedanceFacts: Fact[] = [
  {
    id: "incident.bytedance.response",
    topic: "incident",
    statement:
      "ByteDance says its use was small and licensed: it told CNN its engineers use GPT only to a small extent, for evaluation and testing, under a Microsoft licence; and, as reported from its Chinese statement, it says it follows OpenAI's terms and took GPT data out of training.",
    questions: [
      "How did ByteDance respond?",
      "What does ByteDance say?",
      "What is ByteDance's side of the story?",
      "Did ByteDance deny it?",
      "Did TikTok's parent admit using GPT?",
      "ByteDance's reaction to the ban",
    ],
    entities: ["ByteDance", "CNN", "Microsoft", "OpenAI"],
    kind: "what",
    firmness: "secondary",
    related: [
      "incident.bytedance.cnn",
      "incident.bytedance.statement-zh",
      "incident.bytedance.jodi-seth",
    ],
    citations: [{ source: CNN }, { source: ZH }],
  },
  {
    id: "incident.bytedance.jodi-seth",
    topic: "incident",
    statement:
      "As reported by The Decoder, ByteDance spokesperson Jodi Seth told The Verge that GPT-generated data was used to annotate the model early in Project Seed and was taken out of ByteDance's training data around mid-2023.",
    questions: [
      "What did Jodi Seth say?",
      "Who is Jodi Seth?",
      "What did ByteDance tell The Verge?",
      "When was GPT data removed from ByteDance's training data?",
      "Did ByteDance use GPT to annotate data?",
    ],
    entities: ["Jodi Seth", "ByteDance", "The Verge", "The Decoder", "Project Seed"],
    kind: "what",
    firmness: "secondary",
    related: ["incident.bytedance.april-checks", "incident.bytedance.response"],
    citations: [{ source: REPORT }],
    when: {
      date: "2023-06",
      label: "Mid-2023 (approximate): GPT-annotated data removed from training, per ByteDance",
    },
  },
  {
    id: "incident.bytedance.cnn",
    topic: "incident",
    statement:
      "On December 19, 2023, ByteDance told CNN that its engineers use GPT, alongside other third-party models, only to a very limited degree when evaluating and testing, and that Microsoft licenses it to use the GPT APIs.",
    questions: [
      "What did ByteDance tell CNN?",
      "Does ByteDance admit using GPT?",
      "Is ByteDance licensed to use GPT?",
      "Did Microsoft license GPT to ByteDance?",
      "ByteDance statement to CNN",
    ],
    entities: ["ByteDance", "CNN", "Microsoft"],
    kind: "what",
    firmness: "primary",
    related: ["incident.bytedance.outside-china", "incident.microsoft-route"],
    citations: [
      { source: CNN, quote: "to a very limited extent" },
      { source: CNN, quote: "ByteDance is licensed by Microsoft to use the GPT APIs." },
    ],
    when: {
      date: "2023-12-19",
      label: "ByteDance tells CNN it uses GPT only to a very limited extent",
    },
  },
  {
    id: "incident.bytedance.outside-china",
    topic: "incident",
    statement:
      "ByteDance told CNN that GPT powers some of its products and features in markets outside China, while Doubao, its chatbot offered only in China, runs on a model ByteDance built itself.",
    questions: [
      "Does ByteDance use GPT in its products?",
      "Does Doubao use GPT?",
      "Which ByteDance products run on GPT?",
      "Is Doubao built on OpenAI's models?",
      "Does ByteDance use OpenAI outside China?",
    ],
    entities: ["ByteDance", "Doubao", "CNN", "China"],
    kind: "what",
    firmness: "primary",
    related: ["incident.bytedance.doubao", "incident.seed-outcome"],
    citations: [{ source: CNN }],
  },
  {
    id: "incident.bytedance.statement-zh",
    topic: "incident",
    statement:
      "In a Chinese-language statement on December 16, 2023, as carried by Chinese media, ByteDance said it complies with OpenAI's terms and was contacting OpenAI to clear up what it called a misunderstanding.",
    questions: [
      "What did ByteDance's Chinese statement say?",
      "Does ByteDance say it follows OpenAI's terms?",
      "Did ByteDance call it a misunderstanding?",
      "Is ByteDance talking to OpenAI?",
      "ByteDance statement December 16",
    ],
    entities: ["ByteDance", "OpenAI"],
    kind: "what",
    firmness: "secondary",
    related: ["incident.bytedance.early-experiments", "incident.bytedance.april-checks"],
    citations: [{ source: ZH, quote: "misunderstanding" }],
    when: {
      date: "2023-12-16",
      label: "ByteDance's Chinese-language statement calls it a misunderstanding",
    },
  },
  {
    id: "incident.bytedance.early-experiments",
    topic: "incident",
    statement:
      "According to ByteDance's Chinese statement, some of its engineers used the GPT API early in 2023 in experiments on small test models, and those models were never launched.",
    questions: [
      "How did ByteDance say it used the GPT API?",
      "Were ByteDance's test models ever released?",
      "What were ByteDance's early GPT experiments?",
      "When did ByteDance start using GPT?",
    ],
    entities: ["ByteDance", "GPT"],
    kind: "what",
    firmness: "secondary",
    related: ["incident.bytedance.april-checks", "incident.seed-outcome"],
    citations: [{ source: ZH }],
    when: {
      date: "2023-01",
      label: "Early 2023: engineers try the GPT API on small test models, per ByteDance",
    },
  },
  {
    id: "incident.bytedance.april-checks",
    topic: "incident",
    statement:
      "ByteDance said in its Chinese statement that once it began compliance checks in April 2023, GPT-generated data was no longer allowed in its training sets.",
    questions: [
      "When did ByteDance ban GPT data from training?",
      "What compliance checks did ByteDance run?",
      "Did ByteDance stop training on GPT output?",
      "ByteDance April 2023 compliance review",
    ],
    entities: ["ByteDance", "GPT"],
    kind: "when",
    firmness: "secondary",
    related: ["incident.bytedance.september-review", "incident.bytedance.jodi-seth"],
    citations: [{ source: ZH }],
    when: {
      date: "2023-04",
      label: "April 2023: compliance checks bar GPT data from training, per ByteDance",
    },
  },
  {
    id: "incident.bytedance.september-review",
    topic: "incident",
    statement:
      "ByteDance's Chinese statement says a second review in September 2023 added safeguards, such as sampling its training data to check how closely it resembles GPT output.",
    questions: [
      "What did ByteDance's September 2023 review do?",
      "How does ByteDance check for GPT data?",
      "ByteDance September review",
      "Does ByteDance screen training data for GPT text?",
    ],
    entities: ["ByteDance", "GPT"],
    kind: "how",
    firmness: "secondary",
    related: ["incident.bytedance.april-checks", "incident.bytedance.response"],
    citations: [{ source: ZH }],
    when: {
      date: "2023-09",
      label: "September 2023: second internal review adds similarity checks, per ByteDance",
    },
  },
  {
    id: "incident.bytedance.doubao",
    topic: "incident",
    statement:
      "Doubao is ByteDance's ChatGPT-style chatbot, launched in China in August 2023, as reported in coverage of the affair. ByteDance told CNN it is offered only in China and runs on ByteDance's own model.",
    questions: [
      "What is Doubao?",
      "When did Doubao launch?",
      "Is Doubao available outside China?",
      "ByteDance chatbot name",
    ],
    entities: ["Doubao", "ByteDance", "China"],
    kind: "what",
    firmness: "secondary",
    related: ["incident.bytedance.outside-china", "incident.bytedance.skylark"],
    citations: [{ source: CNN }, { source: REPORT }],
    when: { date: "2023-08", label: "August 2023: ByteDance launches its Doubao chatbot in China" },
  },
  {
    id: "incident.bytedance.skylark",
    topic: "incident",
    statement:
      "Skylark is the name of ByteDance's own large language model, as reported in coverage of ByteDance's side. The sources we hold do not say how Skylark relates to Project Seed.",
    questions: [
      "What is Skylark?",
      "What is ByteDance's own AI model called?",
      "Is Skylark the same as Project Seed?",
      "Skylark model ByteDance",
    ],
    entities: ["Skylark", "ByteDance", "Project Seed"],
    kind: "what",
    firmness: "secondary",
    related: ["incident.project-seed", "incident.bytedance.doubao"],
    citations: [{ source: ZH }],
  },
  {
    id: "incident.bytedance.lark",
    topic: "incident",
    statement:
      "Lark is ByteDance's internal messaging platform. The Verge's report drew on conversations there in which employees discussed covering up their use of OpenAI's API.",
    questions: [
      "What is Lark?",
      "Where did ByteDance employees discuss it?",
      "Lark messaging ByteDance",
      "Which chat app did ByteDance staff use?",
    ],
    entities: ["Lark", "ByteDance", "The Verge"],
    kind: "what",
    firmness: "primary",
    related: ["incident.employees-knew", "incident.project-seed"],
    citations: [{ source: REPORT }],
  },
];
