/**
 * The concepts whose evidence a position's scores and explanations depend on: every concept with
 * relatedness > 0 to some requirement (to any alternative of an any-of requirement). Evidence on any other concept is neither weighed nor listed
 * as excluded (scoreCandidate), so a page's evidence can be read for these concepts only.
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import { getOrMake } from "../domain/maps.ts";
import { askedConcepts, type Requirement } from "../domain/schemas.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { relatedness } from "../scoring/factors.ts";
import { neighbourhoodOf } from "../scoring/relations.ts";

/** Per taxonomy and configuration (neither changes once built), per asked concept. */
const caches = new WeakMap<Taxonomy, WeakMap<ScoringConfig, Map<string, readonly string[]>>>();

function bearingOn(asked: string, taxonomy: Taxonomy, config: ScoringConfig): readonly string[] {
  const byConfig = getOrMake(caches, taxonomy, () => new WeakMap());
  const byAsked = getOrMake(byConfig, config, () => new Map());
  return getOrMake(byAsked, asked, () =>
    [...neighbourhoodOf(taxonomy, asked)]
      .filter(([, rel]) => relatedness(rel.relation, rel.strength, config) > 0)
      .map(([held]) => held),
  );
}

export function conceptsBearingOn(
  requirements: readonly Requirement[],
  taxonomy: Taxonomy,
  config: ScoringConfig,
): string[] {
  const concepts = new Set<string>();
  for (const req of requirements)
    for (const asked of askedConcepts(req))
      for (const held of bearingOn(asked, taxonomy, config)) concepts.add(held);
  return [...concepts];
}
