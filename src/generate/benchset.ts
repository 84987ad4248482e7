/** A labelled benchmark set: a generated population, positions and their graded relevance. */
import type { Concept } from "../../taxonomy/model.ts";
import {
  loadStarterConcepts,
  loadStarterOccupations,
  type OccupationProfile,
} from "../../taxonomy/starter.ts";
import { DATASET_FORMAT, type DatasetContent } from "../quality/dataset.ts";
import { DEFAULT_AS_OF, generatePopulation } from "./population.ts";
import { generatePositions, judge } from "./positions.ts";

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
}

export function generateBenchSet(options: BenchSetOptions): DatasetContent {
  const concepts = options.concepts ?? loadStarterConcepts();
  const occupations = options.occupations ?? loadStarterOccupations();
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const population = generatePopulation({
    people: options.people,
    seed: options.seed,
    occupations,
    concepts,
    asOf,
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
      name: `generated-s${options.seed}-n${options.people}`,
      seed: options.seed,
      people: options.people,
      asOf,
      taxonomy: options.taxonomy ?? "starter",
    },
    documents: population.documents,
    positions,
    qrels: judge(positions, population.truth, concepts),
    truth: population.truth,
  };
}
