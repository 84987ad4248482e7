/**
 * How often a skill is asked for, from what the taxonomy already knows: the number of occupations
 * that list it (essential counts fully, optional half), log-scaled to 0…1. A skill no occupation
 * lists gets no prior. Used by extraction to prefer, among equally good readings, the skill
 * employers name.
 */
import type { OccupationSkills } from "./cooccurrence.ts";

export const OPTIONAL_SHARE = 0.5;

export function priorsFromOccupations(
  occupations: readonly { readonly [K in keyof OccupationSkills]: readonly string[] }[],
): Map<string, number> {
  const mentions = new Map<string, number>();
  for (const o of occupations) {
    for (const id of o.essential) mentions.set(id, (mentions.get(id) ?? 0) + 1);
    for (const id of o.optional) mentions.set(id, (mentions.get(id) ?? 0) + OPTIONAL_SHARE);
  }
  const most = Math.log1p(Math.max(1, ...mentions.values()));
  return new Map([...mentions].map(([id, n]) => [id, Math.log1p(n) / most]));
}
