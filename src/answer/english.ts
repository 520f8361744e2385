/**
 * Plain English, whatever the story: words that carry no meaning for matching,
 * and everyday words that carry little of a question's topic.
 */

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
    "exactly even again ever yet only other another same such via per vs versus whether right whos whats wheres hows whys whens thats theres wat wut whut wot ppl " +
    // Chat fillers: they set a tone, never a topic.
    "whyd whod whatd howd whered whend getting gotten " +
    "fr ngl tbh imo imho lmao lmfao rofl lowkey highkey nah yeah yea yep nope tho idk idc rn smh bruh fam omg btw fyi afaik iirc"
  ).split(/\s+/),
);

/**
 * Short forms people type, as the words the facts spell out: months
 * ("dec 2023"), and chat shorthand ("abt", "thru"). Applied before stemming.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    jan: "january",
    feb: "february",
    apr: "april",
    jun: "june",
    jul: "july",
    aug: "august",
    sep: "september",
    sept: "september",
    oct: "october",
    nov: "november",
    dec: "december",
    thru: "through",
    abt: "about",
    govt: "government",
    info: "information",
    diff: "difference",
    doc: "document",
    docs: "documents",
    convo: "conversation",
    msg: "message",
    b4: "before",
    bc: "because",
    cuz: "because",
    coz: "because",
    wud: "would",
    cud: "could",
    shud: "should",
    spox: "spokesperson",
    spokesman: "spokesperson",
    spokeswoman: "spokesperson",
  }),
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
