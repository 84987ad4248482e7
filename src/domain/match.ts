/**
 * What a match returns: a score that explains itself requirement by requirement (DESIGN.md,
 * "The scoring contract"). Declared as zod so the OpenAPI document describes the real shape.
 */
import { z } from "zod";
import { SourceKind } from "./schemas.ts";

/** How the asked concept relates to the concept the evidence is about. */
export const Relation = z.enum(["same", "narrower", "broader", "sibling", "related", "cooccurrence", "none"]);
export type Relation = z.infer<typeof Relation>;

export const Factors = z.object({
  similarity: z.number(),
  relation: Relation,
  fit: z.number(),
  trust: z.number(),
  recency: z.number(),
});
export type Factors = z.infer<typeof Factors>;

export const Evidence = z.object({
  assertionId: z.string(),
  documentId: z.string(),
  conceptId: z.string(),
  conceptLabel: z.string(),
  skillText: z.string(),
  rawLevel: z.string().nullable(),
  scale: z.string().nullable(),
  level: z.number().nullable(),
  sourceKind: SourceKind,
  verified: z.boolean(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  wherePracticed: z.string().nullable(),
  factors: Factors,
  /** similarity · fit · trust · recency */
  match: z.number(),
});
export type Evidence = z.infer<typeof Evidence>;

export const RequirementOutcome = z.enum(["met", "partial", "missing"]);
export type RequirementOutcome = z.infer<typeof RequirementOutcome>;

export const RequirementExplanation = z.object({
  conceptId: z.string(),
  label: z.string(),
  minLevel: z.number().nullable(),
  weight: z.number(),
  required: z.boolean(),
  outcome: RequirementOutcome,
  /** m_r in DESIGN.md */
  match: z.number(),
  /** c_r = w_r · m_r / Σw; the contributions add up to the score exactly. */
  contribution: z.number(),
  best: Evidence.nullable(),
  runnerUp: Evidence.nullable(),
});
export type RequirementExplanation = z.infer<typeof RequirementExplanation>;

export const ExcludedEvidence = z.object({
  assertionId: z.string(),
  documentId: z.string(),
  conceptId: z.string().nullable(),
  skillText: z.string(),
  reason: z.enum(["expired", "revoked", "filtered-unverified", "filtered-stale"]),
  validUntil: z.string().nullable(),
});
export type ExcludedEvidence = z.infer<typeof ExcludedEvidence>;

export const Explanation = z.object({
  summary: z.string(),
  requirements: z.array(RequirementExplanation),
  found: z.array(z.string()),
  missing: z.array(z.string()),
  excluded: z.array(ExcludedEvidence),
  disqualifiedBy: z.array(z.string()),
});
export type Explanation = z.infer<typeof Explanation>;

export const MatchResult = z.object({
  candidateId: z.string(),
  name: z.string().nullable(),
  rank: z.number().int(),
  /** 0…1; shown to people as 0–100. */
  score: z.number(),
  qualified: z.boolean(),
  levelSurplus: z.number(),
  explanation: Explanation,
});
export type MatchResult = z.infer<typeof MatchResult>;
