/**
 * A team's gap against one target, requirement by requirement: how many meet it, partly meet it
 * or lack it, how their levels are spread, and who is closest to meeting what they lack. Each
 * person's requirement is weighed by the one evidence model (weighRequirement), exactly as a
 * match would weigh it.
 */

import type { EvidenceRow } from "../domain/evidence.ts";
import type { RequirementOutcome } from "../domain/match.ts";
import { LEVEL_NAMES, type Requirement } from "../domain/schemas.ts";
import { compareRanked } from "../scoring/ranking-order.ts";
import {
  aggregate,
  liveEvidence,
  type ScoringContext,
  type Weighed,
  weighRequirement,
} from "../scoring/score.ts";
import { TopK } from "../search/embedded/heap.ts";
import { buildRoleIndex } from "./roles.ts";

/** Level bands of the heat-map: no evidence, neighbours only, then the level the direct evidence reaches. */
export const LEVEL_BANDS = ["no evidence", "related only", ...LEVEL_NAMES.slice(1)] as const;
export type LevelBand = (typeof LEVEL_BANDS)[number];

export interface TeamMember {
  candidateId: string;
  name: string | null;
}

export interface PersonOnRequirement extends TeamMember {
  outcome: RequirementOutcome;
  estimate: number;
  estimatedLevel: number | null;
  band: LevelBand;
}

export interface RequirementGap {
  conceptId: string;
  label: string;
  minLevel: number | null;
  weight: number;
  required: boolean;
  meet: number;
  partial: number;
  lack: number;
  /** people per band, in LEVEL_BANDS order */
  bands: Record<LevelBand, number>;
  /** of those who do not meet it, the closest first (highest estimate) */
  closest: PersonOnRequirement[];
}

export interface PersonGap extends TeamMember {
  score: number;
  qualified: boolean;
  met: number;
  /** labels of the requirements not met, heaviest first */
  lacking: string[];
}

export interface TeamGap {
  people: number;
  requirements: RequirementGap[];
  /** the people closest to the whole target first (compareRanked) */
  closest: PersonGap[];
}

interface RankedPerson extends TeamMember {
  score: number;
  qualified: boolean;
  met: number;
  weighed: Weighed[];
  unmetRequired: number;
  levelSurplus: number;
}

export interface TeamGapOptions {
  /** people listed per requirement and overall */
  closest: number;
}

/** The band a weighed requirement falls in. */
export function bandOf(w: Weighed): LevelBand {
  const e = w.estimate;
  if (e.basis === "none") return "no evidence";
  if (e.basis === "neighbours" || e.level === null) return "related only";
  const index = Math.max(1, Math.min(LEVEL_NAMES.length - 1, Math.floor(e.level + 1e-9)));
  return LEVEL_NAMES[index] as LevelBand;
}

const outcomeOf = (w: Weighed): RequirementOutcome =>
  w.estimate.met ? "met" : w.estimate.basis === "none" ? "missing" : "partial";

export function teamGap(
  requirements: readonly Requirement[],
  team: readonly TeamMember[],
  evidence: ReadonlyMap<string, readonly EvidenceRow[]>,
  ctx: Omit<ScoringContext, "hardRequired" | "candidateId">,
  options: TeamGapOptions,
): TeamGap {
  const gaps: RequirementGap[] = requirements.map((r) => ({
    conceptId: r.conceptId,
    label: r.label,
    minLevel: r.minLevel,
    weight: r.weight,
    required: r.required,
    meet: 0,
    partial: 0,
    lack: 0,
    bands: {} as Record<LevelBand, number>,
    closest: [],
  }));
  const bandCounts = requirements.map(() => new Int32Array(LEVEL_BANDS.length));
  // bounded: a team of thousands keeps only the few it shows, so nothing else outlives its person
  const byEstimate = (a: PersonOnRequirement, b: PersonOnRequirement) =>
    b.estimate - a.estimate || (a.candidateId < b.candidateId ? -1 : 1);
  const notMeeting = requirements.map(() => new TopK<PersonOnRequirement>(options.closest, byEstimate));
  const nearest = new TopK<RankedPerson>(options.closest, compareRanked);
  // most people hold nothing that bears on most requirements: those are weighed once, as "no evidence"
  const reach = buildRoleIndex(
    [{ kind: "position", id: "team", label: "team", source: "team", requirements: [...requirements] }],
    ctx.taxonomy,
    ctx.config,
    "asked",
  );
  const slots = reach.slotsOf[0] as Int32Array;
  const untouched = requirements.length
    ? weighRequirement(requirements[0] as Requirement, [], ctx)
    : undefined;
  const touched = new Set<number>();
  for (const member of team) {
    const live = liveEvidence(evidence.get(member.candidateId) ?? [], ctx);
    touched.clear();
    for (const e of live) for (const slot of reach.slotsReached(e.conceptId)) touched.add(slot);
    const weighed = requirements.map((r, i) =>
      touched.has(slots[i] as number) ? weighRequirement(r, live, ctx) : (untouched as Weighed),
    );
    let met = 0;
    for (let i = 0; i < weighed.length; i++) {
      const w = weighed[i] as Weighed;
      const gap = gaps[i] as RequirementGap;
      const outcome = outcomeOf(w);
      const band = bandOf(w);
      (bandCounts[i] as Int32Array)[LEVEL_BANDS.indexOf(band)]! += 1;
      if (outcome === "met") {
        gap.meet++;
        met++;
        continue;
      }
      if (outcome === "partial") gap.partial++;
      else gap.lack++;
      const kept = notMeeting[i] as TopK<PersonOnRequirement>;
      const worst = kept.worstWhenFull;
      if (
        worst &&
        worst.estimate >= w.estimate.estimate &&
        (worst.estimate > w.estimate.estimate || worst.candidateId < member.candidateId)
      )
        continue;
      kept.offer({
        ...member,
        outcome,
        estimate: w.estimate.estimate,
        estimatedLevel: w.estimate.level,
        band,
      });
    }
    if (met === requirements.length) continue;
    const { score, unmetRequired, levelSurplus } = aggregate(requirements, weighed, false);
    nearest.offer({
      ...member,
      score,
      qualified: unmetRequired === 0,
      met,
      weighed,
      unmetRequired,
      levelSurplus,
    });
  }
  gaps.forEach((gap, i) => {
    gap.bands = Object.fromEntries(
      LEVEL_BANDS.map((b, k) => [b, (bandCounts[i] as Int32Array)[k]]),
    ) as Record<LevelBand, number>;
    gap.closest = (notMeeting[i] as TopK<PersonOnRequirement>).sorted();
  });
  const closest = nearest.sorted().map(({ weighed, unmetRequired: _u, levelSurplus: _l, ...p }) => ({
    ...p,
    // the requirements not met, heaviest first
    lacking: requirements
      .map((r, i) => ({ r, met: (weighed[i] as Weighed).estimate.met }))
      .filter((x) => !x.met)
      .sort((a, b) => b.r.weight - a.r.weight)
      .map((x) => x.r.label),
  }));
  return { people: team.length, requirements: gaps, closest };
}
