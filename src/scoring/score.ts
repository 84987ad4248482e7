/**
 * scoreCandidate: the one evidence model (docs/scoring.md). Whatever retrieved a candidate, the
 * score and its explanation are computed here, from the candidate's evidence rows: each
 * requirement is estimated from every live piece of evidence (estimate.ts), and the score is the
 * weighted mean of the estimates — the expected share of the position the person meets.
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import { evidenceDate } from "../domain/dates.ts";
import type { ExplainedRow, RetrievalFilters } from "../domain/evidence.ts";
import type { Evidence, ExcludedEvidence, MatchResult, RequirementExplanation } from "../domain/match.ts";
import type { Requirement } from "../domain/schemas.ts";
import type { ScoringConfig } from "./config.ts";
import { type CountedPiece, estimateRequirement, type Piece, type RequirementEstimate } from "./estimate.ts";
import {
  contribution,
  levelSurplus,
  meetsProbability,
  type RowStanding,
  recency,
  relatedness,
  satisfiesHardFilter,
  standingOf,
  totalWeight,
  trust,
} from "./factors.ts";
import { relationsFor } from "./relations.ts";
import { summarise } from "./summary.ts";

export interface ScoringContext {
  taxonomy: Taxonomy;
  config: ScoringConfig;
  nowMs: number;
  filters: RetrievalFilters;
  /** Recruiter search: required requirements are exact filters instead of disqualifiers. */
  hardRequired: boolean;
  labelOf?: (conceptId: string) => string;
  /** Names the result when the profile has no evidence rows to take it from. */
  candidateId?: string;
}

export type CandidateScore = Omit<MatchResult, "rank" | "name">;

/** What the model needs of one live assertion, whatever holds it (store row or index entry). */
export interface LiveEvidence {
  assertionId: string;
  conceptId: string;
  level: number | null;
  sourceKind: Piece["sourceKind"];
  issuer: string | null;
  dateMs: number | null;
}

/** One requirement weighed over a candidate's live evidence: the estimate and the hard filter. */
export interface Weighed {
  estimate: RequirementEstimate;
  /** recruiter search: some piece is the skill itself at the stated minimum */
  hardOk: boolean;
}

export function weighRequirement(
  req: Requirement,
  live: readonly LiveEvidence[],
  ctx: Pick<ScoringContext, "taxonomy" | "config" | "nowMs">,
): Weighed {
  const { config } = ctx;
  const relationTo = relationsFor(ctx.taxonomy, req.conceptId);
  const pieces: Piece[] = [];
  let hardOk = false;
  for (const e of live) {
    const rel = relationTo(e.conceptId);
    const rho = relatedness(rel.relation, rel.strength, config);
    if (rho <= 0) continue;
    hardOk ||= satisfiesHardFilter(rel.relation, e.level, req.minLevel, config);
    pieces.push({
      assertionId: e.assertionId,
      conceptId: e.conceptId,
      relation: rel.relation,
      relatedness: rho,
      level: e.level,
      sourceKind: e.sourceKind,
      issuer: e.issuer,
      dateMs: e.dateMs,
      trust: trust(e.sourceKind, config),
      recency: recency(e.dateMs, ctx.nowMs, config),
      meets: meetsProbability(e.level, req.minLevel, e.sourceKind, config),
    });
  }
  return { estimate: estimateRequirement(pieces, req.minLevel, config), hardOk };
}

/** A requirement passes: met by the evidence (match), or the exact filter holds (search). */
export const passes = (w: Weighed, hardRequired: boolean): boolean =>
  hardRequired ? w.hardOk : w.estimate.met;

/** The score and its ordering keys from the weighed requirements, summed in requirement order. */
export function aggregate(
  requirements: readonly Requirement[],
  weighed: readonly Weighed[],
  hardRequired: boolean,
): { score: number; contributions: number[]; unmetRequired: number; levelSurplus: number } {
  const weightSum = totalWeight(requirements);
  let score = 0;
  let unmetRequired = 0;
  let surplus = 0;
  const contributions: number[] = [];
  requirements.forEach((req, i) => {
    const w = weighed[i] as Weighed;
    const c = contribution(req.weight, w.estimate.estimate, weightSum);
    contributions.push(c);
    score += c;
    surplus += levelSurplus(w.estimate.level, req.minLevel);
    if (req.required && !passes(w, hardRequired)) unmetRequired++;
  });
  return { score, contributions, unmetRequired, levelSurplus: surplus };
}

interface LiveRow extends LiveEvidence {
  row: ExplainedRow;
  verified: boolean;
}

/** One literal per live row, the row kept beside the piece: what the estimate and the explanation read. */
const liveRow = (
  row: ExplainedRow,
  conceptId: string,
  { dateMs, verified }: Pick<RowStanding, "dateMs" | "verified">,
): LiveRow => ({
  assertionId: row.id,
  conceptId,
  level: row.level,
  sourceKind: row.sourceKind,
  issuer: row.issuer,
  dateMs,
  row,
  verified,
});

/**
 * The live evidence of a person, without the explanation's bookkeeping: what a caller needs to
 * weigh many requirements over one person (roles, gaps). The same rows count as in scoreCandidate.
 */
export function liveEvidence(
  evidence: readonly ExplainedRow[],
  ctx: Pick<ScoringContext, "nowMs" | "filters">,
): LiveEvidence[] {
  const live: LiveEvidence[] = [];
  for (const row of evidence) {
    if (row.conceptId === null) continue;
    const standing = standingOf(row, ctx.nowMs, ctx.filters);
    if (standing.excluded === null) live.push(liveRow(row, row.conceptId, standing));
  }
  return live;
}

export function scoreCandidate(
  requirements: readonly Requirement[],
  evidence: readonly ExplainedRow[],
  ctx: ScoringContext,
): CandidateScore {
  const { live, excluded } = partitionEvidence(requirements, evidence, ctx);
  const rowsById = new Map(live.map((l) => [l.assertionId, l]));
  const weighed = requirements.map((req) => weighRequirement(req, live, ctx));
  const { score, contributions, unmetRequired, levelSurplus } = aggregate(
    requirements,
    weighed,
    ctx.hardRequired,
  );
  const explained = requirements.map((req, i) =>
    explainRequirement(req, weighed[i] as Weighed, contributions[i] as number, rowsById, ctx),
  );
  const disqualifiedBy = requirements
    .filter((req, i) => req.required && !passes(weighed[i] as Weighed, ctx.hardRequired))
    .map((req) => req.label);
  return {
    candidateId: ctx.candidateId ?? evidence[0]?.candidateId ?? "",
    score,
    qualified: unmetRequired === 0,
    unmetRequired,
    levelSurplus,
    explanation: {
      summary: summarise(explained, disqualifiedBy, excluded),
      requirements: explained,
      found: explained.filter((r) => r.outcome !== "missing").map((r) => r.label),
      missing: explained.filter((r) => r.outcome === "missing").map((r) => r.label),
      excluded,
      disqualifiedBy,
    },
  };
}

function explainRequirement(
  req: Requirement,
  w: Weighed,
  c: number,
  rows: ReadonlyMap<string, LiveRow>,
  ctx: ScoringContext,
): RequirementExplanation {
  const e = w.estimate;
  const evidence = e.counted.map((counted) => toEvidence(counted, c, rows, ctx));
  return {
    conceptId: req.conceptId,
    label: req.label,
    minLevel: req.minLevel,
    weight: req.weight,
    required: req.required,
    outcome: e.met ? "met" : e.basis === "none" ? "missing" : "partial",
    basis: e.basis,
    estimate: e.estimate,
    confidence: e.confidence,
    meets: e.meets,
    estimatedLevel: e.level,
    contribution: c,
    evidence,
    setAside: e.setAside.map(({ piece, reason }) => ({
      assertionId: piece.assertionId,
      skillText: rows.get(piece.assertionId)?.row.skillText ?? piece.conceptId,
      reason,
    })),
    best: evidence[0] ?? null,
    runnerUp: evidence[1] ?? null,
  };
}

/**
 * Splits evidence into live rows and excluded ones. Unresolved skills are never scored. Excluded
 * items are listed only when they would have counted for some requirement, so the explanation
 * names the expired licence that mattered, not every stale line of a long profile.
 */
function partitionEvidence(
  requirements: readonly Requirement[],
  evidence: readonly ExplainedRow[],
  ctx: ScoringContext,
): { live: LiveRow[]; excluded: ExcludedEvidence[] } {
  const live: LiveRow[] = [];
  const excluded: ExcludedEvidence[] = [];
  const bearsOn = requirements.map((r) => relationsFor(ctx.taxonomy, r.conceptId));
  for (const row of evidence) {
    const conceptId = row.conceptId;
    if (conceptId === null) continue;
    const standing = standingOf(row, ctx.nowMs, ctx.filters);
    const reason = standing.excluded;
    if (reason === null) live.push(liveRow(row, conceptId, standing));
    else if (
      bearsOn.some((relationTo) => {
        const rel = relationTo(conceptId);
        return relatedness(rel.relation, rel.strength, ctx.config) > 0;
      })
    )
      excluded.push({
        assertionId: row.id,
        documentId: row.documentId,
        conceptId,
        skillText: row.skillText,
        reason,
        validUntil: row.validUntil,
      });
  }
  return { live, excluded };
}

function toEvidence(
  counted: CountedPiece,
  requirementContribution: number,
  rows: ReadonlyMap<string, LiveRow>,
  ctx: ScoringContext,
): Evidence {
  const { piece, reliability, share } = counted;
  const live = rows.get(piece.assertionId) as LiveRow;
  const { row } = live;
  return {
    assertionId: row.id,
    documentId: row.documentId,
    conceptId: piece.conceptId,
    conceptLabel:
      ctx.labelOf?.(piece.conceptId) ?? ctx.taxonomy.get(piece.conceptId)?.label ?? piece.conceptId,
    skillText: row.skillText,
    rawLevel: row.rawLevel,
    scale: row.scale,
    level: row.level,
    sourceKind: row.sourceKind,
    verified: live.verified,
    verifiedBy: live.verified ? (row.verifiedBy ?? null) : null,
    issuer: row.issuer,
    date: evidenceDate(row),
    wherePracticed: row.wherePracticed,
    factors: {
      relation: piece.relation,
      relatedness: piece.relatedness,
      meets: piece.meets,
      trust: piece.trust,
      recency: piece.recency,
    },
    reliability,
    share,
    contribution: share * requirementContribution,
  };
}
