/**
 * The factors of the scoring contract (DESIGN.md "The scoring contract", "Trust and time").
 * Every backend and every explanation computes them with these functions and nothing else, so a
 * score is the same number wherever it is computed.
 */
import type { Relation } from "../domain/match.ts";
import type { SourceKind } from "../domain/schemas.ts";
import type { RetrievalFilters } from "../search/backend.ts";
import type { ScoringConfig } from "./config.ts";
import { YEAR_MS } from "./dates.ts";

/** sim(asked, held) from the relation the taxonomy reports; co-occurrence scales its cosine. */
export function similarity(relation: Relation, strength: number, cfg: ScoringConfig): number {
  if (!cfg.expansion && relation !== "same") return 0;
  if (relation === "cooccurrence") return cfg.similarity.cooccurrence * strength;
  return cfg.similarity[relation];
}

/**
 * levelFit(level, minLevel): with a minimum, meeting it is 1 and falling short decays as
 * (level/min)^exponent; without one, higher levels count a little more. A level that was not
 * stated is neither 0 nor a pass.
 */
export function levelFit(level: number | null, minLevel: number | null, cfg: ScoringConfig): number {
  const f = cfg.fit;
  if (!f.enabled) return 1;
  if (level === null) return f.unknownLevel;
  if (minLevel === null) return Math.min(1, Math.max(0, f.base + f.perLevel * level));
  if (level >= minLevel) return 1;
  return (level / minLevel) ** f.exponent;
}

export function trust(sourceKind: SourceKind, cfg: ScoringConfig): number {
  return cfg.trustEnabled ? cfg.trust[sourceKind] : 1;
}

/** r = max(floor, 0.5^(ageYears / halfLife)); a date in the future counts as today. */
export function recency(dateMs: number | null, nowMs: number, cfg: ScoringConfig): number {
  const r = cfg.recency;
  if (!r.enabled) return 1;
  if (dateMs === null) return r.unknownDate;
  const ageYears = Math.max(0, nowMs - dateMs) / YEAR_MS;
  return Math.max(r.floor, 0.5 ** (ageYears / r.halfLifeYears));
}

/** One assertion's match for one requirement; the multiplication order is part of the contract. */
export function matchValue(sim: number, fitValue: number, trustValue: number, recencyValue: number): number {
  return sim * fitValue * trustValue * recencyValue;
}

/** Σ level surplus tie-break: how far the evidence is above the asked minimum. */
export function levelSurplus(level: number | null, minLevel: number | null): number {
  return level === null || minLevel === null ? 0 : Math.max(0, level - minLevel);
}

export type ExclusionReason = "expired" | "revoked" | "filtered-unverified" | "filtered-stale";

/**
 * Why an assertion does not count, or null when it is live. Revoked and expired credentials are
 * never scored; the caller's filters drop unverified or stale evidence (an unknown date cannot
 * prove recent practice, so it is stale under a practiced-since filter).
 */
export function exclusionOf(
  revoked: boolean,
  validUntilMs: number | null,
  verified: boolean,
  dateMs: number | null,
  nowMs: number,
  filters: RetrievalFilters,
): ExclusionReason | null {
  if (revoked) return "revoked";
  if (validUntilMs !== null && validUntilMs < nowMs) return "expired";
  if (filters.verifiedOnly && !verified) return "filtered-unverified";
  if (filters.practicedSinceMs !== null && (dateMs === null || dateMs < filters.practicedSinceMs))
    return "filtered-stale";
  return null;
}

/** Verified evidence: the document's signature was checked, or the source says it was. */
export function isVerified(row: { verified: boolean; sourceKind: SourceKind }): boolean {
  return row.verified || row.sourceKind === "verified-credential";
}

/** Σ w_r, summed in requirement order (the order is part of exactness). */
export function totalWeight(requirements: readonly { weight: number }[]): number {
  let sum = 0;
  for (const r of requirements) sum += r.weight;
  return sum;
}

/** c_r = w_r · m_r / Σw; the score is the sum of these in requirement order. */
export function contribution(weight: number, match: number, weightSum: number): number {
  return weightSum > 0 ? (weight * match) / weightSum : 0;
}

/**
 * Recruiter search treats a `required` requirement as an exact filter: the candidate must hold
 * live evidence on the asked concept itself (or, with taxonomy expansion on, a narrower one) at a
 * canonical level ≥ minLevel when a minimum is given. "Live" already includes the caller's
 * verified-only and practiced-since filters. Broader, sibling and related skills never satisfy it.
 */
export function satisfiesHardFilter(
  relation: Relation,
  level: number | null,
  minLevel: number | null,
  cfg: ScoringConfig,
): boolean {
  const sameSkill = relation === "same" || (cfg.expansion && relation === "narrower");
  return sameSkill && (minLevel === null || (level !== null && level >= minLevel));
}
