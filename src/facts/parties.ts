/**
 * Who acts in the story, for the timeline picture's colours. A dated fact
 * belongs to the party of the first of its entities that one of these names:
 * write a timeline fact's entities with the actor first ("The Verge reports
 * ..." starts with The Verge).
 */
import type { Fact } from "./schema.ts";

export interface Party {
  /** As shown in the picture's legend. */
  name: string;
  /** Entity names (as written in facts) that stand for this party. */
  entities: readonly string[];
}

/** In legend order; the picture gives each its own colour and shape in this order. */
export const parties: readonly Party[] = [
  { name: "OpenAI", entities: ["OpenAI"] },
  { name: "ByteDance", entities: ["ByteDance", "Jodi Seth"] },
  {
    name: "The press",
    entities: ["The Verge", "Alex Heath", "Hindustan Times", "CNN", "The Register", "The Decoder"],
  },
  { name: "Microsoft", entities: ["Microsoft", "Azure"] },
];

/** The party that acted in a fact, or undefined when none of its entities is a party's. */
export function partyOf(fact: Pick<Fact, "entities">): Party | undefined {
  for (const entity of fact.entities) {
    const party = parties.find((p) => p.entities.includes(entity));
    if (party) return party;
  }
  return undefined;
}
