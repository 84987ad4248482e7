/** The scoring model: factor functions, the candidate scorer and the ranking order. */

export { DAY_MS, evidenceDate, parseIsoDateMs, YEAR_MS } from "../domain/dates.ts";
export { DEFAULT_SCORING, ScoringConfig } from "./config.ts";
export { apportionPoints, formatScore, SCORE_POINTS, scorePoints } from "./display.ts";
export {
  type Basis,
  type CountedPiece,
  estimateRequirement,
  type Piece,
  type RequirementEstimate,
} from "./estimate.ts";
export {
  contribution,
  type ExclusionReason,
  exclusionOf,
  isDirect,
  isVerified,
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
export { toIndexedCandidate } from "./indexed.ts";
export { compareRanked, type Rankable } from "./ranking-order.ts";
export { neighbourhoodOf, relationsFor } from "./relations.ts";
export {
  aggregate,
  type CandidateScore,
  type LiveEvidence,
  liveEvidence,
  passes,
  type ScoringContext,
  scoreCandidate,
  type Weighed,
  weighRequirement,
} from "./score.ts";
export { anchorName, summarise } from "./summary.ts";
