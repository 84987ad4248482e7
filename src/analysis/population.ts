/**
 * What the requirement-cost analysis needs of an index: the whole population as ordinals, and
 * per requirement who meets it under the scoring model — not a retrieved pool.
 */

import type { RetrievalFilters } from "../domain/evidence.ts";
import type { Requirement } from "../domain/schemas.ts";
import type { Bitset } from "./bitset.ts";

export interface PopulationQuery {
  filters: RetrievalFilters;
  nowMs: number;
}

export interface PopulationSets {
  /** Every live person (of this organisation when given), as ordinals. */
  population(org?: string): Bitset;
  /**
   * For each minimum (null: any level), the people whose evidence meets `req` at it — exactly
   * the model's `passes()` in match mode.
   */
  metSets(req: Requirement, minimums: readonly (number | null)[], q: PopulationQuery): Bitset[];
  idOf(ordinal: number): string | undefined;
  ordinalOf(candidateId: string): number | undefined;
}

export const hasPopulationSets = (index: object): index is PopulationSets =>
  "metSets" in index && typeof index.metSets === "function";
