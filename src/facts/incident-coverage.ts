/**
 * Questions about the coverage itself: which outlets reported what, their
 * headlines and bylines, and where the bot's answers come from. Headlines
 * are read from sources.ts so each is written once.
 */
import type { Fact } from "./schema.ts";
import {
  BUSINESS,
  CNN,
  HT,
  MICROSOFT_SA,
  REGISTER,
  REPORT,
  SA_2025,
  SUSPENSION,
  TOU_2023,
  ZH,
} from "./source-ids.ts";
import { sources } from "./sources.ts";

function titleOf(id: string): string {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new Error(`incident-coverage: no source "${id}"`);
  return source.title;
}

export const coverageFacts: Fact[] = [
  {
    id: "incident.coverage.outlets",
    topic: "incident",
    statement:
      "Four outlets' reports are behind the answers: The Verge broke the story on December 15, 2023 and reported the suspension the same day; CNN Business carried ByteDance's reply on December 19; the Hindustan Times summed up the affair that day; The Register reported OpenAI's 2024 block on unsupported regions.",
    questions: [
      "Which outlets reported the story?",
      "Who covered the OpenAI ByteDance story?",
      "which news sites wrote about this",
      "What media reported on the ByteDance suspension?",
      "Which publications covered it?",
      "Where was this reported?",
      "Name the outlets that covered the ByteDance ban",
      "Did any big outlets report this?",
      "which newspapers covered bytedance and openai",
      "What press coverage is there?",
      "Did CNN cover the story?",
    ],
    entities: ["The Verge", "CNN", "Hindustan Times", "The Register"],
    kind: "who",
    firmness: "primary",
    claims: [{ ask: "Did CNN cover the story?", answer: "yes" }],
    related: [
      "incident.coverage.verge-stories",
      "incident.coverage.ht-byline",
      "incident.meta.sources",
    ],
    citations: [
      { source: REPORT },
      { source: SUSPENSION },
      { source: CNN },
      { source: HT },
      { source: REGISTER },
    ],
  },
  {
    id: "incident.coverage.verge-stories",
    topic: "incident",
    statement: `Alex Heath wrote both of The Verge's stories, published on December 15, 2023: the original report, headlined "${titleOf(REPORT)}", and the follow-up, "${titleOf(SUSPENSION)}".`,
    questions: [
      "What was the headline of the original story?",
      "What was The Verge's headline?",
      "Who wrote the Verge articles and when?",
      "What were the titles of The Verge's stories?",
      "headline of the verge scoop",
      "What did The Verge call its story?",
      "Who is the author of the original report?",
      "byline of the verge story",
      "When were The Verge's articles published?",
      "What was the title of the suspension article?",
      "Which Verge articles are the sources?",
    ],
    entities: ["The Verge", "Alex Heath"],
    kind: "what",
    firmness: "primary",
    claims: [{ ask: "Did Alex Heath write both Verge stories?", answer: "yes" }],
    related: ["incident.verge-report", "incident.parties.the-verge", "incident.coverage.outlets"],
    citations: [{ source: REPORT }, { source: SUSPENSION }],
  },
  {
    id: "incident.coverage.ht-byline",
    topic: "incident",
    statement: `The Hindustan Times piece, "${titleOf(HT)}", is credited to the HT News Desk in New Delhi and was published on December 19, 2023 at 10:58 IST.`,
    questions: [
      "Who wrote the Hindustan Times piece and when?",
      "Who is the author of the HT article?",
      "What was the Hindustan Times headline?",
      "When was the HT article published?",
      "byline of the hindustan times story",
      "What time did the Hindustan Times publish it?",
      "Which HT desk wrote the article?",
      "What is the title of the HT article?",
      "who wrote the ht story",
      "Hindustan Times article title and date",
    ],
    entities: ["Hindustan Times"],
    kind: "who",
    firmness: "primary",
    claims: [{ ask: "Was the Hindustan Times article written by a named reporter?", answer: "no" }],
    related: ["incident.ht-article", "incident.coverage.outlets"],
    citations: [{ source: HT }],
  },
  {
    id: "incident.coverage.cnn-story",
    topic: "incident",
    statement: `CNN Business reported ByteDance's reply on December 19, 2023, headlined "${titleOf(CNN)}". Our link is a syndicated copy on a local station's site, ktvz.com, since we hold no cnn.com address.`,
    questions: [
      "What was CNN's headline?",
      "What did CNN title its story?",
      "When did CNN report ByteDance's response?",
      "Why does the CNN link go to ktvz.com?",
      "cnn article on bytedance and openai",
      "Is the CNN link the original CNN page?",
      "What is ktvz.com?",
      "cnn headline tiktok parent",
      "Where can I read the CNN story?",
    ],
    entities: ["CNN"],
    kind: "what",
    firmness: "primary",
    claims: [{ ask: "Is the CNN link a page on cnn.com?", answer: "no" }],
    related: ["incident.bytedance.cnn", "incident.coverage.outlets"],
    citations: [{ source: CNN }],
  },
  {
    id: "incident.meta.sources",
    topic: "incident",
    statement:
      "Incident Desk answers only from a fixed set of vetted sources: The Verge's two December 15, 2023 stories, CNN Business and the Hindustan Times on December 19, ByteDance's December 16 statement as reported by others, The Register, and OpenAI's and Microsoft's terms. It does not search the web; /sources lists them all.",
    questions: [
      "How do you know this?",
      "What are your sources?",
      "Where does this bot get its information?",
      "how do u know all this",
      "Can I trust your answers?",
      "Do you search the web?",
      "What sources do you use?",
      "Are your answers from the internet?",
      "Where do your answers come from?",
      "How do you know what you know?",
      "Is this information verified?",
      "Do you make things up?",
    ],
    entities: ["Incident Desk"],
    kind: "how",
    firmness: "primary",
    claims: [{ ask: "Do you search the web for answers?", answer: "no" }],
    related: [
      "incident.coverage.outlets",
      "incident.confirmed-vs-alleged",
      "policy.not-legal-advice",
    ],
    citations: [
      { source: REPORT },
      { source: SUSPENSION },
      { source: CNN },
      { source: HT },
      { source: ZH },
      { source: REGISTER },
      { source: TOU_2023 },
      { source: BUSINESS },
      { source: SA_2025 },
      { source: MICROSOFT_SA },
    ],
  },
];
