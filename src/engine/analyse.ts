/**
 * The requirement-cost analysis of a position over the whole population: each required
 * requirement's met-set from the index (the same model as ranking), then set arithmetic.
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { Bitset } from "../analysis/bitset.ts";
import { hasPopulationSets, type PopulationQuery, type PopulationSets } from "../analysis/population.ts";
import {
  loweredMinimum,
  type RequirementCosts,
  type RequirementSets,
  requirementCosts,
} from "../analysis/requirement-cost.ts";
import type { Clock } from "../domain/clock.ts";
import { LerError } from "../domain/errors.ts";
import { MatchOptions, type PositionInput, type Requirement } from "../domain/schemas.ts";
import { filtersFrom } from "../match/filters.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import type { CandidateIndex } from "../search/backend.ts";
import { EmbeddedIndex } from "../search/embedded/index.ts";
import type { Store } from "../store/types.ts";
import { resolvePosition } from "./requirements.ts";

export interface PositionAnalysis extends RequirementCosts {
  requirements: Requirement[];
  unresolved: string[];
  /** Preferred requirements rank candidates but never shut anyone out. */
  preferred: string[];
}

export interface AnalyseDeps {
  index: CandidateIndex;
  store: Store;
  taxonomy: Taxonomy;
  scoring: ScoringConfig;
  now: Clock;
}

export function createAnalyser(deps: AnalyseDeps) {
  return async function analyse(
    position: PositionInput,
    options: Partial<MatchOptions> = {},
  ): Promise<PositionAnalysis> {
    const resolved = resolvePosition(position, deps.taxonomy);
    if (resolved.requirements.length === 0)
      throw new LerError(
        "unknown_concept",
        `no requirement resolved to a known skill: ${resolved.unresolved.join(", ")}`,
        {
          details: { unresolved: resolved.unresolved },
        },
      );
    const nowMs = deps.now();
    const query = { nowMs, filters: filtersFrom(MatchOptions.parse(options), nowMs) };
    const sets = await populationOf(deps);
    const required = resolved.requirements.filter((r) => r.required);
    return {
      requirements: resolved.requirements,
      unresolved: resolved.unresolved,
      preferred: resolved.requirements.filter((r) => !r.required).map((r) => r.label),
      ...costsOver(sets, required, query),
    };
  };
}

/** Each required requirement's met-sets (at its minimum and one lower), then the set arithmetic. */
export function costsOver(
  sets: PopulationSets,
  required: readonly Requirement[],
  query: PopulationQuery,
): RequirementCosts {
  const perRequirement = required.map((requirement): RequirementSets => {
    const lowered = loweredMinimum(requirement.minLevel);
    const minimums = lowered === null ? [requirement.minLevel] : [requirement.minLevel, lowered];
    const [met, metLowered] = sets.metSets(requirement, minimums, query);
    return {
      requirement,
      met: met as Bitset,
      lowered: lowered === null ? null : { minLevel: lowered, met: metLowered as Bitset },
    };
  });
  return requirementCosts(sets.population(), perRequirement);
}

/**
 * The embedded index answers from its postings. Another backend (Elasticsearch) has no ordinals
 * to offer, so the store's view is read into an embedded index for this one analysis — slower, and
 * the same counts.
 */
async function populationOf(deps: AnalyseDeps): Promise<PopulationSets> {
  if (hasPopulationSets(deps.index)) return deps.index;
  const snapshot = new EmbeddedIndex(deps.taxonomy, deps.scoring);
  await snapshot.rebuild(deps.store.indexedCandidates(undefined, deps.scoring.trust));
  return snapshot;
}
