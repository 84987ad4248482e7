/**
 * Plausible worlds for the generator's noise model: how far people inflate their own levels, how
 * noisy attested records are, how often a skill shows only through a neighbouring one, and how
 * many records are stale. The model's defaults are chosen to win in every one of them, not in the
 * one the generator happened to ship with.
 */
import { z } from "zod";
import { SOURCE_PROFILES, type SourceProfile } from "./observe.ts";

export const World = z.object({
  name: z.string(),
  /** canonical levels a self-claim adds on average */
  selfInflation: z.number().min(0).max(3),
  /** standard deviation of what issuers, employers and assessments record */
  attestedNoise: z.number().min(0).max(2),
  /** share of a person's skills that their records name only as a neighbouring skill */
  neighbourOnly: z.number().min(0).max(1),
  /** share of documents dated years before the practice they describe */
  stale: z.number().min(0).max(1),
  /** share of people who changed careers: a previous occupation's skills, practised years ago */
  careerChange: z.number().min(0).max(1),
});
export type World = z.infer<typeof World>;

export const WORLDS = {
  /** the generator as first shipped */
  baseline: {
    name: "baseline",
    selfInflation: 0.7,
    attestedNoise: 0.4,
    neighbourOnly: 0,
    stale: 0,
    careerChange: 0,
  },
  /** honest self-claims, precise records */
  honest: {
    name: "honest",
    selfInflation: 0,
    attestedNoise: 0.25,
    neighbourOnly: 0.05,
    stale: 0.05,
    careerChange: 0,
  },
  /** inflated claims, noisy records, a tenth of skills seen only through neighbours */
  noisy: {
    name: "noisy",
    selfInflation: 1.5,
    attestedNoise: 0.5,
    neighbourOnly: 0.1,
    stale: 0.15,
    careerChange: 0,
  },
  /** records that name neighbours and are out of date */
  sparse: {
    name: "sparse",
    selfInflation: 1,
    attestedNoise: 0.5,
    neighbourOnly: 0.3,
    stale: 0.3,
    careerChange: 0,
  },
  /**
   * most people changed careers: their records name a previous occupation's skills as fully as the
   * current one's, practised 6–14 years ago — naming the skills no longer tells the occupations apart
   */
  changers: {
    name: "changers",
    selfInflation: 0.7,
    attestedNoise: 0.4,
    neighbourOnly: 0,
    stale: 0,
    careerChange: 0.7,
  },
} as const satisfies Record<string, World>;

export type WorldName = keyof typeof WORLDS;

export function worldNamed(name: string): World {
  const world = (WORLDS as Record<string, World>)[name];
  if (!world) throw new RangeError(`unknown world "${name}": one of ${Object.keys(WORLDS).join(", ")}`);
  return world;
}

/** A source's habits in this world. */
export function profileIn(world: World, kind: keyof typeof SOURCE_PROFILES): SourceProfile {
  const base: SourceProfile = SOURCE_PROFILES[kind];
  return kind === "self-asserted"
    ? { ...base, bias: world.selfInflation }
    : { ...base, noise: world.attestedNoise };
}
