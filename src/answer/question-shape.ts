/**
 * The shape of a question, in plain English patterns: a follow-up that leans
 * on the previous turn, a "what happened next", a comparison, several
 * questions in one. No story words here.
 */

/** Opens by leaning on what came before: "and Microsoft?", "what about the terms?", "so why?". */
const LEANS_ON_CONTEXT =
  /^(?:and|but|so|also|then|what about|how about|and what about|ok(?:ay)?,? (?:and|so|but))\b/;
/** Points back at something already said. */
const POINTS_BACK =
  /\b(?:that|it|this|they|them|he|she|his|her|their|those|these|there|then|back|the same|him)\b/;
/** A question made of little but a question word: "why?", "when?", "how so?", "really?", "source?". */
const BARE =
  /^(?:why|when|how|who|where|what|really|how so|how come|source|sources|proof|says who|is that true|is it true|seriously|wait what)\W*$/;

/** Content words left once question words, pronouns and fillers are gone: a follow-up has few. */
const FILLER =
  /\b(?:and|but|so|also|then|what|why|when|where|who|whom|how|which|is|are|was|were|did|do|does|has|have|had|can|could|will|would|about|the|a|an|that|it|this|they|them|he|she|his|her|their|those|these|there|back|say|said|happen\w*|next|after|before|again|more|exactly|really|true|confirmed?|sure|ok|okay|of|to|in|on|for|with|ever|yet|now|tell|me|us|please|say)\b/g;

export function isFollowUp(question: string): boolean {
  const q = question.toLowerCase().trim();
  if (BARE.test(q) || LEANS_ON_CONTEXT.test(q)) return true;
  const rest = q
    .replace(FILLER, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const contentWords = rest ? rest.split(" ").length : 0;
  return POINTS_BACK.test(q) && contentWords <= 2;
}

/** "and Microsoft?", "what about the CEO?": the few words after the opener, which take the place of something in the previous question. */
export function swappedIn(question: string): string | undefined {
  const m =
    /^(?:and|but|also|ok(?:ay)?,? and|and what about|what about|how about)\s+(?:the\s+)?([\p{L}\p{N}' -]{2,40}?)\s*[?.!]*$/u.exec(
      question.toLowerCase().trim(),
    );
  const words = m?.[1]?.split(/\s+/) ?? [];
  return words.length >= 1 && words.length <= 3 ? m?.[1] : undefined;
}

/** A question mark or a question word: "to who tho" asks something, "lol" does not. */
export function asksSomething(message: string): boolean {
  return /\?|\b(?:who|whom|whose|what|when|where|why|how|which)\b/i.test(message);
}

/** "what happened next?", "and then?", "what came after that?". */
export function asksWhatNext(question: string): boolean {
  return /\b(?:what happened (?:next|after(?:wards?)?|then|after that)|and then|after that|what came (?:next|after)|what (?:was|is) next|then what|what next)\b/.test(
    question.toLowerCase(),
  );
}

/** Two or more things side by side: "compare", "difference between", "vs", "how did X change". */
export function isComparison(question: string): boolean {
  return /\b(?:compare[ds]?|comparison|differen(?:ce|t|ces)|vs\.?|versus|chang(?:e|ed|es)|between|both|each|all (?:the )?(?:versions|documents|terms))\b/.test(
    question.toLowerCase(),
  );
}

/** "when and why was it suspended?": one question per question word, sharing the rest. */
const PAIRED =
  /^(who|what|when|why|how|where)\s*(?:and|&|\+|,)\s*(who|what|when|why|how|where)\b\s*(.+)$/i;

/** Two question words asked of one thing: "when and why ...", "who and what ...". */
export function asksTwoThings(question: string): boolean {
  return PAIRED.test(question.trim());
}

const VERSUS = /\s+(?:vs\.?|versus)\s+/i;
/** Where the things compared end and the question about them goes on: a comma, colon, dash or "?". */
const AFTER_SIDES = /\s*(?:[,:;?]|\s[-\u2013\u2014]\s)/;

/**
 * "doubao vs skylark vs lark, which is which?": each side asked with what
 * follows the sides ("doubao, which is which?"), so every thing compared
 * gets its own fact. Only short sides: a long one is a sentence, not a name.
 */
function splitVersus(question: string): string[] | undefined {
  if (!VERSUS.test(question)) return undefined;
  const cut = AFTER_SIDES.exec(question);
  const sidesText = cut ? question.slice(0, cut.index) : question;
  const rest = cut ? question.slice(cut.index) : "";
  const sides = sidesText.split(VERSUS).map((side) => side.trim());
  // Without a mark where the sides end, the last side may run into the question: short sides only.
  const most = cut ? 5 : 2;
  if (sides.length < 2 || sides.some((side) => !side || side.split(/\s+/).length > most))
    return undefined;
  return sides.slice(0, 3).map((side) => `${side}${rest}`);
}

/** Several questions in one message, each answered: split on "?" and on "and" before a question word. */
export function splitParts(question: string): string[] {
  const paired = PAIRED.exec(question.trim());
  if (paired) return [`${paired[1]} ${paired[3]}`, `${paired[2]} ${paired[3]}`];
  const versus = splitVersus(question.trim());
  if (versus) return versus;
  const parts = question
    .split(/\?\s+(?=\S)|\s*[,;]?\s+and (?=(?:who|what|when|why|how|where|did|does|is|was|were)\b)/i)
    .map((p) => p.trim())
    .filter((p) => p.length > 3);
  return parts.length > 1 ? parts.slice(0, 3) : [question];
}

/** Asks for the exact words: "quote it", "verbatim", "word for word", "the exact line". */
export function asksForWording(question: string): boolean {
  return /\b(?:quote (?:it|that|this|them|me|him|her|the|their|his|its)\b(?! as\b)|verbatim|word[- ]for[- ]word|exact(?:ly)? (?:words?|wording|line|phrase|quote|text)|(?:full|exact|direct|actual|whole) (?:statement|quote|text|line|words?|wording)|in (?:their|his|her|its) own words)\b|\bwhat (?:exactly )?did (?:\w+ ){1,3}say exactly\b|\b(?:the|a|that|this) (?:[\w'-]+ )?quote(?=\s*(?:$|[?.!,]|(?:about|abt|on|from|of|where|saying|pls|please)\b))|\bquote (?:about|abt|on|from|where|saying)\b|\bwhat (?:phrase|words|wording) did\b|\bthe (?:exact |actual )?wording\b/i.test(
    question,
  );
}

/** "link to the verge article?", "is there a url for the HT piece", "where can I read the CNN story". */
const LINK_REQUEST =
  /\b(?:(?:can|could) (?:you|u) )?(?:(?:give|send|drop|post|share) (?:me |us )?|(?:is there|got|have|any) )?(?:an? |the )?(?:link|url|hyperlink)s? (?:to|for|of)\b|\bwhere (?:can|could|do) (?:i|we|you) (?:read|find|see)\b/i;

/** Asks for a link: the answer then gives its sources' addresses. */
export function asksForLink(question: string): boolean {
  return LINK_REQUEST.test(question);
}

/** The question without its request for a link: what the link should be to. */
export function withoutLinkRequest(question: string): string {
  const rest = question.replace(LINK_REQUEST, " ").replace(/\s+/g, " ").trim();
  return rest.length > 2 ? rest : question;
}

/**
 * How to say it, not what to say: "in plain English", "like I'm five", "in one
 * sentence". Every answer is already short and plain, so these words only get
 * in the way of matching the question.
 */
const STYLE_REQUEST =
  /\b(?:in|using|with) (?:normal|plain|simple|simpler|layman'?s?|everyday|easy|basic|non-?technical) (?:words|english|terms|language)\b|\blike (?:i'?m|i am|im|i was|you'?re talking to) (?:five|5|a (?:kid|child|toddler|\w+ year old|\w+-year-old))\b|\beli5\b|\bin (?:a|one) (?:sentence|nutshell)\b|\b(?:the )?short version\b/gi;

/** The question without how it should be said; the whole question when nothing else is left. */
export function withoutStyleRequest(question: string): string {
  const rest = question.replace(STYLE_REQUEST, " ").replace(/\s+/g, " ").trim();
  return /[a-z]{3}/i.test(rest.replace(/\b(?:explain|it|this|that|pls|please|plz)\b/gi, ""))
    ? rest
    : question;
}

/** Opens like a question: a question word or an auxiliary verb first. */
const QUESTION_OPENER =
  /^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|did|do|does|has|have|had|can|could|will|would|should)\b/i;

/**
 * A long message that sets the scene before it asks ("my manager forwarded me
 * this... so when was it?"): the sentences that ask, without the scene. The
 * whole message when nothing stands out.
 */
export function askingSentences(message: string): string {
  const sentences = message.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
  if (sentences.length < 2) return message;
  const asking = sentences.filter((s) => s.includes("?") || QUESTION_OPENER.test(s.trim()));
  const kept = asking.length ? asking : sentences.slice(-1);
  return kept.length === sentences.length ? message : kept.join(" ");
}
