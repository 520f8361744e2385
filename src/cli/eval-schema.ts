/**
 * The one schema of an evaluation set (test/eval/*.json), shared by `npm run
 * eval`, `npm run train` and the test that checks the sets' shape.
 */
import { z } from "zod";

const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern, "i");
    return true;
  } catch {
    return false;
  }
};

const pattern = z.string().min(1).refine(compiles, "pattern does not compile as a RegExp");

export const EvalItemSchema = z.strictObject({
  q: z.string().refine((q) => q.trim().length > 0, "question is blank"),
  /** answer: must answer and say `must`; abstain: must decline; honest: decline, or say the sources are silent. */
  expect: z.enum(["answer", "abstain", "honest"]),
  must: z.array(pattern).min(1).max(3).optional(),
  /** What a right answer never says (a "Yes" to a question whose answer is no). */
  mustNot: z.array(pattern).max(3).optional(),
  /** Earlier turns of the same conversation, asked first; the item is the follow-up. */
  after: z.array(z.string().min(1)).max(4).optional(),
  category: z.string().min(1),
  persona: z.string().optional(),
});

export const EvalSetSchema = z.array(EvalItemSchema);
export type EvalItem = z.infer<typeof EvalItemSchema>;

/** What an honest "the sources don't say" sounds like, for `honest` items without their own `must`. */
export const SOURCES_SILENT =
  "no (source|report|public|known|information|word|answer|update|record)|not (say|said|known|reported|public|disclosed|clear|found|been|confirm)|unknown|don't know|do not know|unclear|silent|doesn't say|don't say";
