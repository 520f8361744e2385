/**
 * The words people use for the things the facts talk about. Phrases are
 * rewritten before tokenizing ("TikTok's parent" -> bytedance); single words
 * are mapped to one canonical term ("ban" -> suspend) on both the fact side
 * and the question side, so the search sees one vocabulary.
 */

/** Multi-word aliases, applied to lower-cased text in this order. */
export const PHRASE_ALIASES: [RegExp, string][] = [
  [
    /\btik ?tok(?:'s|s)? (?:parent(?: company)?|owner|owners|parent firm|mother company)\b/g,
    " bytedance ",
  ],
  [/\b(?:parent(?: company)?|owner|owners|maker|company) (?:of|behind) tik ?tok\b/g, " bytedance "],
  [/\bchat ?gpt(?:'s)? (?:maker|creator|makers|company|developer)\b/g, " openai "],
  [/\b(?:maker|makers|creator|company|developer)s? (?:of|behind) chat ?gpt\b/g, " openai "],
  [/\b(?:owns?|owned|runs?) tik ?tok\b/g, " bytedance "],
  [/\btik ?tok (?:people|company|folks|guys)\b/g, " bytedance "],
  [/\bgpt(?:-?4)? (?:company|people|maker|makers)\b/g, " openai "],
  [
    /\bchinese (?:tech |internet |social media )?(?:giant|company|firm|conglomerate)\b/g,
    " bytedance ",
  ],
  [/\bopen ai\b/g, " openai "],
  [/\bbyte dance\b/g, " bytedance "],
  [/\bchat gpt\b/g, " chatgpt "],
  [/\bterms (?:of (?:service|use)|and conditions)\b/g, " terms "],
  [/\bt ?& ?c'?s?\b/g, " terms "],
  [/\busage polic(?:y|ies)\b/g, " usagepolicy "],
  [/\bservices? agreement\b/g, " servicesagreement "],
  [/\bbusiness terms\b/g, " businessterms "],
  [/\bdata desensiti[sz]ation\b/g, " desensitization "],
  [/\bfine[- ]tun(?:e|ed|ing)\b/g, " finetune "],
  [/\bthe verge\b/g, " verge "],
  [/\bhindustan times\b/g, " hindustantimes "],
  [/\blarge language models?\b/g, " llm "],
  [/\b(?:for good|permanently|forever|once and for all)\b/g, " terminate "],
  [/\b(?:take|took|taken|takes|come|came|comes) (?:into )?(?:effect|force)\b/g, " inforce "],
  [/\b(?:in force|effective|in effect|apply|applied|applies)\b/g, " inforce "],
  [
    /\bwhat(?:'s| is| was) (?:the |all )?(?:story|deal|situation|drama|tea|background|context|lowdown|fuss)\b/g,
    " summary ",
  ],
  [
    /\b(?:pull(?:ed|s|ing)? the plug|cut (?:them|it|bytedance) off|shut (?:them|it) (?:out|down))\b/g,
    " suspend ",
  ],
  [/\bofficial (?:line|response|position|stance|reply|word)\b/g, " statement respond "],
  [/\bhow (?:much|many|heavily|often|extensively)\b/g, " amount "],
  // Attribution says who said it, not what was asked: "according to the verge" is "the verge".
  [/\b(?:according to|as (?:reported|said|stated|told) (?:by|to)|per)\b/g, " "],
  [/\bcover(?:ed|ing|s)? (?:it |this |that |them )?up\b/g, " whitewash "],
  [/\bkick(?:ed|s)? (?:\w+ )?(?:off|out)\b/g, " suspend "],
  [/\bcut (?:off|access)\b/g, " suspend "],
  [/\bshut (?:off|out|down)\b/g, " suspend "],
  [/\blocked out\b/g, " suspend "],
  [/\bunban(?:ned)?\b/g, " reinstate "],
  [/\b(?:get|got|gets|getting) (?:back|restored)\b/g, " reinstate "],
  [/\blegal advice\b/g, " legaladvice "],
  [/\bu\.s\.?\b/g, " us "],
];

/**
 * Canonical term -> the words and stems that mean it here. Matched first on
 * the whole word, then on its stem (see tokenize.ts).
 */
// Includes irregular verb forms the stemmer cannot join (found/find, told/say), and keeps
// "founded" apart from "found" ("The Verge found that...").
const SYNONYM_GROUPS: [string, string][] = [
  [
    "suspend",
    "ban bann suspens suspend block bar barr revok revoc disabl lock freez froz halt paus deplatform",
  ],
  ["terms", "tos tou term terms rul rule polic policy contract clause condition agreement"],
  ["compete", "compet competit competitor rival compete competitiv"],
  ["model", "model llm chatbot"],
  ["train", "train"],
  ["build", "built build develop creat mak made"],
  ["output", "output generat respons"],
  ["data", "data dataset"],
  ["gpt", "gpt4"],
  ["microsoft", "azur msft"],
  ["when", "when date"],
  ["reinstate", "reinstat restor unsuspend lift reinstate"],
  ["investigate", "investigat prob review"],
  ["statement", "statement"],
  ["say", "said say talk claim stat quot comment speak spoke told"],
  [
    "respond",
    "respond reply react deny deni admit defend defens excus explanation rebut push answer answ",
  ],
  ["staff", "employ staff engineer worker"],
  ["evidence", "evidenc proof document leak"],
  ["whitewash", "whitewash hid hide conceal"],
  ["result", "outcom result conclusion conclud verdict finding findings"],
  ["founder", "founded founder founders founding co-founder cofounder"],
  ["use", "use uses used using usag usage utiliz leverag reli rely"],
  ["terminate", "terminat cancel permanent"],
  ["report", "report publish scoop articl coverag"],
  ["summary", "summar summary summariz overview tldr recap gist rundown brief"],
  ["pay", "paid pay spent spend cost"],
  ["amount", "amount quantity volume figur number extent scale"],
  ["large", "large larg largest big bigg biggest main major huge"],
  ["investor", "investor invest backer shareholder funder"],
  ["access", "acces access"],
  ["find", "find found discover uncover reveal expos learn"],
  ["norm", "norm normal etiquett faux frown taboo accept ethic industry standard common practic"],
  ["power", "power run underlying backend engin"],
  ["know", "know knew known aware"],
  ["buy", "buy bought purchas"],
  ["sell", "sell sold"],
  ["tell", "tell"],
  ["break", "break broke broken violat breach infring"],
  ["begin", "begin began begun start"],
  ["write", "write wrote written"],
  ["see", "see saw seen"],
  ["take", "take took taken"],
];

/** Word or stem -> canonical term. */
export const SYNONYMS: Record<string, string> = Object.fromEntries(
  SYNONYM_GROUPS.flatMap(([canonical, variants]) => variants.split(" ").map((v) => [v, canonical])),
);

/** Words that carry no meaning for matching. Question words are kept aside for the kind. */
export const STOPWORDS = new Set(
  (
    "a an the and or but if then so of to in on at by for with from as into onto about over " +
    "is are was were be been being am do does did doing done have has had having will would shall " +
    "should can could may might must i me my mine we us our you your yours he him his she her it its " +
    "they them their this that these those there here what which who whom whose when where why how " +
    "not no yes any some all each every just also too very really actually basically literally please " +
    "pls plz tell explain know knew wonder wondering curious question quick hey hi hello yo thanks thank " +
    "ok okay lol like guys anyone someone somebody bot desk incident thing things stuff kind sort " +
    "than more most much many get got gets let lets want need give ya u ur im " +
    "exactly even still again ever yet only other another same such via per vs versus whether today now currently anymore nowadays right whos whats wheres hows whys whens thats theres wat wut whut wot ppl"
  ).split(/\s+/),
);

/**
 * Companies, products and people the facts never discuss. A question about
 * one of them is about other news, even when the rest of it sounds on topic
 * ("what is Anthropic's policy on training competing models?").
 */
export const OTHER_ENTITIES = new Set(
  (
    "anthropic claude google alphabet gemini bard deepmind meta facebook instagram whatsapp llama " +
    "apple iphone ipad siri pixel android samsung amazon alexa nvidia mistral deepseek xai grok tesla " +
    "musk elon altman zuckerberg pichai nadella cook baidu ernie alibaba qwen tencent huawei xiaomi " +
    "perplexity midjourney stability cohere inflection snapchat netflix spotify " +
    "uber intel amd ibm oracle salesforce congress senate government trump biden president divest " +
    "divestiture shou chew stock stocks shares ipo revenue valuation earnings weather recipe " +
    "sora dall whisper codex brockman sutskever murati yiming rubo kimi moonshot zhipu baichuan " +
    "minimax huggingface runway suno midjourney getty nyt capcut douyin toutiao pico lemon8"
  ).split(/\s+/),
);

/**
 * Everyday words that carry little of a question's topic. When the facts do
 * not use one, it weighs like a common word, not like an unknown name: "when
 * did ByteDance put out its statement" is still about the statement.
 */
export const COMMON_WORDS = new Set(
  (
    "able about above across act add after again ago ahead allow almost alone along already " +
    "alright although always among amount answer anything anyway apparently appear area " +
    "around article ask asked asking away back bad basic because become before begin behind " +
    "believe best better between beyond bit both bring brief briefly call came care case " +
    "cause certain chance check choose clear clearly close come comes coming common complete " +
    "correct could course cover current day days deal describe detail details didn different " +
    "does doesn doing done don down during early easy else enough entire event events " +
    "everything example explain fact facts far feel few figure final finally first follow " +
    "following full further gave general give given go goes going gone good great group guess " +
    "happen happened happening hear heard help high hold home idea important include " +
    "including info information instead interest involve involved issue issues item just keep " +
    "kind last late later lead learn least leave left less let level line list little long " +
    "look looking lot lots main mainly make making matter mean means meant mention mentioned " +
    "mind moment move name need needs new news next nice note nothing number often old once " +
    "one ones open order original out over overall part particular past perhaps person piece " +
    "place plain point possible pretty probably problem put quite rather read reading real " +
    "recap recent recently regarding related remember rest right role rough roughly run said " +
    "same saw second see seem seems seen send sense set several short show side simple simply " +
    "since situation small so some something sometimes soon sorry specific specifically still " +
    "stuff sum sure take talk talking team tell thing things think thought through time times " +
    "today together told took top total true try trying turn two under understand until up " +
    "usually various view want way ways week well went whole wide without word words work " +
    "world worry write wrong year years yet anyone everyone someone folks guy guys friend " +
    "friends manager boss colleague school class slide slack discord channel chat thread " +
    "paste copy short long plain english simple eli5 tldr story"
  ).split(/\s+/),
);
