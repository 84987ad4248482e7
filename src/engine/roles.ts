/**
 * The other direction: roles that fit a person (occupations of the loaded taxonomies and saved
 * positions), each with the match explanation and the gap, and a team's gap against one target.
 */
import { z } from "zod";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import type { Clock } from "../domain/clock.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import { type EvidenceRow, NO_FILTERS } from "../domain/evidence.ts";
import type { Explanation } from "../domain/match.ts";
import { type GapItem, gapsFor } from "../match/gap.ts";
import { buildRoleIndex, type RoleContext, type RoleIndex, rankRoles, scoreRole } from "../match/roles.ts";
import { occupationTarget, positionTarget, type RoleTarget, type TargetKind } from "../match/targets.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { compareRanked } from "../scoring/ranking-order.ts";
import { liveEvidence } from "../scoring/score.ts";
import type { Store } from "../store/types.ts";

export const RolesOptions = z.object({
  limit: z.number().int().min(1).max(100).default(10),
  /** gaps listed per role, largest gain first */
  gaps: z.number().int().min(0).max(100).default(5),
  kinds: z
    .array(z.enum(["occupation", "position"]))
    .min(1)
    .default(["occupation", "position"]),
});
export type RolesOptions = z.input<typeof RolesOptions>;

export interface RoleFit {
  rank: number;
  kind: TargetKind;
  id: string;
  label: string;
  source: string;
  score: number;
  qualified: boolean;
  explanation: Explanation;
  /** requirements not met, largest gain first */
  gaps: GapItem[];
}

export interface RolesPage {
  candidateId: string;
  name: string | null;
  /** roles the person's evidence bears on at all */
  total: number;
  roles: RoleFit[];
}

export interface RoleMethods {
  /** Occupations and saved positions ranked for one person; not_found for an unknown person. */
  roles(candidateId: string, options?: RolesOptions): Promise<RolesPage>;
  /** The occupations of the loaded taxonomies that can be a target (they name a known skill). */
  listOccupations(): { id: string; label: string; source: string }[];
}

export interface RoleDeps {
  store: Store;
  taxonomy: Taxonomy;
  occupations: readonly OccupationProfile[];
  scoring: ScoringConfig;
  now: Clock;
}

/** The occupation targets and their index, built on first use and kept: a taxonomy never changes. */
export function occupationIndex(
  deps: Pick<RoleDeps, "taxonomy" | "occupations" | "scoring">,
): () => RoleIndex {
  let index: RoleIndex | undefined;
  return () => {
    index ??= buildRoleIndex(
      deps.occupations.flatMap((o) => occupationTarget(o, deps.taxonomy) ?? []),
      deps.taxonomy,
      deps.scoring,
    );
    return index;
  };
}

export function roleMethods(deps: RoleDeps): RoleMethods {
  const occupations = occupationIndex(deps);
  return {
    listOccupations: () => occupations().targets.map(({ id, label, source }) => ({ id, label, source })),
    async roles(candidateId, input = {}) {
      const parsed = RolesOptions.safeParse(input);
      if (!parsed.success) throw fromZod(parsed.error, "roles options");
      const options = parsed.data;
      const candidate = deps.store.getCandidate(candidateId);
      if (!candidate)
        throw new LerError("not_found", `no candidate with id "${candidateId}"`, {
          details: { candidateId },
        });
      const evidence = deps.store.evidenceFor([candidateId]).get(candidateId) ?? [];
      const indexes: RoleIndex[] = [];
      if (options.kinds.includes("occupation")) indexes.push(occupations());
      if (options.kinds.includes("position"))
        indexes.push(
          buildRoleIndex(deps.store.positions.list().map(positionTarget), deps.taxonomy, deps.scoring),
        );
      const ctx: RoleContext = {
        taxonomy: deps.taxonomy,
        config: deps.scoring,
        nowMs: deps.now(),
        filters: NO_FILTERS,
        labelOf: (id) => deps.taxonomy.get(id)?.label ?? id,
      };
      return { candidateId, name: candidate.name, ...rolesFor(evidence, indexes, ctx, options) };
    },
  };
}

/** The roles page body for one person's evidence over some role indexes (pure: the engine and the benchmark call it). */
export function rolesFor(
  evidence: readonly EvidenceRow[],
  indexes: readonly RoleIndex[],
  ctx: RoleContext,
  options: Pick<z.infer<typeof RolesOptions>, "limit" | "gaps">,
): Pick<RolesPage, "total" | "roles"> {
  const ranked = indexes.flatMap((index) => rankRoles(index, evidence, ctx)).sort(compareRanked);
  const live = liveEvidence(evidence, ctx);
  const fitOf = (target: RoleTarget, rank: number): RoleFit => {
    const s = scoreRole(target, evidence, ctx);
    return {
      rank,
      kind: target.kind,
      id: target.id,
      label: target.label,
      source: target.source,
      score: s.score,
      qualified: s.qualified,
      explanation: s.explanation,
      gaps: gapsFor(target.requirements, live, ctx).slice(0, options.gaps),
    };
  };
  return {
    total: ranked.length,
    roles: ranked.slice(0, options.limit).map((r, i) => fitOf(r.target, i + 1)),
  };
}
