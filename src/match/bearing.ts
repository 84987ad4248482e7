/**
 * The concepts whose evidence a position's scores and explanations depend on: every concept with
 * relatedness > 0 to some requirement. Evidence on any other concept is neither weighed nor listed
 * as excluded (scoreCandidate), so a page's evidence can be read for these concepts only.
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { Requirement } from "../domain/schemas.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { relatedness } from "../scoring/factors.ts";
import { neighbourhoodOf } from "../scoring/relations.ts";

export function conceptsBearingOn(
  requirements: readonly Requirement[],
  taxonomy: Taxonomy,
  config: ScoringConfig,
): string[] {
  const concepts = new Set<string>();
  for (const req of requirements)
    for (const [held, rel] of neighbourhoodOf(taxonomy, req.conceptId))
      if (relatedness(rel.relation, rel.strength, config) > 0) concepts.add(held);
  return [...concepts];
}
