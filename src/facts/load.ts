/**
 * Parses the fact base with zod and cross-checks what a schema cannot see
 * (ids, references, honesty rules). Any problem throws a FactBaseError that
 * names the fact (or source) and the field, so a broken fact stops start-up
 * with a message a maintainer can act on.
 */

import { linkProblem, uncitedInformant } from "./honesty.ts";
import { incidentFacts } from "./incident.ts";
import { assessmentFacts } from "./incident-assessment.ts";
import { bytedanceFacts } from "./incident-bytedance.ts";
import { coverageFacts } from "./incident-coverage.ts";
import { unknownFacts } from "./incident-unknowns.ts";
import { policyFacts } from "./policy.ts";
import { policyCaseFacts } from "./policy-cases.ts";
import { type Fact, type FactBase, FactSchema, type Source, SourceSchema } from "./schema.ts";
import { sources as defaultSources } from "./sources.ts";

export class FactBaseError extends Error {
  override name = "FactBaseError";
}

/** The base as written in this folder, before validation. */
export const rawFactBase = {
  sources: defaultSources,
  facts: [
    ...incidentFacts,
    ...assessmentFacts,
    ...bytedanceFacts,
    ...coverageFacts,
    ...unknownFacts,
    ...policyFacts,
    ...policyCaseFacts,
  ],
};

/** A secondary fact must say whose word it rests on. */
const ATTRIBUTION = /\b(reported|according to|told|said|says)\b/i;
/** An unknown fact must say plainly that the sources are silent. */
const STATES_GAP =
  /\b(no source|sources?(?: we hold)? (?:do|does) not (?:say|report|show)|not known)\b/i;
/** Openers the answer engine derives from claims; a statement carries none. */
const CANNED_OPENER = /^\W*(?:yes|no)\b/i;

/** ["citations", 0, "source"] -> "citations[0].source". */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

function labelOf(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" && id.length > 0 ? id : `#${index}`;
}

/** Normalizes a question so "Who is OpenAI?" and "who is openai" count as the same phrasing. */
export function questionKey(question: string): string {
  return question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}

function parseAll<T>(
  kind: "Fact" | "Source",
  list: unknown,
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
): T[] {
  if (!Array.isArray(list))
    throw new FactBaseError(`The fact base's ${kind.toLowerCase()}s must be a list`);
  return list.map((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : "";
    throw new FactBaseError(
      `${kind} "${labelOf(raw, index)}" is invalid: ${where}${issue?.message ?? "unreadable"}`,
    );
  });
}

function checkSources(sources: Source[]): Map<string, Source> {
  const byId = new Map<string, Source>();
  for (const source of sources) {
    const fail = (detail: string): never => {
      throw new FactBaseError(`Source "${source.id}" is invalid: ${detail}`);
    };
    if (byId.has(source.id)) fail("id is used by more than one source");
    const link = linkProblem(source);
    if (link) fail(link);
    byId.set(source.id, source);
  }
  for (const source of sources) {
    source.version?.replaces?.forEach((id, i) => {
      if (!byId.get(id)?.version)
        throw new FactBaseError(
          `Source "${source.id}" is invalid: version.replaces[${i}] "${id}" is not a source with a version`,
        );
    });
  }
  return byId;
}

function checkFact(fact: Fact, sourceById: Map<string, Source>, factIds: Set<string>): void {
  const fail = (detail: string): never => {
    throw new FactBaseError(`Fact "${fact.id}" is invalid: ${detail}`);
  };
  if (!fact.id.startsWith(`${fact.topic}.`)) fail(`topic "${fact.topic}" does not match the id`);
  const cited: string[] = [];
  for (const [i, c] of fact.citations.entries()) {
    const source = sourceById.get(c.source);
    if (!source) fail(`citations[${i}].source "${c.source}" is not a known source`);
    else cited.push(source.publisher, ...(c.quoteBy ? [c.quoteBy] : []));
  }
  const informant = uncitedInformant(fact.statement, cited);
  if (informant !== undefined)
    fail(
      `statement names "${informant}", which is not the publisher of any of its citations: cite it or word the statement without it`,
    );
  const seenRelated = new Set<string>();
  fact.related.forEach((r, i) => {
    if (r === fact.id) fail(`related[${i}] "${r}" is the fact itself`);
    if (!factIds.has(r)) fail(`related[${i}] "${r}" is not a known fact`);
    if (seenRelated.has(r)) fail(`related[${i}] "${r}" is listed twice`);
    seenRelated.add(r);
  });
  if (fact.firmness === "secondary" && !ATTRIBUTION.test(fact.statement)) {
    fail('statement: a secondary fact must say whose report it rests on ("as reported by ...")');
  }
  if (fact.firmness === "unknown" && !STATES_GAP.test(fact.statement)) {
    fail("statement: an unknown fact must say plainly that no source says");
  }
  if (CANNED_OPENER.test(fact.statement))
    fail('statement: no "Yes"/"No" opener; the answer to a yes/no question comes from claims');
  fact.claims?.forEach((claim, i) => {
    if (claim.answer === "unknown" && fact.firmness !== "unknown")
      fail(`claims[${i}] "${claim.ask}": only a fact with firmness "unknown" may answer "unknown"`);
  });
}

/**
 * Each phrasing belongs to one fact, and each claim is asked once (two
 * answers to one question would contradict) and only of the fact whose
 * phrasings might carry it.
 */
function checkQuestionOwners(facts: Fact[]): void {
  const questionOwner = new Map<string, string>();
  const claimOwner = new Map<string, string>();
  const whose = (owner: string, fact: Fact) =>
    owner === fact.id ? "this fact" : `fact "${owner}"`;
  for (const fact of facts) {
    fact.questions.forEach((q, i) => {
      const key = questionKey(q);
      const owner = questionOwner.get(key);
      if (owner !== undefined)
        throw new FactBaseError(
          `Fact "${fact.id}" is invalid: questions[${i}] "${q}" is already a question of ${whose(owner, fact)}`,
        );
      questionOwner.set(key, fact.id);
    });
  }
  for (const fact of facts) {
    fact.claims?.forEach((c, i) => {
      const key = questionKey(c.ask);
      const fail = (detail: string): never => {
        throw new FactBaseError(
          `Fact "${fact.id}" is invalid: claims[${i}].ask "${c.ask}" ${detail}`,
        );
      };
      const claimedBy = claimOwner.get(key);
      if (claimedBy !== undefined) fail(`is already a claim of ${whose(claimedBy, fact)}`);
      const askedOf = questionOwner.get(key);
      if (askedOf !== undefined && askedOf !== fact.id) fail(`is a question of fact "${askedOf}"`);
      claimOwner.set(key, fact.id);
    });
  }
}

/**
 * Events of one day sort by id unless they carry `when.order`; once one of
 * them does, all of them must, with distinct values.
 */
function checkTimelineOrder(facts: Fact[]): void {
  const byDate = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.when) byDate.set(fact.when.date, [...(byDate.get(fact.when.date) ?? []), fact]);
  }
  for (const [date, sameDay] of byDate) {
    if (sameDay.every((f) => f.when?.order === undefined)) continue;
    const seen = new Map<number, string>();
    for (const fact of sameDay) {
      const fail = (detail: string): never => {
        throw new FactBaseError(`Fact "${fact.id}" is invalid: when.order ${detail}`);
      };
      const order = fact.when?.order;
      if (order === undefined) fail(`is missing, but other events on ${date} have one`);
      const tie = seen.get(order ?? -1);
      if (tie !== undefined) fail(`${order} ties with fact "${tie}" on ${date}`);
      seen.set(order ?? -1, fact.id);
    }
  }
}

/**
 * Validates a fact base (by default the one in this folder) and returns it
 * typed. Throws FactBaseError naming the fact and the field on any problem.
 */
export function loadFactBase(raw: { sources: unknown; facts: unknown } = rawFactBase): FactBase {
  const sources = parseAll<Source>("Source", raw.sources, SourceSchema);
  const facts = parseAll<Fact>("Fact", raw.facts, FactSchema);
  const sourceById = checkSources(sources);

  const factIds = new Set<string>();
  for (const fact of facts) {
    if (factIds.has(fact.id))
      throw new FactBaseError(`Fact "${fact.id}" is invalid: id is used by more than one fact`);
    factIds.add(fact.id);
  }

  for (const fact of facts) checkFact(fact, sourceById, factIds);
  checkQuestionOwners(facts);
  checkTimelineOrder(facts);
  return { sources, facts };
}
