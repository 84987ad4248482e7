/**
 * What the requirement-cost analysis needs of an index: the whole population as ordinals, and
 * per requirement who meets it under the scoring model — not a retrieved pool.
 */

import type { RetrievalFilters } from "../domain/evidence.ts";
import { askedConcepts, type Requirement } from "../domain/schemas.ts";
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

/**
 * metSets for any requirement: an any-of requirement ("Spark or Kafka") is met by whoever meets
 * one of its alternatives — the best of them is a met one whenever one is (score.ts) — so its
 * sets are the union of each alternative's, asked of the index one concept at a time.
 */
export function metSetsOf(
  sets: PopulationSets,
  req: Requirement,
  minimums: readonly (number | null)[],
  q: PopulationQuery,
): Bitset[] {
  const [first, ...others] = askedConcepts(req).map((conceptId) =>
    sets.metSets({ ...req, conceptId, alternatives: [] }, minimums, q),
  );
  for (const other of others)
    first?.forEach((set, i) => {
      set.or(other[i] as Bitset);
    });
  return first ?? [];
}
