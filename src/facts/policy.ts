/**
 * The policy behind the incident: OpenAI's rule against using its output to
 * build competing models, version by version, its exceptions and its
 * enforcement, and Microsoft's side. Policy wording only inside quotes.
 */
import type { Fact } from "./schema.ts";

const TOU_2023 = "openai-tou-2023-03-14";
const BUSINESS = "openai-business-terms-2023-11-14";
const USAGE = "openai-usage-policies-2023-03-23";
const SA_2025 = "openai-services-agreement-2025-05-31";

const QUOTE_TOU_2023 =
  "You may not ... (iii) use output from the Services to develop models that compete with OpenAI";
const QUOTE_BUSINESS =
  "use Output ... to develop any artificial intelligence models that compete with our products and services.";
const QUOTE_TOU_2024 = "Use Output to develop models that compete with OpenAI.";
const QUOTE_SA_2025 =
  "except for a Permitted Exception, use Output to develop artificial intelligence models that compete with OpenAI's products and services";

export const policyFacts: Fact[] = [
  {
    id: "policy.rule",
    topic: "policy",
    statement:
      "OpenAI's rule: customers may not use what its models produce to develop AI models that compete with OpenAI. Every version of its terms since at least March 2023 carries this ban, and the business terms add narrow exceptions.",
    questions: [
      "What is OpenAI's rule on competing models?",
      "Can you use OpenAI output to train a competitor?",
      "What do the ToS say about building rival models?",
      "OpenAI terms competing models",
      "Is distillation against OpenAI's terms?",
      "What does the policy say?",
    ],
    entities: ["OpenAI", "Terms of Use", "Services Agreement"],
    kind: "what",
    firmness: "primary",
    related: ["policy.versions", "policy.exceptions", "policy.applies-to-me"],
    citations: [
      { source: TOU_2023, quote: QUOTE_TOU_2023 },
      { source: SA_2025, quote: QUOTE_SA_2025 },
    ],
  },
  {
    id: "policy.tou-2023",
    topic: "policy",
    statement:
      "OpenAI's Terms of Use of March 14, 2023, in force in December 2023 and covering API use, list among their restrictions in section 2(c) that users may not use output from the services to develop models that compete with OpenAI.",
    questions: [
      "What did OpenAI's March 2023 Terms of Use say?",
      "Terms of Use section 2(c)",
      "2023 terms of use on competing models",
      "What did the ToS say at the time?",
      "Which clause bars competing models?",
    ],
    entities: ["OpenAI", "Terms of Use"],
    kind: "what",
    firmness: "primary",
    related: ["policy.in-force-dec-2023", "policy.business-terms-2023", "policy.versions"],
    citations: [{ source: TOU_2023, quote: QUOTE_TOU_2023 }],
    when: {
      date: "2023-03-14",
      label: "OpenAI's Terms of Use updated; they bar using output for competing models",
    },
  },
  {
    id: "policy.in-force-dec-2023",
    topic: "policy",
    statement:
      "At the time of the suspension, API customers were under OpenAI's Terms of Use of March 14, 2023. The Business Terms whose wording the press quoted were published in November 2023 but took effect only on January 31, 2024.",
    questions: [
      "Which OpenAI terms applied in December 2023?",
      "Which version of the terms did ByteDance break?",
      "Were the Business Terms in force at the time?",
      "What terms governed the API in 2023?",
    ],
    entities: ["OpenAI", "Terms of Use", "Business Terms", "ByteDance"],
    kind: "what",
    firmness: "primary",
    related: ["policy.tou-2023", "policy.business-terms-2023", "incident.reason"],
    citations: [{ source: TOU_2023 }, { source: BUSINESS }],
  },
  {
    id: "policy.business-terms-2023",
    topic: "policy",
    statement:
      "OpenAI's Business Terms, published November 14, 2023 and in force from January 31, 2024, govern API and business use. As reported by The Verge and the Hindustan Times, they bar using output to develop any AI models that compete with OpenAI's products and services.",
    questions: [
      "What do OpenAI's Business Terms say?",
      "Business Terms November 2023",
      "What wording did The Verge quote from OpenAI's terms?",
      "When did the Business Terms take effect?",
    ],
    entities: ["OpenAI", "Business Terms"],
    kind: "what",
    firmness: "secondary",
    related: [
      "policy.exceptions-2023",
      "policy.services-agreement-2025",
      "policy.in-force-dec-2023",
    ],
    citations: [{ source: BUSINESS, quote: QUOTE_BUSINESS }, { source: "verge-2023-12-15-report" }],
    when: {
      date: "2023-11-14",
      label: "OpenAI publishes its Business Terms (in force 2024-01-31)",
    },
  },
  {
    id: "policy.exceptions-2023",
    topic: "policy",
    statement:
      "According to the summary we hold (no full copy is stored), the November 2023 Business Terms exempted models mainly meant to categorize, classify or organize data, such as embeddings and classifiers, as long as they were not distributed or sold to third parties.",
    questions: [
      "What exceptions did the 2023 Business Terms allow?",
      "Were classifiers allowed under the Business Terms?",
      "Business Terms exception for embeddings",
      "Could you train a classifier on GPT output in 2024?",
    ],
    entities: ["OpenAI", "Business Terms"],
    kind: "what",
    firmness: "secondary",
    related: ["policy.exceptions", "policy.changes-2025"],
    citations: [{ source: BUSINESS }],
  },
  {
    id: "policy.tou-2024",
    topic: "policy",
    statement:
      "OpenAI's Terms of Use for individuals, in force from January 31, 2024, keep the ban: individual users may not use output to develop models that compete with OpenAI.",
    questions: [
      "What do the 2024 Terms of Use say?",
      "Does the ban apply to individual ChatGPT users?",
      "Terms of Use for individuals January 2024",
      "Can a personal ChatGPT user train a rival model?",
    ],
    entities: ["OpenAI", "Terms of Use", "ChatGPT"],
    kind: "what",
    firmness: "primary",
    related: ["policy.versions", "policy.applies-to-me"],
    citations: [{ source: "openai-tou-2024-01-31", quote: QUOTE_TOU_2024 }],
    when: { date: "2024-01-31", label: "OpenAI's new Terms of Use for individuals take effect" },
  },
  {
    id: "policy.services-agreement-2025",
    topic: "policy",
    statement:
      "OpenAI's Services Agreement, effective May 31, 2025, replaced the Business Terms. Its section 3.3(e) bars using output to develop AI models that compete with OpenAI's products and services unless a Permitted Exception applies.",
    questions: [
      "What does OpenAI's 2025 Services Agreement say?",
      "What are OpenAI's current rules on competing models?",
      "Services Agreement 3.3(e)",
      "What replaced the Business Terms?",
      "What's the latest version of the rule?",
    ],
    entities: ["OpenAI", "Services Agreement"],
    kind: "what",
    firmness: "primary",
    related: ["policy.exceptions", "policy.changes-2025", "policy.enforcement"],
    citations: [{ source: SA_2025, quote: QUOTE_SA_2025 }],
    when: { date: "2025-05-31", label: "OpenAI's Services Agreement replaces the Business Terms" },
  },
  {
    id: "policy.changes-2025",
    topic: "policy",
    statement:
      "Compared with the 2023 Business Terms as reported, the 2025 Services Agreement keeps the ban and the exception for classifiers and embeddings not offered to third parties, and adds a second Permitted Exception: fine-tuning or customizing models through OpenAI's own services.",
    questions: [
      "What changed in the 2025 terms?",
      "How is the Services Agreement different from the Business Terms?",
      "What's new in OpenAI's 2025 policy?",
      "Did the rule change in 2025?",
    ],
    entities: ["OpenAI", "Services Agreement", "Business Terms"],
    kind: "what",
    firmness: "secondary",
    related: ["policy.exceptions", "policy.versions"],
    citations: [{ source: SA_2025 }, { source: BUSINESS }],
  },
  {
    id: "policy.versions",
    topic: "policy",
    statement:
      "The ban appears in four documents: the Terms of Use of March 14, 2023 (in force during the incident); the Business Terms, published November 14, 2023 and in force January 31, 2024; the Terms of Use for individuals from January 31, 2024; and the Services Agreement of May 31, 2025.",
    questions: [
      "How has OpenAI's competing-models rule changed over time?",
      "Which versions of OpenAI's terms ban competing models?",
      "History of the policy",
      "What versions of the terms are there?",
      "Timeline of OpenAI's terms",
    ],
    entities: ["OpenAI", "Terms of Use", "Business Terms", "Services Agreement"],
    kind: "when",
    firmness: "primary",
    related: ["policy.tou-2023", "policy.services-agreement-2025", "policy.changes-2025"],
    citations: [
      { source: TOU_2023 },
      { source: BUSINESS },
      { source: "openai-tou-2024-01-31" },
      { source: SA_2025 },
    ],
  },
  {
    id: "policy.exceptions",
    topic: "policy",
    statement:
      "The 2025 Services Agreement has two Permitted Exceptions: models mainly meant to categorize, classify or organize data, such as embeddings or classifiers, if not distributed or offered commercially to third parties; and fine-tuning or customizing models through OpenAI's own services.",
    questions: [
      "Are there exceptions to the competing-models rule?",
      "Can I train a classifier on GPT output?",
      "What are the Permitted Exceptions?",
      "Is fine-tuning allowed?",
      "Can I use OpenAI output to build embeddings?",
      "Any exceptions?",
    ],
    entities: ["OpenAI", "Services Agreement"],
    kind: "what",
    firmness: "primary",
    related: ["policy.applies-to-me", "policy.exceptions-2023", "policy.services-agreement-2025"],
    citations: [{ source: SA_2025 }],
  },
  {
    id: "policy.usage-policies",
    topic: "policy",
    statement:
      "OpenAI's usage policies of March 23, 2023 set out how its technology should be used, to keep it \"used for good\"; OpenAI's statement on ByteDance pointed to them. The competing-models ban itself sits in the terms, not in the usage policies.",
    questions: [
      "What are OpenAI's usage policies?",
      "Is the ban in the usage policies or the terms?",
      "Usage policies March 2023",
      "What policies did OpenAI say ByteDance must follow?",
    ],
    entities: ["OpenAI", "Usage policies"],
    kind: "what",
    firmness: "primary",
    related: ["policy.enforcement", "incident.statement", "policy.rule"],
    citations: [{ source: USAGE, quote: "used for good" }],
    when: { date: "2023-03-23", label: "OpenAI's usage policies updated" },
  },
  {
    id: "policy.enforcement",
    topic: "policy",
    statement:
      "When use breaks OpenAI's usage policies, OpenAI can first ask for changes, and serious or repeated breaches can end in suspension or termination; the 2025 Services Agreement also lets it limit or suspend access. That is the path OpenAI described for ByteDance.",
    questions: [
      "How does OpenAI enforce its terms?",
      "What happens if you break OpenAI's rules?",
      "Can OpenAI suspend my account?",
      "Penalties for violating the ToS?",
      "Can OpenAI terminate an account for this?",
    ],
    entities: ["OpenAI", "Usage policies", "Services Agreement"],
    kind: "how",
    firmness: "primary",
    related: ["incident.statement", "policy.usage-policies", "incident.reinstated"],
    citations: [{ source: USAGE }, { source: SA_2025 }],
  },
  {
    id: "policy.microsoft",
    topic: "policy",
    statement:
      "According to the summary we hold of Microsoft's consumer Services Agreement (effective September 30, 2023), it forbids using Microsoft's AI services, or their data, to build, train or improve a different AI service. Azure customers are under different product terms.",
    questions: [
      "What is Microsoft's policy on competing models?",
      "Does Microsoft have the same rule?",
      "Microsoft Services Agreement AI clause",
      "Does Microsoft ban training AI on its services' output?",
    ],
    entities: ["Microsoft", "Azure"],
    kind: "what",
    firmness: "secondary",
    related: ["policy.microsoft-azure", "incident.microsoft-route", "incident.microsoft-decision"],
    citations: [
      { source: "microsoft-services-agreement-2023-09-30" },
      { source: "verge-2023-12-15-report" },
    ],
  },
  {
    id: "policy.microsoft-azure",
    topic: "policy",
    statement:
      "No source we hold shows an Azure clause barring competing models. The Verge wrote that Microsoft has the same policy as OpenAI but quoted no clause, and Azure customers are under product terms separate from Microsoft's consumer agreement.",
    questions: [
      "Does Azure OpenAI ban building competing models?",
      "Do Azure OpenAI customers face the same ban?",
      "Which Azure clause did ByteDance break?",
      "Azure terms on competing models",
      "Did ByteDance break Microsoft's rules?",
    ],
    entities: ["Microsoft", "Azure", "ByteDance"],
    kind: "yesno",
    firmness: "unknown",
    related: ["policy.microsoft", "incident.microsoft-decision"],
    citations: [{ source: "verge-2023-12-15-report", quote: "has the same policy" }],
  },
  {
    id: "policy.applies-to-me",
    topic: "policy",
    statement:
      "If you use OpenAI's services, the current Services Agreement bars using output to build models that compete with OpenAI, unless a Permitted Exception fits, such as an in-house classifier or fine-tuning through OpenAI. Whether yours competes depends on your case; read the current terms. This is not legal advice.",
    questions: [
      "Can I use GPT output to train my own model?",
      "Does this rule apply to me?",
      "Can I fine-tune an open model on ChatGPT answers?",
      "Is it allowed to train on ChatGPT outputs?",
      "Can my startup use OpenAI output as training data?",
      "Am I allowed to distill GPT-4?",
    ],
    entities: ["OpenAI", "Services Agreement"],
    kind: "yesno",
    firmness: "primary",
    related: ["policy.exceptions", "policy.not-legal-advice", "policy.enforcement"],
    citations: [{ source: SA_2025, quote: QUOTE_SA_2025 }],
  },
  {
    id: "policy.not-legal-advice",
    topic: "policy",
    statement:
      "Incident Desk explains what OpenAI's terms say and how they were applied to ByteDance; it is not legal advice. For your own situation, read the current terms that apply to you.",
    questions: [
      "Is this legal advice?",
      "Can I rely on this for legal decisions?",
      "Should I talk to a lawyer?",
      "Legal advice disclaimer",
    ],
    entities: ["Incident Desk"],
    kind: "yesno",
    firmness: "primary",
    related: ["policy.applies-to-me", "policy.services-agreement-2025"],
    citations: [{ source: SA_2025 }],
  },
];
