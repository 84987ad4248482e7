/**
 * What a person or a team can be measured against, as requirements on known concepts: an
 * occupation of a loaded taxonomy (its essential and optional skills) or a saved position.
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import type { SavedPosition } from "../domain/positions.ts";
import type { Requirement } from "../domain/schemas.ts";

export type TargetKind = "occupation" | "position";

export interface RoleTarget {
  kind: TargetKind;
  id: string;
  label: string;
  /** "starter", "esco", "onet", … for occupations; "saved" for positions */
  source: string;
  requirements: Requirement[];
}

/**
 * An occupation's essential skills weigh twice its optional ones; none disqualifies, because a
 * profile says what the role usually asks, not what a hiring manager insists on.
 */
export const OCCUPATION_WEIGHTS = { essential: 2, optional: 1 } as const;

/** The unique key a target ranks and ties on. */
export const targetKey = (t: Pick<RoleTarget, "kind" | "id">): string => `${t.kind}:${t.id}`;

export function occupationTarget(
  o: OccupationProfile & { source?: string },
  taxonomy: Taxonomy,
): RoleTarget | null {
  const byConcept = new Map<string, Requirement>();
  for (const [list, weight] of [
    [o.essential, OCCUPATION_WEIGHTS.essential],
    [o.optional, OCCUPATION_WEIGHTS.optional],
  ] as const)
    for (const id of list) {
      const concept = taxonomy.get(id);
      if (!concept || byConcept.has(id)) continue;
      byConcept.set(id, { conceptId: id, label: concept.label, minLevel: null, weight, required: false });
    }
  if (byConcept.size === 0) return null;
  return {
    kind: "occupation",
    id: o.id,
    label: o.label,
    source: o.source ?? "starter",
    requirements: [...byConcept.values()],
  };
}

export const positionTarget = (p: SavedPosition): RoleTarget => ({
  kind: "position",
  id: p.id,
  label: p.name,
  source: "saved",
  requirements: p.requirements,
});
