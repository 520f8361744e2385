/**
 * The rule applied to what people ask about their own work (labelling data
 * for a classifier, embeddings, evaluation, fine-tuning), and how its
 * wording changed between versions. Only what the terms' text supports;
 * every case says it is not legal advice.
 */
import { QUOTE_BUSINESS, QUOTE_SA_2025, QUOTE_TOU_2023, QUOTE_TOU_2024 } from "./policy-quotes.ts";
import type { Fact } from "./schema.ts";
import { BUSINESS, CNN, REPORT, SA_2025, TOU_2023, TOU_2024 } from "./source-ids.ts";

export const policyCaseFacts: Fact[] = [
  {
    id: "policy.case.classifier",
    topic: "policy",
    statement:
      "The 2025 Services Agreement exempts models mainly meant to categorize, classify or organize data if they are not distributed or made commercially available to third parties; the November 2023 Business Terms had a similar carve-out. Labelling data with GPT output for an in-house classifier fits that text. Not legal advice: read the current terms.",
    questions: [
      "Can I use GPT-4 to label data for an internal classifier?",
      "Can I train a classifier on GPT output?",
      "Can I train an in-house classifier on GPT labels?",
      "Is labelling data with ChatGPT allowed?",
      "Can I use GPT output to label my training data?",
      "using gpt to annotate data for a classifier, allowed?",
      "Is a spam classifier trained on GPT output OK?",
      "Can my company build an internal classifier with OpenAI output?",
      "Can I sell a classifier trained on GPT output?",
      "Is using GPT for data labelling against the terms?",
      "Can I use GPT-4 labels to train a sentiment model?",
      "labeling data w/ gpt4 for internal model ok?",
    ],
    entities: ["OpenAI", "Services Agreement", "Business Terms"],
    kind: "yesno",
    firmness: "primary",
    claims: [
      {
        ask: "Does OpenAI's rule forbid in-house classifiers trained on its output?",
        answer: "no",
      },
      {
        ask: "Is an internal classifier trained on GPT labels a Permitted Exception?",
        answer: "yes",
      },
      {
        ask: "Does the exception cover a classifier sold to other companies?",
        answer: "no",
      },
    ],
    related: ["policy.case.embeddings", "policy.exceptions", "policy.not-legal-advice"],
    citations: [{ source: SA_2025, quote: QUOTE_SA_2025 }, { source: BUSINESS }],
  },
  {
    id: "policy.case.embeddings",
    topic: "policy",
    statement:
      "The 2025 Services Agreement's first Permitted Exception covers models mainly meant to categorize, classify or organize data, such as embeddings models, if they are not distributed or made commercially available to third parties. An embeddings model you sell or share is not covered by it. Not legal advice: read the current terms.",
    questions: [
      "Can I train an embeddings model on OpenAI output?",
      "Are embeddings allowed under OpenAI's terms?",
      "Can I use OpenAI output to build embeddings?",
      "Can I distill OpenAI embeddings into my own model?",
      "Is training a retrieval embedder on GPT data OK?",
      "Can I sell an embeddings model trained on GPT output?",
      "embeddings exception openai terms",
      "Does the ban cover embedding models?",
      "Can I make my own text embeddings from GPT outputs?",
      "Can I share an embeddings model built from OpenAI output?",
    ],
    entities: ["OpenAI", "Services Agreement"],
    kind: "yesno",
    firmness: "primary",
    claims: [
      {
        ask: "Does the competing-models ban forbid embeddings models kept in-house?",
        answer: "no",
      },
      {
        ask: "Is an embeddings model sold to third parties covered by the Permitted Exception?",
        answer: "no",
      },
    ],
    related: ["policy.case.classifier", "policy.exceptions", "policy.not-legal-advice"],
    citations: [{ source: SA_2025 }],
  },
  {
    id: "policy.case.evaluation",
    topic: "policy",
    statement:
      "The clause and its Permitted Exceptions, as we hold them, do not mention evaluating models: the ban is on using output to develop competing models. The Verge reported ByteDance used the API to train and evaluate Project Seed; ByteDance told CNN it used GPT only in evaluation and testing. Not legal advice: read the current terms.",
    questions: [
      "Can I use GPT to evaluate my own model?",
      "Is benchmarking my model with GPT-4 allowed?",
      "Can I use GPT-4 as a judge for my LLM?",
      "Is using GPT to grade my model's answers OK?",
      "Does the ban cover evaluating models with GPT?",
      "using chatgpt to test my model, allowed?",
      "Is LLM-as-a-judge with GPT against OpenAI's terms?",
      "Can I compare my model's output against GPT?",
      "Is evaluation a Permitted Exception?",
      "Can GPT be used to score a competitor model?",
    ],
    entities: ["OpenAI", "Services Agreement", "ByteDance"],
    kind: "yesno",
    firmness: "primary",
    claims: [
      { ask: "Is evaluating a model with GPT one of the Permitted Exceptions?", answer: "no" },
    ],
    related: ["policy.exceptions", "incident.bytedance.cnn", "policy.not-legal-advice"],
    citations: [
      { source: SA_2025, quote: QUOTE_SA_2025 },
      { source: TOU_2023 },
      { source: REPORT },
      { source: CNN },
    ],
  },
  {
    id: "policy.case.fine-tuning",
    topic: "policy",
    statement:
      "Fine-tuning or customizing models through OpenAI's own services is the second Permitted Exception in the 2025 Services Agreement, new compared with the 2023 Business Terms as summarised. Training an open model on GPT output elsewhere is not that exception; the ban then turns on whether it competes with OpenAI. Not legal advice: read the current terms.",
    questions: [
      "Is fine-tuning through OpenAI allowed?",
      "Is fine-tuning allowed?",
      "Can I fine-tune GPT through OpenAI?",
      "Can I fine-tune an OpenAI model on my own data?",
      "Does the fine-tuning exception cover open-source models?",
      "fine tune gpt-4o via openai api, allowed?",
      "Can I customize GPT models through OpenAI's platform?",
      "Is fine-tuning Llama on GPT output covered by the exception?",
      "When was the fine-tuning exception added?",
      "Is the OpenAI fine-tuning API a Permitted Exception?",
    ],
    entities: ["OpenAI", "Services Agreement"],
    kind: "yesno",
    firmness: "primary",
    claims: [
      {
        ask: "Is fine-tuning through OpenAI's own services a Permitted Exception?",
        answer: "yes",
      },
      {
        ask: "Does the fine-tuning exception cover training an open model on GPT output elsewhere?",
        answer: "no",
      },
    ],
    related: ["policy.exceptions", "policy.changes-2025", "policy.not-legal-advice"],
    citations: [{ source: SA_2025 }, { source: BUSINESS }],
  },
  {
    id: "policy.compare.tou-2023-vs-business-terms",
    topic: "policy",
    statement:
      "The March 2023 Terms of Use barred using output to develop models that compete with OpenAI. The November 2023 Business Terms, as reported, bar using it to develop any AI models that compete with OpenAI's products and services, and exempt classifiers and embeddings not offered to third parties.",
    questions: [
      "How did the wording change from the 2023 ToU to the Business Terms?",
      "March 2023 Terms of Use vs November 2023 Business Terms",
      "What's the difference between the ToU and the Business Terms?",
      "Did the Business Terms change the competing-models clause?",
      "Compare the 2023 terms of use and business terms wording",
      "Is the Business Terms clause broader than the ToU clause?",
      "old vs new wording of the competing models rule",
      "What changed in November 2023?",
      "Do the ToU and Business Terms say the same thing?",
      "Why do the quotes of the rule differ?",
    ],
    entities: ["OpenAI", "Terms of Use", "Business Terms"],
    kind: "what",
    firmness: "secondary",
    claims: [
      {
        ask: "Is the Business Terms wording the same as the March 2023 Terms of Use?",
        answer: "no",
      },
    ],
    related: ["policy.tou-2023", "policy.business-terms-2023", "policy.split-2024"],
    citations: [
      { source: TOU_2023, quote: QUOTE_TOU_2023 },
      { source: BUSINESS, quote: QUOTE_BUSINESS },
    ],
  },
  {
    id: "policy.split-2024",
    topic: "policy",
    statement:
      "On January 31, 2024 OpenAI's rules split by customer: API and business use moved to the Business Terms, while individuals came under new Terms of Use. Both carry the ban; the individuals' version forbids using output to develop models that compete with OpenAI.",
    questions: [
      "What changed on January 31, 2024?",
      "Which terms apply to API customers after January 2024?",
      "Are API users and ChatGPT users under different terms?",
      "Did the rules split between individuals and businesses?",
      "What happened to OpenAI's terms in 2024?",
      "2024 terms of use vs business terms",
      "Which OpenAI terms cover businesses and which cover individuals?",
      "Do ChatGPT users and API customers have the same rule?",
      "When did the Business Terms replace the Terms of Use for the API?",
      "Which contract did API customers move to in 2024?",
    ],
    entities: ["OpenAI", "Terms of Use", "Business Terms"],
    kind: "what",
    firmness: "primary",
    claims: [
      { ask: "Did API customers move to the Business Terms on January 31, 2024?", answer: "yes" },
    ],
    related: ["policy.tou-2024", "policy.business-terms-2023", "policy.changes-2025"],
    citations: [{ source: TOU_2024, quote: QUOTE_TOU_2024 }, { source: BUSINESS }],
  },
];
