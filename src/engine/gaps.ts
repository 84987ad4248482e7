/**
 * A team's skills gap: a set of people (ids, everyone, or everyone a recruiter search finds)
 * against one target (a saved position, an occupation, or requirements), for learning and
 * development rather than hiring.
 */
import { z } from "zod";
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { OccupationProfile } from "../../taxonomy/starter.ts";
import type { Clock } from "../domain/clock.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import { NO_FILTERS } from "../domain/evidence.ts";
import { MatchOptions, POSITION_LIMITS, type Requirement, RequirementInput } from "../domain/schemas.ts";
import { conceptsBearingOn } from "../match/bearing.ts";
import { rankCandidates } from "../match/rank.ts";
import { occupationTarget, positionTarget, type TargetKind } from "../match/targets.ts";
import { type TeamGap, type TeamMember, teamGap } from "../match/team-gap.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import type { CandidateIndex } from "../search/backend.ts";
import type { Store } from "../store/types.ts";
import { resolvePosition } from "./requirements.ts";

/** The most people one team gap reads. */
export const MAX_TEAM = 20_000;

const PersonId = z.string().min(1).max(200);

export const TeamSelector = z.union([
  z.object({ ids: z.array(PersonId).min(1).max(MAX_TEAM) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
  /** everyone a recruiter search finds: required skills with a minimum are exact filters */
  z
    .object({
      search: z.object({
        requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements),
        options: MatchOptions.pick({ verifiedOnly: true, practicedWithinYears: true }).partial().optional(),
      }),
    })
    .strict(),
]);

export const GapTarget = z.union([
  z.object({ positionId: z.string().min(1).max(120) }).strict(),
  z.object({ occupationId: z.string().min(1).max(300) }).strict(),
  z
    .object({
      title: z.string().max(300).optional(),
      requirements: z.array(RequirementInput).min(1).max(POSITION_LIMITS.requirements),
    })
    .strict(),
]);

export const TeamGapRequest = z.object({
  people: TeamSelector,
  target: GapTarget,
  /** people listed per requirement, and overall, as closest to meeting it */
  closest: z.number().int().min(0).max(100).default(5),
});
export type TeamGapRequest = z.input<typeof TeamGapRequest>;

export interface TeamGapPage extends TeamGap {
  target: { kind: TargetKind | "requirements"; id: string | null; label: string };
  unresolved: string[];
}

export interface GapMethods {
  /** not_found for an unknown person id, saved position or occupation. */
  teamGap(request: TeamGapRequest): Promise<TeamGapPage>;
}

export interface GapDeps {
  store: Store;
  taxonomy: Taxonomy;
  occupations: readonly OccupationProfile[];
  index: CandidateIndex;
  scoring: ScoringConfig;
  now: Clock;
}

export function gapMethods(deps: GapDeps): GapMethods {
  return {
    async teamGap(input) {
      const parsed = TeamGapRequest.safeParse(input);
      if (!parsed.success) throw fromZod(parsed.error, "team gap request");
      const request = parsed.data;
      const nowMs = deps.now();
      const target = resolveTarget(request.target, deps);
      const team = await members(request.people, deps, nowMs);
      // only rows on concepts the target bears on can change a requirement's outcome (as in a match)
      const evidence = deps.store.evidenceFor(
        team.map((m) => m.candidateId),
        conceptsBearingOn(target.requirements, deps.taxonomy, deps.scoring),
      );
      const gap = teamGap(
        target.requirements,
        team,
        evidence,
        {
          taxonomy: deps.taxonomy,
          config: deps.scoring,
          nowMs,
          filters: NO_FILTERS,
        },
        { closest: request.closest },
      );
      return { target: target.summary, unresolved: target.unresolved, ...gap };
    },
  };
}

function resolveTarget(
  target: z.infer<typeof GapTarget>,
  deps: GapDeps,
): { summary: TeamGapPage["target"]; requirements: Requirement[]; unresolved: string[] } {
  if ("positionId" in target) {
    const saved = deps.store.positions.get(target.positionId);
    if (!saved) throw new LerError("not_found", `no saved position with id "${target.positionId}"`);
    const t = positionTarget(saved);
    return {
      summary: { kind: "position", id: t.id, label: t.label },
      requirements: t.requirements,
      unresolved: [],
    };
  }
  if ("occupationId" in target) {
    const occupation = deps.occupations.find((o) => o.id === target.occupationId);
    const t = occupation && occupationTarget(occupation, deps.taxonomy);
    if (!t)
      throw new LerError(
        "not_found",
        `no occupation with id "${target.occupationId}" in the loaded taxonomies`,
      );
    return {
      summary: { kind: "occupation", id: t.id, label: t.label },
      requirements: t.requirements,
      unresolved: [],
    };
  }
  const resolved = resolvePosition(target, deps.taxonomy);
  if (resolved.requirements.length === 0)
    throw new LerError(
      "unknown_concept",
      `no requirement resolved to a known skill: ${resolved.unresolved.join(", ")}`,
      {
        details: { unresolved: resolved.unresolved },
      },
    );
  return {
    summary: { kind: "requirements", id: null, label: resolved.title ?? "requirements" },
    requirements: resolved.requirements,
    unresolved: resolved.unresolved,
  };
}

async function members(
  selector: z.infer<typeof TeamSelector>,
  deps: GapDeps,
  nowMs: number,
): Promise<TeamMember[]> {
  const { store } = deps;
  if ("all" in selector)
    return store
      .candidateIds()
      .slice(0, MAX_TEAM)
      .map((id) => ({ candidateId: id, name: store.getCandidate(id)?.name ?? null }));
  if ("ids" in selector) {
    const ids = [...new Set(selector.ids)];
    const found = ids.map((id) => ({ id, candidate: store.getCandidate(id) }));
    const unknown = found.filter((f) => !f.candidate).map((f) => f.id);
    if (unknown.length)
      throw new LerError(
        "not_found",
        `no candidate with id ${unknown
          .slice(0, 5)
          .map((id) => `"${id}"`)
          .join(", ")}`,
        {
          details: { unknown },
        },
      );
    return found.map((f) => ({ candidateId: f.id, name: f.candidate?.name ?? null }));
  }
  const resolved = resolvePosition({ requirements: selector.search.requirements }, deps.taxonomy);
  if (resolved.requirements.length === 0)
    throw new LerError(
      "unknown_concept",
      `no search requirement resolved to a known skill: ${resolved.unresolved.join(", ")}`,
      {
        details: { unresolved: resolved.unresolved },
      },
    );
  const options = { ...MatchOptions.parse(selector.search.options ?? {}), limit: MAX_TEAM };
  const { results } = await rankCandidates({
    requirements: resolved.requirements,
    options,
    mode: "search",
    index: deps.index,
    candidatePool: MAX_TEAM,
    evidence: (ids) => store.explainedEvidenceFor(ids),
    names: (ids) => store.namesOf(ids),
    taxonomy: deps.taxonomy,
    config: deps.scoring,
    nowMs,
  });
  return results.map((r) => ({ candidateId: r.candidateId, name: r.name }));
}
