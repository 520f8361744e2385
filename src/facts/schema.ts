/**
 * The shape of the fact base. Parsed once at start; a broken fact stops
 * start-up with a message naming the fact and the field.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "must be YYYY-MM or YYYY-MM-DD");

export const SourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case words joined by dashes"),
  publisher: z.string().min(1),
  title: z.string().min(1),
  author: z.string().min(1),
  date: isoDate,
  /** Anything the date alone does not say ("10:58 IST", "in force 2024-01-31"). */
  dateNote: z.string().optional(),
  /** Absent when the source has no stable URL. */
  url: z.url().optional(),
  /**
   * Shown beside the link when it is not the dated document itself: "current
   * page" (today's version of a policy page) or the site a syndicated copy
   * lives on ("syndicated copy on ktvz.com"). The loader requires it to name
   * the site when the link's host is not the publisher's own.
   */
  urlNote: z.string().min(3).max(60).optional(),
  /**
   * True when we hold the source only as others reported it (FACTS.md's
   * "secondary"): no whole copy, wording as quoted elsewhere.
   */
  secondary: z.boolean().optional(),
  /** How we hold it, for maintainers: the whole text, or only as reported by others. */
  note: z.string().optional(),
  /** Set when the source is one version of a policy document (drawn on the versions chart). */
  version: z
    .object({
      /** Short name shown on the chart ("Terms of Use"). */
      name: z.string().min(3).max(40),
      /** Whom it binds, in a few words ("API and business customers"). */
      covers: z.string().min(3).max(48),
      /** The day it took effect, when later than the day it was published (`date`). */
      inForce: isoDate.optional(),
      /** Ids of the versions it replaced; each ends the day this one takes effect. */
      replaces: z.array(z.string()).optional(),
    })
    .optional(),
});

export const CitationSchema = z.object({
  source: z.string().min(1),
  /** An exact quote, only for what a person said or what a policy says. */
  quote: z.string().min(1).max(400).optional(),
  /** Who said or wrote the quote, when it is not the publisher itself ("Niko Felix, OpenAI spokesperson"). */
  quoteBy: z.string().min(1).max(80).optional(),
});

/** A yes/no question the fact settles, and its answer ("unknown": no source says). */
export const ClaimSchema = z.object({
  ask: z.string().min(8).max(120).regex(/\?$/, 'must be a question ending in "?"'),
  answer: z.enum(["yes", "no", "unknown"]),
});

export const FactSchema = z.object({
  id: z
    .string()
    .regex(
      /^(incident|policy)\.[a-z0-9-]+(\.[a-z0-9-]+)*$/,
      "must look like incident.name or policy.name",
    ),
  topic: z.enum(["incident", "policy"]),
  /** One to three sentences in our own words; the point first. */
  statement: z.string().min(20).max(400),
  /** Ways people ask for this fact (an FAQ's alternate questions). The first is the canonical one. */
  questions: z.array(z.string().min(5).max(80)).min(2),
  /** Names the fact is about: "ByteDance", "Project Seed", "Niko Felix". */
  entities: z.array(z.string().min(1)),
  kind: z.enum(["who", "what", "when", "why", "how", "yesno"]),
  /** primary: the outlet or document itself; secondary: as reported by another outlet; unknown: the sources are silent. */
  firmness: z.enum(["primary", "secondary", "unknown"]),
  related: z.array(z.string()),
  citations: z.array(CitationSchema).min(1),
  /**
   * Yes/no questions this fact settles, in plain words. The answer engine says
   * "Yes", "No" or "No source says" only from these.
   */
  claims: z.array(ClaimSchema).optional(),
  /** Set on events that belong on the timeline. */
  when: z
    .object({
      date: isoDate,
      label: z.string().min(3).max(120),
      /** Orders events of the same date by what happened first (lower first). */
      order: z.number().int().min(0).optional(),
    })
    .optional(),
});

export type Source = z.infer<typeof SourceSchema>;
export type FactCitation = z.infer<typeof CitationSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type FactKind = Fact["kind"];

export interface FactBase {
  sources: Source[];
  facts: Fact[];
}
