/**
 * The requirement-cost analysis of a position over the whole population: each required
 * requirement's met-set from the index (the same model as ranking), then set arithmetic.
 */

import { z } from "zod";
import type { JobDescriptionParse } from "../../taxonomy/jd/types.ts";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { Bitset } from "../analysis/bitset.ts";
import { type EducationCost, educationCosts } from "../analysis/education-cost.ts";
import {
  hasPopulationSets,
  metSetsOf,
  type PopulationQuery,
  type PopulationSets,
} from "../analysis/population.ts";
import {
  loweredMinimum,
  qualifiedSet,
  type RequirementCosts,
  type RequirementSets,
  requirementCosts,
} from "../analysis/requirement-cost.ts";
import type { Clock } from "../domain/clock.ts";
import { EducationRequirement, type EducationRequirementInput } from "../domain/education.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import { MatchOptions, type PositionInput, type Requirement } from "../domain/schemas.ts";
import { filtersFrom } from "../match/filters.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { toIndexedCandidates } from "../scoring/indexed.ts";
import type { CandidateIndex } from "../search/backend.ts";
import { EmbeddedIndex } from "../search/embedded/index.ts";
import type { Store } from "../store/types.ts";
import { type ResolvedPosition, resolvePosition } from "./requirements.ts";

export interface PositionAnalysis extends RequirementCosts {
  requirements: Requirement[];
  unresolved: string[];
  /** Preferred requirements rank candidates but never shut anyone out. */
  preferred: string[];
  /** Each degree the position asks for, against the people who meet every skill requirement. */
  education: EducationCost[];
}

/** A position to analyse: its skill requirements and, apart from them, the degrees it asks for. */
export type AnalysedPosition = PositionInput & { education?: EducationRequirementInput[] };

export const EducationList = z.array(EducationRequirement).max(10);

/** The degrees a job description asks for, apart from its skills. */
export const educationFromJd = (parse: JobDescriptionParse): EducationRequirementInput[] =>
  parse.education.map(({ level, field, orEquivalent, relatedFields }) => ({
    level,
    field,
    orEquivalent,
    relatedFields,
  }));

export interface AnalyseDeps {
  index: CandidateIndex;
  store: Store;
  taxonomy: Taxonomy;
  scoring: ScoringConfig;
  now: Clock;
}

export interface Analyser {
  analyse(position: AnalysedPosition, options?: Partial<MatchOptions>): Promise<PositionAnalysis>;
  /** The same analysis of a position already resolved (a job description's requirements). */
  analyseResolved(
    resolved: ResolvedPosition,
    education: readonly EducationRequirementInput[],
    options?: Partial<MatchOptions>,
  ): Promise<PositionAnalysis>;
}

export function createAnalyser(deps: AnalyseDeps): Analyser {
  async function analyseResolved(
    resolved: ResolvedPosition,
    educationInput: readonly EducationRequirementInput[],
    options: Partial<MatchOptions> = {},
  ): Promise<PositionAnalysis> {
    const education = EducationList.safeParse(educationInput);
    if (!education.success) throw fromZod(education.error, "education");
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
    const { costs, population, qualified } = costsOver(sets, required, query);
    return {
      requirements: resolved.requirements,
      unresolved: resolved.unresolved,
      preferred: resolved.requirements.filter((r) => !r.required).map((r) => r.label),
      ...costs,
      education: education.data.length
        ? educationCosts(population, qualified, education.data, deps.store.allDegrees(), (id) =>
            sets.ordinalOf(id),
          )
        : [],
    };
  }
  return {
    analyseResolved,
    analyse: (position, options) =>
      analyseResolved(resolvePosition(position, deps.taxonomy), position.education ?? [], options),
  };
}

/** Each required requirement's met-sets (at its minimum and one lower), then the set arithmetic. */
export function costsOver(
  sets: PopulationSets,
  required: readonly Requirement[],
  query: PopulationQuery,
): { costs: RequirementCosts; population: Bitset; qualified: Bitset } {
  const perRequirement = required.map((requirement): RequirementSets => {
    const lowered = loweredMinimum(requirement.minLevel);
    const minimums = lowered === null ? [requirement.minLevel] : [requirement.minLevel, lowered];
    const [met, metLowered] = metSetsOf(sets, requirement, minimums, query);
    return {
      requirement,
      met: met as Bitset,
      lowered: lowered === null ? null : { minLevel: lowered, met: metLowered as Bitset },
    };
  });
  const population = sets.population();
  return {
    costs: requirementCosts(population, perRequirement),
    population,
    qualified: qualifiedSet(population, perRequirement),
  };
}

/**
 * The embedded index answers from its postings. Another backend (Elasticsearch) has no ordinals
 * to offer, so the store's view is read into an embedded index for this one analysis — slower, and
 * the same counts.
 */
async function populationOf(deps: AnalyseDeps): Promise<PopulationSets> {
  if (hasPopulationSets(deps.index)) return deps.index;
  const snapshot = new EmbeddedIndex(deps.taxonomy, deps.scoring);
  await snapshot.rebuild(toIndexedCandidates(deps.store.indexableCandidates(undefined), deps.scoring.trust));
  return snapshot;
}
