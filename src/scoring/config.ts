/**
 * The evidence model's numbers, as data (docs/scoring.md). Defaults were chosen by the quality
 * benchmark across several generated worlds (`ler-match bench tune`); a configuration file may
 * override any of them.
 */
import { z } from "zod";

const unit = z.number().min(0).max(1);
/** Neighbour credit stays below the skill itself: a neighbour never speaks with full weight. */
const neighbourWeight = z.number().min(0).max(0.95);

export const ScoringConfig = z.object({
  /** How far each kind of source is believed: it scales the confidence its evidence gives. */
  trust: z
    .object({
      "verified-credential": unit,
      "issued-credential": unit,
      "employer-record": unit,
      assessment: unit,
      "self-asserted": unit,
      /** Added with verification: configurations written before it get its default. */
      "signed-credential": unit.default(0.88),
    })
    .default({
      "verified-credential": 0.95,
      "issued-credential": 0.8,
      "employer-record": 0.7,
      assessment: 0.85,
      "self-asserted": 0.5,
      "signed-credential": 0.88,
    }),
  trustEnabled: z.boolean().default(true),
  /** Practice within the grace period is current; older practice decays by half-life to a floor. */
  recency: z
    .object({
      graceYears: z.number().min(0),
      halfLifeYears: z.number().positive(),
      floor: unit,
      /** A date not stated is neither new nor old. */
      unknownDate: unit,
      enabled: z.boolean(),
    })
    .default({ graceYears: 2, halfLifeYears: 10, floor: 0.2, unknownDate: 0.75, enabled: true }),
  /** How much evidence on another concept says about the asked one. */
  relatedness: z
    .object({
      /** A narrower skill is the asked skill in a specific form (PostgreSQL for SQL). */
      narrower: unit,
      /** An explicit `related` edge in the taxonomy. */
      related: neighbourWeight,
      /** Multiplier on the measured co-occurrence cosine (occupation profiles). */
      cooccurrence: neighbourWeight,
      /** A broader skill held says a little about a specific one asked for. */
      broader: neighbourWeight,
    })
    .default({ narrower: 0.9, related: 0.5, cooccurrence: 0.4, broader: 0.2 }),
  /** Taxonomy expansion: when false only the asked concept itself counts. */
  expansion: z.boolean().default(true),
  /** Reading a stated level against the asked minimum. */
  level: z
    .object({
      /** Steepness of P(meets) around the minimum, per canonical level. */
      slope: z.number().positive(),
      /** Levels people claim for themselves above what they can show, on average. */
      selfInflation: z.number().min(0).max(3),
      /** What an unstated level is taken to be (a credential or record implies some competence). */
      assumedLevel: z.number().min(0).max(5),
      /** An unstated level is less certain: the slope is scaled down by this. */
      unknownSlopeFactor: unit,
      /** The minimum assumed when a requirement names none. */
      defaultMinimum: z.number().min(0).max(5),
    })
    .default({ slope: 1.5, selfInflation: 0, assumedLevel: 3.5, unknownSlopeFactor: 0.8, defaultMinimum: 3 }),
  /**
   * Direct evidence of the asked skill is worth at least this; evidence only on neighbours is
   * worth less than this. It is what makes the skill itself outrank any amount of neighbours.
   */
  directFloor: z.number().min(0.01).max(0.5).default(0.3),
});
export type ScoringConfig = z.infer<typeof ScoringConfig>;
export type ScoringConfigInput = z.input<typeof ScoringConfig>;

export const DEFAULT_SCORING: ScoringConfig = ScoringConfig.parse({});
