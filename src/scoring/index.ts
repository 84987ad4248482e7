/** The scoring model: factor functions, the candidate scorer and the ranking order. */
export { DEFAULT_SCORING, ScoringConfig } from "./config.ts";
export { DAY_MS, evidenceDate, parseIsoDateMs, YEAR_MS } from "./dates.ts";
export { apportionPoints, formatScore, SCORE_POINTS, scorePoints } from "./display.ts";
export {
  contribution,
  type ExclusionReason,
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
export { toIndexedCandidate } from "./indexed.ts";
export { compareRanked, type Rankable } from "./rank.ts";
export { neighbourhoodOf, relationsFor } from "./relations.ts";
export { type CandidateScore, type ScoringContext, scoreCandidate } from "./score.ts";
export { levelName, summarise } from "./summary.ts";
