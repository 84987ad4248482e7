/**
 * ESCO as the generator's source: occupations with their essential/optional skills from the ESCO
 * CSVs, a seeded sample of them (ESCO has 3,007 occupations; a benchmark wants a few dozen with
 * enough skills), and the concepts they use.
 */
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { importEsco } from "../../taxonomy/import/esco.ts";
import { Concept, type Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import { createRng } from "./random.ts";

export interface EscoSource {
  concepts: Concept[];
  occupations: OccupationProfile[];
  taxonomy: Taxonomy;
}

/** Occupations with at least `minEssential` essential skills, `count` of them drawn with `seed`. */
export function escoSource(dir: string, seed: number, count = 40, minEssential = 5): EscoSource {
  const imported = importEsco(dir);
  const concepts = imported.concepts.map((c) => Concept.parse(c));
  const known = new Set(concepts.map((c) => c.id));
  const eligible = imported.occupations
    .map((o) => ({
      ...o,
      essential: o.essential.filter((id) => known.has(id)),
      optional: o.optional.filter((id) => known.has(id)),
    }))
    .filter((o) => o.essential.length >= minEssential);
  const occupations = createRng(seed)
    .fork("esco-occupations")
    .sample(eligible, count)
    .map(({ id, label, aliases, escoUri, essential, optional }) => ({
      id,
      label,
      aliases,
      escoUri,
      essential,
      optional,
    }));
  return { concepts, occupations, taxonomy: buildTaxonomy(concepts) };
}
