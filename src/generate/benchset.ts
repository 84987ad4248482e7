/** A labelled benchmark set: a generated population, positions and their graded relevance. */

import { cooccurrenceFromOccupations } from "../../taxonomy/cooccurrence.ts";
import type { Concept } from "../../taxonomy/model.ts";
import {
  loadStarterConcepts,
  loadStarterOccupations,
  type OccupationProfile,
} from "../../taxonomy/starter.ts";
import { DATASET_FORMAT, type DatasetContent } from "../domain/bench-dataset.ts";
import { DEFAULT_AS_OF, generatePopulation } from "./population.ts";
import { generatePositions, judge } from "./positions.ts";
import { WORLDS, type World } from "./worlds.ts";

export interface BenchSetOptions {
  people: number;
  positions: number;
  seed: number;
  /** defaults: the starter taxonomy's occupations and concepts */
  occupations?: readonly OccupationProfile[];
  concepts?: readonly Concept[];
  asOf?: string;
  /** free-text name of the taxonomy source, kept in dataset.json */
  taxonomy?: string;
  /** the noise model (generate/worlds.ts) */
  world?: World;
}

/** The skills most often asked for together with each skill: what a record may name instead. */
function neighboursOf(occupations: readonly OccupationProfile[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, row] of cooccurrenceFromOccupations(occupations, { topN: 5, threshold: 0.3 }))
    out.set(id, [...row.keys()]);
  return out;
}

export function generateBenchSet(options: BenchSetOptions): DatasetContent {
  const concepts = options.concepts ?? loadStarterConcepts();
  const occupations = options.occupations ?? loadStarterOccupations();
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const world = options.world ?? WORLDS.baseline;
  const population = generatePopulation({
    people: options.people,
    seed: options.seed,
    occupations,
    concepts,
    asOf,
    world,
    neighbours: neighboursOf(occupations),
  });
  const positions = generatePositions({
    count: options.positions,
    seed: options.seed,
    occupations,
    concepts,
  });
  return {
    manifest: {
      format: DATASET_FORMAT,
      name: `generated-${world.name}-s${options.seed}-n${options.people}`,
      seed: options.seed,
      people: options.people,
      asOf,
      world: world.name,
      taxonomy: options.taxonomy ?? "starter",
    },
    documents: population.documents,
    positions,
    qrels: judge(positions, population.truth, concepts),
    truth: population.truth,
    occupations: population.occupationOf,
  };
}
