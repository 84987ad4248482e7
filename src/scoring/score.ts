/**
 * scoreCandidate: the one scoring model (DESIGN.md "The scoring contract"). Whatever retrieved a
 * candidate, the score and its explanation are computed here, from the candidate's evidence rows.
 */
import type { SimilarityResult, Taxonomy } from "../../taxonomy/model.ts";
import type { Evidence, ExcludedEvidence, MatchResult, RequirementExplanation } from "../domain/match.ts";
import type { Requirement } from "../domain/schemas.ts";
import type { RetrievalFilters } from "../search/backend.ts";
import type { EvidenceRow } from "../store/types.ts";
import type { ScoringConfig } from "./config.ts";
import { evidenceDate, parseIsoDateMs } from "./dates.ts";
import {
  contribution,
  exclusionOf,
  isVerified,
  levelFit,
  levelSurplus,
  matchValue,
  recency,
  satisfiesHardFilter,
  similarity,
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

interface LiveRow {
  row: EvidenceRow & { conceptId: string };
  dateMs: number | null;
  verified: boolean;
}

/** One live assertion weighed against one requirement. */
interface Weighed {
  evidence: Evidence;
  surplus: number;
  hardOk: boolean;
}

export function scoreCandidate(
  requirements: readonly Requirement[],
  evidence: readonly EvidenceRow[],
  ctx: ScoringContext,
): CandidateScore {
  const { live, excluded } = partitionEvidence(requirements, evidence, ctx);
  const weightSum = totalWeight(requirements);
  let score = 0;
  let surplus = 0;
  const explained: RequirementExplanation[] = [];
  const disqualifiedBy: string[] = [];
  for (const req of requirements) {
    const ranked = weighAll(req, live, ctx);
    const best = ranked[0];
    const match = best ? best.evidence.match : 0;
    const c = contribution(req.weight, match, weightSum);
    score += c;
    surplus += best ? best.surplus : 0;
    if (req.required && !passesRequired(match, ranked, ctx)) disqualifiedBy.push(req.label);
    explained.push({
      conceptId: req.conceptId,
      label: req.label,
      minLevel: req.minLevel,
      weight: req.weight,
      required: req.required,
      outcome: outcomeOf(req, best?.evidence ?? null, ctx.config),
      match,
      contribution: c,
      best: best?.evidence ?? null,
      runnerUp: ranked[1]?.evidence ?? null,
    });
  }
  return {
    candidateId: ctx.candidateId ?? evidence[0]?.candidateId ?? "",
    score,
    qualified: disqualifiedBy.length === 0,
    levelSurplus: surplus,
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

function passesRequired(match: number, ranked: Weighed[], ctx: ScoringContext): boolean {
  return ctx.hardRequired ? ranked.some((w) => w.hardOk) : match >= ctx.config.requiredThreshold;
}

function outcomeOf(
  req: Requirement,
  best: Evidence | null,
  cfg: ScoringConfig,
): RequirementExplanation["outcome"] {
  if (!best) return "missing";
  const levelOk = req.minLevel === null || (best.level !== null && best.level >= req.minLevel);
  return best.match >= cfg.requiredThreshold && levelOk ? "met" : "partial";
}

/**
 * Splits evidence into live rows and excluded ones. Unresolved skills are never scored. Excluded
 * items are listed only when they would have counted for some requirement, so the explanation
 * names the expired licence that mattered, not every stale line of a long profile.
 */
function partitionEvidence(
  requirements: readonly Requirement[],
  evidence: readonly EvidenceRow[],
  ctx: ScoringContext,
): { live: LiveRow[]; excluded: ExcludedEvidence[] } {
  const live: LiveRow[] = [];
  const excluded: ExcludedEvidence[] = [];
  for (const row of evidence) {
    const conceptId = row.conceptId;
    if (conceptId === null) continue;
    const dateMs = parseIsoDateMs(evidenceDate(row));
    const verified = isVerified(row);
    const reason = exclusionOf(
      row.revoked,
      parseIsoDateMs(row.validUntil),
      verified,
      dateMs,
      ctx.nowMs,
      ctx.filters,
    );
    if (reason === null) live.push({ row: { ...row, conceptId }, dateMs, verified });
    else if (requirements.some((r) => simOf(relationsFor(ctx.taxonomy, r.conceptId), conceptId, ctx).sim > 0))
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

function simOf(relationTo: (held: string) => SimilarityResult, held: string, ctx: ScoringContext) {
  const rel = relationTo(held);
  return { relation: rel.relation, sim: similarity(rel.relation, rel.strength, ctx.config) };
}

/** Every live assertion that bears on the requirement, best first (match, surplus, assertion id). */
function weighAll(req: Requirement, live: readonly LiveRow[], ctx: ScoringContext): Weighed[] {
  const out: Weighed[] = [];
  const relationTo = relationsFor(ctx.taxonomy, req.conceptId);
  for (const l of live) {
    const { relation, sim } = simOf(relationTo, l.row.conceptId, ctx);
    if (sim <= 0) continue;
    const factors = {
      similarity: sim,
      relation,
      fit: levelFit(l.row.level, req.minLevel, ctx.config),
      trust: trust(l.row.sourceKind, ctx.config),
      recency: recency(l.dateMs, ctx.nowMs, ctx.config),
    };
    out.push({
      evidence: toEvidence(l, factors, ctx),
      surplus: levelSurplus(l.row.level, req.minLevel),
      hardOk: satisfiesHardFilter(relation, l.row.level, req.minLevel, ctx.config),
    });
  }
  return out.sort(
    (a, b) =>
      b.evidence.match - a.evidence.match ||
      b.surplus - a.surplus ||
      (a.evidence.assertionId < b.evidence.assertionId ? -1 : 1),
  );
}

function toEvidence(l: LiveRow, factors: Evidence["factors"], ctx: ScoringContext): Evidence {
  const { row } = l;
  return {
    assertionId: row.id,
    documentId: row.documentId,
    conceptId: row.conceptId,
    conceptLabel: ctx.labelOf?.(row.conceptId) ?? ctx.taxonomy.get(row.conceptId)?.label ?? row.conceptId,
    skillText: row.skillText,
    rawLevel: row.rawLevel,
    scale: row.scale,
    level: row.level,
    sourceKind: row.sourceKind,
    verified: l.verified,
    issuer: row.issuer,
    date: evidenceDate(row),
    wherePracticed: row.wherePracticed,
    factors,
    match: matchValue(factors.similarity, factors.fit, factors.trust, factors.recency),
  };
}
