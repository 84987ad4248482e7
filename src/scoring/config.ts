/**
 * The scoring model's numbers, as data (DESIGN.md "Trust and time", "The scoring contract").
 * The quality benchmark decides them; a configuration file may override any of them.
 */
import { z } from "zod";

export const ScoringConfig = z.object({
  trust: z
    .object({
      "verified-credential": z.number().min(0).max(1),
      "issued-credential": z.number().min(0).max(1),
      "employer-record": z.number().min(0).max(1),
      assessment: z.number().min(0).max(1),
      "self-asserted": z.number().min(0).max(1),
    })
    .default({
      "verified-credential": 1.0,
      "issued-credential": 0.85,
      "employer-record": 0.85,
      assessment: 0.9,
      "self-asserted": 0.5,
    }),
  recency: z
    .object({
      halfLifeYears: z.number().positive(),
      floor: z.number().min(0).max(1),
      unknownDate: z.number().min(0).max(1),
      enabled: z.boolean(),
    })
    .default({ halfLifeYears: 5, floor: 0.3, unknownDate: 0.8, enabled: true }),
  similarity: z
    .object({
      same: z.number(),
      narrower: z.number(),
      broader: z.number(),
      sibling: z.number(),
      related: z.number(),
      /** multiplier on the co-occurrence cosine */
      cooccurrence: z.number(),
      none: z.number(),
    })
    .default({
      same: 1,
      narrower: 0.9,
      broader: 0.6,
      sibling: 0.5,
      related: 0.4,
      cooccurrence: 0.4,
      none: 0,
    }),
  fit: z
    .object({
      /** level < min → (level/min)^exponent */
      exponent: z.number().positive(),
      unknownLevel: z.number().min(0).max(1),
      /** without minLevel: base + perLevel · level */
      base: z.number(),
      perLevel: z.number(),
      enabled: z.boolean(),
    })
    .default({ exponent: 2, unknownLevel: 0.6, base: 0.5, perLevel: 0.1, enabled: true }),
  trustEnabled: z.boolean().default(true),
  /** Taxonomy expansion: when false only the same concept counts. */
  expansion: z.boolean().default(true),
  /** A required requirement with m_r below this disqualifies. */
  requiredThreshold: z.number().min(0).max(1).default(0.5),
});
export type ScoringConfig = z.infer<typeof ScoringConfig>;
export type ScoringConfigInput = z.input<typeof ScoringConfig>;

export const DEFAULT_SCORING: ScoringConfig = ScoringConfig.parse({});
