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
  relation: Relation,
  /** how much evidence on this concept says about the asked one (1 = the skill itself) */
  relatedness: z.number(),
  /** P(the person meets the asked minimum) read from this piece's stated level */
  meets: z.number(),
  trust: z.number(),
  recency: z.number(),
});
export type Factors = z.infer<typeof Factors>;

/** Which stored assertion, of which document, a piece of evidence is. */
const AssertionRef = z.object({
  assertionId: z.string(),
  documentId: z.string(),
});

export const Evidence = AssertionRef.extend({
  conceptId: z.string(),
  conceptLabel: z.string(),
  skillText: z.string(),
  rawLevel: z.string().nullable(),
  scale: z.string().nullable(),
  level: z.number().nullable(),
  sourceKind: SourceKind,
  verified: z.boolean(),
  /** When verified: by whom (the trust list's name for the issuer whose proof held, or "attested by …"). */
  verifiedBy: z.string().nullable().optional(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  wherePracticed: z.string().nullable(),
  factors: Factors,
  /** relatedness · trust · recency: how much this voice is believed */
  reliability: z.number(),
  /** this piece's share of the requirement's estimate (the shares add up to 1) */
  share: z.number(),
  /** share · the requirement's contribution */
  contribution: z.number(),
});
export type Evidence = z.infer<typeof Evidence>;

export const RequirementOutcome = z.enum(["met", "partial", "missing"]);
export type RequirementOutcome = z.infer<typeof RequirementOutcome>;

export const EvidenceBasis = z.enum(["direct", "neighbours", "none"]);

export const SetAsideEvidence = z.object({
  assertionId: z.string(),
  skillText: z.string(),
  /** superseded: a later record of the same source; same-source: that source already counted */
  reason: z.enum(["superseded", "same-source"]),
});

const NamedConcept = z.object({ conceptId: z.string(), label: z.string() });

/** A requirement as the engine resolved it (the Requirement type, as an answer's schema). */
export const ResolvedRequirement = z.object({
  conceptId: z.string(),
  label: z.string(),
  /** any-of: other concepts any one of which meets it as well ("Spark or Kafka"); absent: the concept alone */
  alternatives: z.array(z.string()).optional(),
  minLevel: z.number().nullable(),
  weight: z.number(),
  required: z.boolean(),
});

export const RequirementExplanation = ResolvedRequirement.extend({
  outcome: RequirementOutcome,
  /**
   * An any-of requirement only ("Apache Spark or Apache Kafka"): the alternative whose evidence is
   * listed — the largest estimate of them for this person; null without evidence.
   */
  weighedOn: NamedConcept.nullable().optional(),
  /** An any-of requirement only: the alternative that meets it ("met by Apache Spark"); null when none does. */
  metBy: NamedConcept.nullable().optional(),
  /** direct: evidence of the skill itself; neighbours: only related skills; none */
  basis: EvidenceBasis,
  /** P_r: how likely the person meets this requirement, 0…1 */
  estimate: z.number(),
  /** C: how sure the evidence is that the person has the skill */
  confidence: z.number(),
  /** Q: how likely their level meets the minimum */
  meets: z.number(),
  /** what the direct evidence puts their level at (canonical 0–5), null without direct evidence */
  estimatedLevel: z.number().nullable(),
  /** c_r = w_r · P_r / Σw; the contributions add up to the score exactly. */
  contribution: z.number(),
  /** every piece that counted, largest share first */
  evidence: z.array(Evidence),
  setAside: z.array(SetAsideEvidence),
  /** evidence[0] and evidence[1], for a glance */
  best: Evidence.nullable(),
  runnerUp: Evidence.nullable(),
});
export type RequirementExplanation = z.infer<typeof RequirementExplanation>;

export const ExcludedEvidence = AssertionRef.extend({
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
  /**
   * 0…1, shown to people as 0–100: the expected share of the position's weighted requirements the
   * person meets. 0.9 reads "very likely meets nearly all of it".
   */
  score: z.number(),
  qualified: z.boolean(),
  /** required requirements not met: 0 when qualified; fewer ranks higher among the disqualified */
  unmetRequired: z.number().int(),
  levelSurplus: z.number(),
  explanation: Explanation,
});
export type MatchResult = z.infer<typeof MatchResult>;

/**
 * How much of each result's explanation a page carries (POST /v1/match and /v1/search,
 * `options.explain`): "full", every piece of evidence with its factors (the default); "summary",
 * each requirement's verdict with its best piece's headline; "none", the ranking alone. The full
 * breakdown of any one result stays one POST /v1/explain away.
 */
export const ExplainLevel = z.enum(["full", "summary", "none"]);
export type ExplainLevel = z.infer<typeof ExplainLevel>;

/** A piece of evidence as a headline: what it says and who vouches for it, without its weighing. */
export const EvidenceBrief = Evidence.pick({
  assertionId: true,
  documentId: true,
  conceptId: true,
  conceptLabel: true,
  skillText: true,
  rawLevel: true,
  level: true,
  sourceKind: true,
  verified: true,
  verifiedBy: true,
  issuer: true,
  date: true,
});
export type EvidenceBrief = z.infer<typeof EvidenceBrief>;

/** What a requirement's full explanation lists piece by piece. */
const PIECES = { evidence: true, setAside: true, best: true, runnerUp: true } as const;

export const RequirementSummary = RequirementExplanation.omit(PIECES).extend({
  /** how many pieces counted (the full explanation lists them) */
  evidenceCount: z.number().int(),
  /** the piece with the largest share */
  best: EvidenceBrief.nullable(),
});
export type RequirementSummary = z.infer<typeof RequirementSummary>;

export const ExplanationSummary = Explanation.omit({ requirements: true, excluded: true }).extend({
  requirements: z.array(RequirementSummary),
  /** how many pieces were not counted (expired, revoked, filtered out) */
  excludedCount: z.number().int(),
});
export type ExplanationSummary = z.infer<typeof ExplanationSummary>;

export const MatchResultSummary = MatchResult.extend({ explanation: ExplanationSummary });
export type MatchResultSummary = z.infer<typeof MatchResultSummary>;

/** A result without its explanation: the ranking keys alone. */
export const RankedCandidate = MatchResult.omit({ explanation: true });
export type RankedCandidate = z.infer<typeof RankedCandidate>;
