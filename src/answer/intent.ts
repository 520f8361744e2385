/**
 * What kind of question this is, and whether it is a request the bot must
 * not serve at all (instructions to drop its rules, requests to invent).
 * Plain English patterns only: the story's own checks come from its Vocabulary.
 */
import type { FactKind } from "../facts/schema.ts";
import type { Vocabulary } from "../facts/vocabulary.ts";

/** "amount" is a "how much / how many" question: it wants a statement about quantity. */
export type QuestionKind = FactKind | "what" | "amount";

export function detectKind(question: string): QuestionKind {
  const q = question.toLowerCase().trim();
  if (/^(who|whom|whose|whos)\b|\bwho (?:is|was|are|were|did|said|broke|confirmed)\b/.test(q))
    return "who";
  if (/\bwhen\b|\bwhat (?:date|day|year|month|time)\b|\bhow long\b|\btimeline\b/.test(q))
    return "when";
  if (/\bwhy\b|\breason\b|\bwhat (?:for|caused)\b|\bhow come\b/.test(q)) return "why";
  if (
    /^(?:is|was|were|are|did|does|do|has|have|had|can|could|will|would|should|may|might|am)\b/.test(
      q,
    )
  ) {
    return "yesno";
  }
  if (/\bhow (?:much|many|heavily|often|extensively)\b/.test(q)) return "amount";
  if (/^how\b/.test(q)) return "how";
  return "what";
}

// Requests outside what a sourced answer desk does, whatever their topic.
const OFF_LIMITS: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules?|prompts?|guidelines?|programming|above|previous)\b/,
  /\b(?:system|initial|hidden|original) (?:prompt|message|instructions?)\b/,
  /\b(?:from now on|new instructions?|no longer bound|without (?:any )?(?:restrictions|rules|filters))\b/,
  /^\s*(?:system|assistant|developer|user)\s*:/,
  /\b(?:repeat|print|reveal|show|dump|leak|output)\b.{0,30}\b(?:prompt|instructions|rules|config(?:uration)?|source code|env(?:ironment)?(?: variables)?)\b/,
  /\b(?:repeat|say|print|write|type|spam|loop|count)\b.{0,60}\b(?:forever|infinitely|\d+ times)\s*$/,
  /\b(?:jailbreak|jail ?broken|developer mode|dan mode)\b/,
  /\bdo anything now\b|\bpretend (?:to be|you(?:'re| are))\b|\byou are now\b|\bact as\b|\brole ?play\b/,
  /\b(?:write|compose|make|create|generate|give me)\b.{0,30}\b(?:poem|song|story|joke|haiku|essay|limerick|rap|tweet|script|code|program|function)\b/,
  // "fake news" names a charge people repeat, not a request to fake something.
  /\b(?:make up|invent|fabricate|imagine|hypothetically|speculate|fake(?! news))\b/,
  // Credentials and account help: never the desk's business, whatever the company.
  /\b(?:api|secret|access|bot) ?keys?\b|\b(?:your|bot|api|access|auth|discord|slack) tokens?\b|\b(?:per|each|a|1k|1m) tokens?\b|\bpricing\b|\bpasswords?\b|\bcredentials?\b|\b(?:sign|log) ?(?:in|up)\b/,
  /\b(?:your (?:opinion|feelings?|thoughts)|what do you think|do you (?:think|believe|feel))\b/,
  // People's private details and private lives: not news, whoever they are.
  /\b(?:home|street|email|e-mail|mailing) address(?:es)?\b|\bphone numbers?\b|\bwhere (?:does|do) \w+ live\b|\bdox+(?:ing|ed)?\b/,
  // The asker's own family ("my husband says...") is context, not someone's private life.
  /(?<!\b(?:my|our) )\b(?:married|divorced|wife|husband|girlfriend|boyfriend|salary|net worth|how old is|how much does \w+ (?:make|earn))\b/,
  // Ways around a rule or block, and copies of leaked material: never the desk's to give.
  /\b(?:get around|work ?around|circumvent|evade|get past|sneak past|bypass)\b/,
  /\b(?:post|share|send|upload|dump|give me|paste)\b.{0,20}\b(?:leaked|internal|confidential)\b.{0,20}\b(?:documents?|docs|files|messages|chats?)\b/,
  // A legal opinion on someone's case: a lawyer's job (what the terms say is fine).
  // Not when the asker rules it out ("i don't need legal advice, just the facts").
  /(?<!\b(?:can|could|will|would|do) you |\b(?:don'?t|do not|not|never) )\b(?:give|want|need|get) (?:me |us )?(?:some |a )?legal (?:advice|opinion|take)\b|(?<!\b(?:not|no|isn'?t) (?:a )?)\blegal (?:take|opinion)\b|\b(?:could|would|will|can) \w+ win\b/,
  // Forecasts and bets: no source can say what will happen.
  /\b(?:predict(?:ion)?s?|forecast|odds|percent(?:age)? chance|bet on)\b/,
  // Advice on what someone should do in court is a lawyer's job.
  /\bshould (?:i|we|my \w+) (?:sue|file (?:a )?(?:lawsuit|suit|complaint))\b/,
];

/** The off-limits check for one story: generic requests plus the story's own-account rule. */
export function createOffLimits(vocabulary: Vocabulary): (question: string) => boolean {
  const ownAccount = new RegExp(vocabulary.ownAccount);
  const aboutTheRule = new RegExp(vocabulary.aboutTheRule);
  return (question) => {
    const q = question.toLowerCase();
    // Help with one's own account or data is support, unless it asks about the rule itself.
    if (ownAccount.test(q) && !aboutTheRule.test(q)) return true;
    return OFF_LIMITS.some((pattern) => pattern.test(q));
  };
}

// Small talk that is said back in kind, each list written once (see IN_KIND).
const GREETING = "hi|hey|hello|yo|hiya|howdy|sup|good (?:morning|afternoon|evening)";
const THANKS = "thanks?(?: you)?(?: so much| a lot)?|thx|ty|cheers";
const GOODBYE = "bye|goodbye|see you";

/** "hi", "thanks", "who are you": small talk gets a friendly line and the help, not "I don't know". */
const SMALL_TALK = new RegExp(
  `^(?:${GREETING}|${THANKS}|great|cool|nice|ok(?:ay)?|${GOODBYE}|who are you|what are you|what can you do|what do you do|what(?: is|'s|s) (?:this|this bot|that bot)(?: about| for)?|help)(?: (?:bot|there|everyone|all))?[\\s!.?]*$`,
  "i",
);

export function isSmallTalk(question: string): boolean {
  return SMALL_TALK.test(question.trim());
}

/** What small talk says before the introduction: thanks and goodbyes are not greetings. */
const IN_KIND: [RegExp, string][] = [
  [new RegExp(`^(?:${THANKS})\\b`, "i"), "You're welcome!"],
  [new RegExp(`^(?:${GOODBYE})\\b`, "i"), "Bye for now!"],
  [new RegExp(`^(?:${GREETING})\\b`, "i"), "Hi!"],
];

export function smallTalkOpener(question: string): string {
  const q = question.trim();
  return IN_KIND.find(([pattern]) => pattern.test(q))?.[1] ?? "";
}
