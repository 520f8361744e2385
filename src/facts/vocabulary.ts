/**
 * The story's own words: who is called what, which words mean the same here,
 * and which names belong to other news. The answer engine (src/answer/) is
 * generic and reads all of this as data; a second story would bring a second
 * vocabulary. Checked with zod at start, like the facts.
 */
import { z } from "zod";

const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source, "g");
    return true;
  } catch {
    return false;
  }
}, "must compile as a regular expression");

export const VocabularySchema = z.object({
  /** Multi-word aliases, applied in order to lower-cased text: [pattern, the words it means]. */
  phraseAliases: z.array(z.tuple([regexSource, z.string()])),
  /**
   * Canonical term -> the words and stems that mean it in this story. Includes
   * irregular forms a stemmer cannot join (found/find, told/say).
   */
  synonyms: z.record(z.string().regex(/^[a-z0-9]+$/), z.string().min(1)),
  /** Companies, products and people the facts never discuss: a question about one is other news. */
  otherEntities: z.string().min(1),
  /** Entities that name a document or rule: topics in themselves, not just names. */
  topicalEntities: regexSource,
  /** Help with one's own account or data is support, not this story... */
  ownAccount: regexSource,
  /** ...unless the question is about the rule itself ("could I be banned for training on GPT output?"). */
  aboutTheRule: regexSource,
});

export type Vocabulary = z.infer<typeof VocabularySchema>;

export const vocabulary: Vocabulary = VocabularySchema.parse({
  phraseAliases: [
    [
      String.raw`\btik ?tok(?:'s|s)? (?:parent(?: company)?|owner|owners|parent firm|mother company)\b`,
      "bytedance",
    ],
    [
      String.raw`\b(?:parent(?: company)?|owner|owners|maker|company) (?:of|behind) tik ?tok\b`,
      "bytedance",
    ],
    [String.raw`\bchat ?gpt(?:'s)? (?:maker|creator|makers|company|developer)\b`, "openai"],
    [
      String.raw`\b(?:maker|makers|creator|company|developer)s? (?:of|behind) chat ?gpt\b`,
      "openai",
    ],
    [String.raw`\b(?:owns?|owned|runs?) tik ?tok\b`, "bytedance"],
    [String.raw`\btik ?tok (?:people|company|folks|guys)\b`, "bytedance"],
    [String.raw`\bgpt(?:-?4)? (?:company|people|maker|makers)\b`, "openai"],
    [
      String.raw`\bchinese (?:tech |internet |social media )?(?:giant|company|firm|conglomerate)\b`,
      "bytedance",
    ],
    [String.raw`\bopen ai\b`, "openai"],
    [String.raw`\bbyte dance\b`, "bytedance"],
    [String.raw`\bchat gpt\b`, "chatgpt"],
    [String.raw`\bterms (?:of (?:service|use)|and conditions)\b`, "terms"],
    [String.raw`\bt ?& ?c'?s?\b`, "terms"],
    [String.raw`\busage polic(?:y|ies)\b`, "usagepolicy"],
    [String.raw`\bservices? agreement\b`, "servicesagreement"],
    [String.raw`\bbusiness terms\b`, "businessterms"],
    [String.raw`\bdata desensiti[sz]ation\b`, "desensitization"],
    [String.raw`\bfine[- ]tun(?:e|ed|ing)\b`, "finetune"],
    [String.raw`\bthe verge\b`, "verge"],
    [String.raw`\bhindustan times\b`, "hindustantimes"],
    [String.raw`\blarge language models?\b`, "llm"],
    [String.raw`\b(?:for good|permanently|forever|once and for all)\b`, "terminate"],
    [
      String.raw`\b(?:take|took|taken|takes|come|came|comes) (?:into )?(?:effect|force)\b`,
      "inforce",
    ],
    [String.raw`\b(?:in force|effective|in effect|apply|applied|applies)\b`, "inforce"],
    [
      String.raw`\bwhat(?:'s| is| was) (?:the |all )?(?:story|deal|situation|drama|tea|background|context|lowdown|fuss)\b`,
      "summary",
    ],
    [
      String.raw`\b(?:pull(?:ed|s|ing)? the plug|cut (?:them|it|bytedance) off|shut (?:them|it) (?:out|down))\b`,
      "suspend",
    ],
    [String.raw`\bofficial (?:line|response|position|stance|reply|word)\b`, "statement respond"],
    [String.raw`\bhow (?:much|many|heavily|often|extensively)\b`, "amount"],
    [String.raw`\b(?:according to|as (?:reported|said|stated|told) (?:by|to)|per)\b`, ""],
    [String.raw`\bcover(?:ed|ing|s)? (?:it |this |that |them )?up\b`, "whitewash"],
    [String.raw`\bkick(?:ed|s)? (?:\w+ )?(?:off|out)\b`, "suspend"],
    [String.raw`\bcut (?:off|access)\b`, "suspend"],
    [String.raw`\bpull(?:ed|s|ing)? (?:\w+ )?(?:api )?access\b`, "suspend access"],
    [String.raw`\bshut (?:off|out|down)\b`, "suspend"],
    [String.raw`\blocked out\b`, "suspend"],
    [String.raw`\bunban(?:ned)?\b`, "reinstate"],
    [String.raw`\b(?:get|got|gets|getting) (?:back|restored)\b`, "reinstate"],
    [String.raw`\blegal advice\b`, "legaladvice"],
    // "How do you know?" asks for the desk's sources.
    [String.raw`\bhow (?:do|would|can) (?:you|u|ya) (?:even )?know\b`, "source"],
    [String.raw`\bu\.s\.?\b`, "us"],
  ],
  synonyms: {
    suspend:
      "ban bann suspens suspend block bar barr revok revoc disabl lock freez froz halt paus deplatform",
    terms: "tos tou term terms rul rule polic policy contract clause condition agreement",
    compete: "compet competit competitor rival compete competitiv",
    model: "model llm chatbot",
    train: "train",
    build: "built build develop creat mak made",
    output: "output generat respons",
    data: "data dataset",
    gpt: "gpt4",
    microsoft: "azur msft",
    when: "when date",
    reinstate: "reinstat restor unsuspend lift reinstate",
    investigate: "investigat prob review",
    statement: "statement",
    say: "said say talk claim stat quot comment speak spoke told",
    respond:
      "respond reply react deny deni admit defend defens excus explanation rebut push answer answ",
    staff: "employ staff engineer worker",
    evidence: "evidenc proof document leak",
    whitewash: "whitewash hid hide conceal",
    result: "outcom result conclusion conclud verdict finding findings",
    founder: "founded founder founders founding co-founder cofounder",
    use: "use uses used using usag usage utiliz leverag reli rely",
    terminate: "terminat cancel permanent",
    report: "report publish scoop articl coverag",
    summary: "summar summary summariz overview tldr recap gist rundown brief",
    pay: "paid pay spent spend cost",
    amount: "amount quantity volume figur number extent scale",
    large: "large larg largest big bigg biggest main major huge",
    investor: "investor invest backer shareholder funder",
    access: "acces access",
    find: "find found discover uncover reveal expos learn",
    norm: "norm normal etiquett faux frown taboo accept ethic industry standard common practic",
    power: "power underlying backend engin",
    current: "still today now currently anymore nowaday nowadays present",
    know: "know knew known aware",
    buy: "buy bought purchas",
    sell: "sell sold",
    tell: "tell",
    break: "break broke broken violat breach infring",
    begin: "begin began begun start",
    write: "write wrote written",
    see: "see saw seen",
    take: "take took taken",
  },
  otherEntities:
    "anthropic claude google alphabet gemini bard deepmind meta facebook instagram whatsapp " +
    "llama apple iphone ipad siri pixel android samsung amazon alexa nvidia mistral deepseek " +
    "xai grok tesla musk elon altman zuckerberg pichai nadella cook baidu ernie alibaba qwen " +
    "tencent huawei xiaomi perplexity midjourney stability cohere inflection snapchat netflix " +
    "spotify uber intel amd ibm oracle salesforce congress senate government trump biden " +
    "president divest divestiture shou chew stock stocks shares ipo revenue valuation earnings " +
    "weather recipe sora dall whisper codex brockman sutskever murati yiming rubo kimi moonshot " +
    "zhipu baichuan minimax huggingface runway suno midjourney getty nyt capcut douyin toutiao " +
    "pico lemon8",
  topicalEntities: "terms|agreement|polic",
  ownAccount: String.raw`\bmy (?:data|chats?|conversations?|account|history|prompts?|messages?|subscription|bill(?:ing)?)\b`,
  aboutTheRule: String.raw`\b(?:outputs?|compet\w*|rules?|terms|tos|policy|policies|suspen\w*|ban\w*|terminat\w*)\b|\b(?:i|we)\b.{0,40}\b(?:train|build|develop|fine-?tun)`,
});
