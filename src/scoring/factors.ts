/**
 * The per-piece factors of the evidence model (docs/scoring.md). Every backend and every
 * explanation computes them with these functions and nothing else, so a score is the same
 * number wherever it is computed.
 */

import { evidenceDate, parseIsoDateMs, YEAR_MS } from "../domain/dates.ts";
import type { ExplainedRow, RetrievalFilters } from "../domain/evidence.ts";
import type { Relation } from "../domain/match.ts";
import type { SourceKind } from "../domain/schemas.ts";
import type { ScoringConfig } from "./config.ts";

/** Relations whose evidence is about the asked skill itself. */
export const isDirect = (relation: Relation): boolean => relation === "same" || relation === "narrower";

/**
 * How much evidence on a concept in this relation says about the asked one: 1 for the skill
 * itself, a discount for a narrower form of it, and for neighbours their measured relatedness
 * (co-occurrence cosine, an explicit `related` edge). Tree position alone earns nothing: two
 * skills under "programming languages" are not each other's evidence.
 */
export function relatedness(relation: Relation, cosine: number, cfg: ScoringConfig): number {
  if (relation === "same") return 1;
  if (!cfg.expansion) return 0;
  const r = cfg.relatedness;
  const measured = r.cooccurrence * cosine;
  switch (relation) {
    case "narrower":
      return r.narrower;
    case "related":
      return Math.max(r.related, measured);
    case "broader":
      return Math.max(r.broader, measured);
    case "sibling":
    case "cooccurrence":
      return measured;
    default:
      return 0;
  }
}

export function trust(sourceKind: SourceKind, cfg: ScoringConfig): number {
  return cfg.trustEnabled ? cfg.trust[sourceKind] : 1;
}

/** 1 within the grace period, then halving every half-life down to the floor; unknown: neither. */
export function recency(dateMs: number | null, nowMs: number, cfg: ScoringConfig): number {
  const r = cfg.recency;
  if (!r.enabled) return 1;
  if (dateMs === null) return r.unknownDate;
  const ageYears = Math.max(0, nowMs - dateMs) / YEAR_MS;
  const stale = Math.max(0, ageYears - r.graceYears);
  return Math.max(r.floor, 0.5 ** (stale / r.halfLifeYears));
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * P(the person meets the minimum | this piece's stated level): a logistic around the minimum, so
 * a level at the bar reads as likely, one above as near-certain, one below as unlikely. Claims a
 * person makes about themselves are read a little lower (people rate themselves up); an unstated
 * level is taken as the assumed level, read with less certainty.
 */
export function meetsProbability(
  level: number | null,
  minLevel: number | null,
  sourceKind: SourceKind,
  cfg: ScoringConfig,
): number {
  const l = cfg.level;
  const min = minLevel ?? l.defaultMinimum;
  if (level === null) return logistic(l.slope * l.unknownSlopeFactor * (l.assumedLevel - min + 0.5));
  const read = sourceKind === "self-asserted" ? level - l.selfInflation : level;
  return logistic(l.slope * (read - min + 0.5));
}

/** The level a piece stands for when estimating the person's level: unstated → assumed. */
export const levelForEstimate = (level: number | null, cfg: ScoringConfig): number =>
  level ?? cfg.level.assumedLevel;

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

/** A stored row read against the clock and the filters: what every reader of rows needs first. */
export interface RowStanding {
  /** its evidence date (last practiced, else issued), in ms */
  dateMs: number | null;
  verified: boolean;
  /** why it does not count, or null when it does */
  excluded: ExclusionReason | null;
}

export function standingOf(row: ExplainedRow, nowMs: number, filters: RetrievalFilters): RowStanding {
  const dateMs = parseIsoDateMs(evidenceDate(row));
  const verified = isVerified(row);
  const excluded = exclusionOf(row.revoked, parseIsoDateMs(row.validUntil), verified, dateMs, nowMs, filters);
  return { dateMs, verified, excluded };
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

/** c_r = w_r · P_r / Σw; the score is the sum of these in requirement order. */
export function contribution(weight: number, estimate: number, weightSum: number): number {
  return weightSum > 0 ? (weight * estimate) / weightSum : 0;
}

/**
 * Recruiter search treats a `required` requirement as an exact filter: live evidence on the asked
 * concept itself (or, with expansion on, a narrower one) at a stated canonical level ≥ minLevel
 * when a minimum is given. Neighbouring skills never satisfy it.
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
