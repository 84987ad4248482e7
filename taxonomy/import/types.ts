/**
 * What every importer returns: concepts in the shared model, and occupation profiles (the skills an
 * occupation needs) that feed co-occurrence similarity and the skills-gap views. Declared as zod
 * because profiles are stored as JSON and read back at the database boundary.
 */
import { z } from "zod";
import type { ConceptInput } from "../model.ts";

/** O*NET ratings of one concept for one occupation: importance 1–5 (IM), level 0–7 (LV). */
export const OnetRating = z.object({ importance: z.number(), level: z.number().nullable() });
export type OnetRating = z.infer<typeof OnetRating>;

/** Structurally the starter taxonomy's occupation profile plus where it came from. */
export const OccupationProfile = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  escoUri: z.string().optional(),
  onetCode: z.string().optional(),
  description: z.string().optional(),
  /**
   * titles another source gives the occupation (O*NET alternate and reported titles of the O*NET
   * occupations linked to it when both are merged): names a title may match, weaker than its own
   */
  titles: z.array(z.string()).optional(),
  /** vacancy titles labelled with this occupation (import/labelled-titles.ts): the title matcher learns from them */
  examples: z.array(z.string()).optional(),
  /** concept ids */
  essential: z.array(z.string()).default([]),
  /** concept ids */
  optional: z.array(z.string()).default([]),
  /** conceptId → O*NET ratings, when the source grades the requirement */
  ratings: z.record(z.string(), OnetRating).optional(),
  source: z.string().default("starter"),
});
export type OccupationProfile = z.infer<typeof OccupationProfile>;
export type OccupationProfileInput = z.input<typeof OccupationProfile>;

export interface ImportResult {
  concepts: ConceptInput[];
  occupations: OccupationProfile[];
  /** What was read, by kind (skills, groups, relations, …), for the CLI and the tests. */
  counts: Record<string, number>;
}

/** Splits a multi-valued cell (one value per line, or `|`-separated) into trimmed, distinct values. */
export function splitLabels(cell: string | undefined, separator: RegExp = /\r?\n/): string[] {
  if (!cell) return [];
  return [...new Set(cell.split(separator).map((s) => s.trim()))].filter(Boolean);
}

/** Aliases without the label itself and without repeats, case-insensitively. */
export function distinctAliases(label: string, names: readonly string[]): string[] {
  const seen = new Set([label.toLowerCase()]);
  const out: string[] = [];
  for (const n of names) {
    const k = n.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}
