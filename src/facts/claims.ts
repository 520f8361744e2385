/**
 * The yes/no claims a fact settles ("Was the suspension permanent?" -> no).
 * The engine opens an answer with "Yes" or "No" only from these.
 */
import type { Fact } from "./schema.ts";

export interface Claim {
  ask: string;
  answer: "yes" | "no" | "unknown";
}

export function claimsOf(fact: Fact): readonly Claim[] {
  return (fact as Fact & { claims?: Claim[] }).claims ?? [];
}
