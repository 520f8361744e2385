/**
 * What kind of question this is, and whether it is a request the bot must
 * not serve at all (instructions to drop its rules, requests to invent).
 */
import type { FactKind } from "../facts/schema.ts";

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
  /\b(?:forever|infinitely|\d+ times)\s*$/,
  /\b(?:jailbreak|jail ?broken|developer mode|dan mode)\b/,
  /\bdo anything now\b|\bpretend (?:to be|you(?:'re| are))\b|\byou are now\b|\bact as\b|\brole ?play\b/,
  /\b(?:write|compose|make|create|generate|give me)\b.{0,30}\b(?:poem|song|story|joke|haiku|essay|limerick|rap|tweet|script|code|program|function)\b/,
  /\b(?:make up|invent|fabricate|imagine|hypothetically|speculate|fake)\b/,
  // Credentials and account help: never the desk's business, whatever the company.
  /\b(?:api|secret|access|bot) ?keys?\b|\b(?:your|bot|api|access|auth|discord|slack) tokens?\b|\b(?:per|each|a|1k|1m) tokens?\b|\bpricing\b|\bpasswords?\b|\bcredentials?\b|\b(?:sign|log) ?(?:in|up)\b/,
  /\b(?:your (?:opinion|feelings?|thoughts)|what do you think|do you (?:think|believe|feel))\b/,
];

// Help with one's own account or data is support, not this story, unless the question
// is about the competing-models rule itself ("could I be banned for training on GPT output?").
const OWN_ACCOUNT =
  /\bmy (?:data|chats?|conversations?|account|history|prompts?|messages?|subscription|bill(?:ing)?)\b/;
const ABOUT_THE_RULE =
  /\b(?:outputs?|compet\w*|rules?|terms|tos|policy|policies|suspen\w*|ban\w*|terminat\w*)\b|\b(?:i|we)\b.{0,40}\b(?:train|build|develop|fine-?tun)/;

export function isOffLimits(question: string): boolean {
  const q = question.toLowerCase();
  if (OWN_ACCOUNT.test(q) && !ABOUT_THE_RULE.test(q)) return true;
  return OFF_LIMITS.some((pattern) => pattern.test(q));
}
