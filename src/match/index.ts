export { filtersFrom } from "./filters.ts";
export {
  DEFAULT_CANDIDATE_POOL,
  explainOne,
  type MatchMode,
  type RankArgs,
  type RankedPage,
  type RankingInputs,
  rankCandidates,
} from "./rank.ts";
