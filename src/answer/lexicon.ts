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
  [/\bkick(?:ed|s)? (?:off|out)\b/g, " suspend "],
  [/\bcut (?:off|access)\b/g, " suspend "],
  [/\bshut (?:off|out|down)\b/g, " suspend "],
  [/\blocked out\b/g, " suspend "],
  [/\bunban(?:ned)?\b/g, " reinstate "],
  [/\b(?:get|got|gets|getting) (?:back|restored)\b/g, " reinstate "],
  [/\blegal advice\b/g, " legaladvice "],
  [/\bu\.s\.?\b/g, " us "],
];

/** Word -> canonical term. Applied after stemming, to stems. */
export const SYNONYMS: Record<string, string> = {
  // suspending
  ban: "suspend",
  bann: "suspend",
  suspens: "suspend",
  suspend: "suspend",
  block: "suspend",
  bar: "suspend",
  barr: "suspend",
  revok: "suspend",
  revoc: "suspend",
  disabl: "suspend",
  lock: "suspend",
  freez: "suspend",
  froz: "suspend",
  halt: "suspend",
  paus: "suspend",
  deplatform: "suspend",
  // terms
  tos: "terms",
  tou: "terms",
  term: "terms",
  terms: "terms",
  rul: "terms",
  rule: "terms",
  polic: "terms",
  policy: "terms",
  contract: "terms",
  clause: "terms",
  condition: "terms",
  agreement: "terms",
  // competing
  compet: "compete",
  competit: "compete",
  competitor: "compete",
  rival: "compete",
  compete: "compete",
  competitiv: "compete",
  // models
  model: "model",
  llm: "model",
  chatbot: "model",
  // training / building
  train: "train",
  built: "build",
  build: "build",
  develop: "build",
  creat: "build",
  mak: "build",
  made: "build",
  // using output
  output: "output",
  generat: "output",
  respons: "output",
  data: "data",
  dataset: "data",
  // names
  chatgpt: "openai",
  gpt4: "gpt",
  azur: "microsoft",
  msft: "microsoft",
  // time
  when: "when",
  date: "when",
  // reinstatement
  reinstat: "reinstate",
  restor: "reinstate",
  unsuspend: "reinstate",
  lift: "reinstate",
  reinstate: "reinstate",
  // investigation
  investigat: "investigate",
  prob: "investigate",
  review: "investigate",
  // statement
  statement: "statement",
  said: "say",
  say: "say",
  comment: "say",
  respond: "respond",
  reply: "respond",
  react: "respond",
  deny: "respond",
  deni: "respond",
  // employees
  employ: "staff",
  staff: "staff",
  engineer: "staff",
  worker: "staff",
  // evidence
  evidenc: "evidence",
  proof: "evidence",
  document: "evidence",
  leak: "evidence",
  whitewash: "whitewash",
  hid: "whitewash",
  hide: "whitewash",
  cover: "whitewash",
  conceal: "whitewash",
};

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
    "exactly even still again ever yet only own other another same such via per vs versus"
  ).split(/\s+/),
);
