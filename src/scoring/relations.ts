/**
 * How each concept stands to an asked concept, for every concept whose evidence can count for it.
 * Built once per (taxonomy, asked concept) from taxonomy.neighbourhood — which by contract holds
 * every concept with a relation other than "none" — and taxonomy.relation. A taxonomy does not
 * change once built, so the answers never go stale; everything outside the neighbourhood is "none".
 */
import type { SimilarityResult, Taxonomy } from "../../taxonomy/model.ts";
import { getOrMake } from "../domain/maps.ts";

const NONE: SimilarityResult = Object.freeze({ relation: "none", strength: 0 });
const caches = new WeakMap<Taxonomy, Map<string, ReadonlyMap<string, SimilarityResult>>>();

export function neighbourhoodOf(taxonomy: Taxonomy, asked: string): ReadonlyMap<string, SimilarityResult> {
  const byAsked = getOrMake(caches, taxonomy, () => new Map());
  return getOrMake(byAsked, asked, () => {
    const held = new Set([asked, ...taxonomy.neighbourhood(asked)]);
    return new Map([...held].map((id) => [id, taxonomy.relation(asked, id)]));
  });
}

/** The held → relation look-up for one asked concept; hoist it out of loops over evidence. */
export function relationsFor(taxonomy: Taxonomy, asked: string): (held: string) => SimilarityResult {
  const neighbours = neighbourhoodOf(taxonomy, asked);
  return (held) => neighbours.get(held) ?? NONE;
}
