/**
 * The yes/no claims a fact settles ("Was the suspension permanent?" -> no).
 * The engine opens an answer with "Yes" or "No" only from these.
 */
import type { Claim, Fact } from "./schema.ts";

export type { Claim } from "./schema.ts";

export function claimsOf(fact: Fact): readonly Claim[] {
  return fact.claims ?? [];
}
