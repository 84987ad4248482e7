/**
 * What each required requirement costs in candidates: pure set arithmetic over who meets each one
 * (met-sets from the index), so every "what if" is exact over the whole population.
 */
import type { Requirement } from "../domain/schemas.ts";
import { anchorName } from "../scoring/summary.ts";
import type { Bitset } from "./bitset.ts";

/** One required requirement: who meets it, and who would at its minimum lowered by one. */
export interface RequirementSets {
  requirement: Requirement;
  met: Bitset;
  lowered: { minLevel: number; met: Bitset } | null;
}

export interface RequirementCost {
  conceptId: string;
  label: string;
  minLevel: number | null;
  /** People who meet this requirement. */
  meets: number;
  /** People who meet every other required requirement. */
  otherwiseQualified: number;
  /** Of those, the people this requirement shuts out. */
  removes: number;
  /** Qualified if it were dropped — and if made preferred, which ranks but never disqualifies. */
  ifDropped: number;
  ifPreferred: number;
  /** Qualified with its minimum one level lower; null when it names no minimum. */
  ifLowered: { minLevel: number; qualified: number } | null;
  /** "Kubernetes ≥ advanced removes 212 of 260 otherwise qualified people" */
  sentence: string;
}

export interface RequirementCosts {
  population: number;
  qualified: number;
  /** Required requirements, the one that shuts out most people first. */
  costs: RequirementCost[];
  bottleneck: string | null;
}

/** The minimum one level lower: none below 1 means "any level" is not asked, 0 is. */
export const loweredMinimum = (minLevel: number | null): number | null =>
  minLevel === null || minLevel <= 0 ? null : Math.max(0, minLevel - 1);

export function requirementCosts(population: Bitset, required: readonly RequirementSets[]): RequirementCosts {
  const others = exceptEach(
    population,
    required.map((r) => r.met),
  );
  const qualified = qualifiedSet(population, required).count();
  const costs = required
    .map((r, i): RequirementCost => {
      const without = others[i] as Bitset;
      const otherwiseQualified = without.count();
      const meets = r.met.countAnd(population);
      const removes = without.countAndNot(r.met);
      const { requirement: req } = r;
      return {
        conceptId: req.conceptId,
        label: req.label,
        minLevel: req.minLevel,
        meets,
        otherwiseQualified,
        removes,
        ifDropped: otherwiseQualified,
        ifPreferred: otherwiseQualified,
        ifLowered: r.lowered && { minLevel: r.lowered.minLevel, qualified: without.countAnd(r.lowered.met) },
        sentence: `${describe(req)} removes ${removes} of ${otherwiseQualified} otherwise qualified ${people(otherwiseQualified)}`,
      };
    })
    .sort((a, b) => b.removes - a.removes || a.label.localeCompare(b.label));
  const first = costs[0];
  return {
    population: population.count(),
    qualified,
    costs,
    bottleneck: first && first.removes > 0 ? first.sentence : null,
  };
}

export const describe = (req: Pick<Requirement, "label" | "minLevel">): string =>
  req.minLevel === null ? req.label : `${req.label} ≥ ${anchorName(req.minLevel)}`;

const people = (n: number) => (n === 1 ? "person" : "people");

/** Everyone in the population who meets every required requirement. */
export function qualifiedSet(population: Bitset, sets: readonly RequirementSets[]): Bitset {
  const all = population.clone();
  for (const s of sets) all.and(s.met);
  return all;
}

/** For each i, base ∩ every set but the i-th — prefix and suffix intersections, O(n) ANDs. */
function exceptEach(base: Bitset, sets: readonly Bitset[]): Bitset[] {
  const n = sets.length;
  const suffix: Bitset[] = new Array(n + 1);
  suffix[n] = base.clone();
  for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as Bitset).clone().and(sets[i] as Bitset);
  const out: Bitset[] = [];
  let prefix = base.clone();
  for (let i = 0; i < n; i++) {
    out.push(prefix.clone().and(suffix[i + 1] as Bitset));
    prefix = prefix.and(sets[i] as Bitset);
  }
  return out;
}
