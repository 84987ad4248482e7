/**
 * Roles for a person: every occupation and saved position ranked by the one evidence model, the
 * same score and explanation a match gives, read from the person's own evidence.
 *
 * Sparse and exact. A target scores above zero only if some live piece of the person's evidence
 * bears on one of its requirements (relatedness > 0), so the index maps each evidence concept to
 * the targets it can count for, built once from the taxonomy's neighbourhoods. Each requirement's
 * estimate depends only on its concept, its minimum and the person's live evidence — not on the
 * target — so it is weighed once per person and shared by every target that asks for it. The
 * score is then `aggregate` over the same weighed requirements scoreCandidate uses: the same
 * numbers bit for bit, which the tests check against scoring every target (rankRolesExhaustive).
 */
import type { Taxonomy } from "../../taxonomy/model.ts";
import type { ScoringConfig } from "../scoring/config.ts";
import { relatedness } from "../scoring/factors.ts";
import { compareRanked } from "../scoring/rank.ts";
import { neighbourhoodOf } from "../scoring/relations.ts";
import {
  aggregate,
  type CandidateScore,
  liveEvidence,
  type ScoringContext,
  scoreCandidate,
  type Weighed,
  weighRequirement,
} from "../scoring/score.ts";
import type { EvidenceRow } from "../store/types.ts";
import { type RoleTarget, targetKey } from "./targets.ts";

export interface RoleIndex {
  targets: readonly RoleTarget[];
  /** evidence concept → indices of the targets it can count for */
  targetsReached: ReadonlyMap<string, readonly number[]>;
  /** evidence concept → the requirement concepts it can count for */
  conceptsReached: ReadonlyMap<string, ReadonlySet<string>>;
}

export function buildRoleIndex(
  targets: readonly RoleTarget[],
  taxonomy: Taxonomy,
  config: ScoringConfig,
): RoleIndex {
  const conceptsReached = new Map<string, Set<string>>();
  const heldFor = new Map<string, string[]>();
  const heldConcepts = (asked: string): string[] => {
    let held = heldFor.get(asked);
    if (!held) {
      held = [];
      for (const [id, sim] of neighbourhoodOf(taxonomy, asked))
        if (relatedness(sim.relation, sim.strength, config) > 0) {
          held.push(id);
          const reached = conceptsReached.get(id) ?? new Set<string>();
          reached.add(asked);
          conceptsReached.set(id, reached);
        }
      heldFor.set(asked, held);
    }
    return held;
  };
  const targetsReached = new Map<string, number[]>();
  targets.forEach((t, i) => {
    for (const r of t.requirements)
      for (const id of heldConcepts(r.conceptId)) {
        const list = targetsReached.get(id);
        if (!list) targetsReached.set(id, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
  });
  return { targets, targetsReached, conceptsReached };
}

/** A target's place for one person: the ordering keys of compareRanked, keyed by the target. */
export interface RoleRank {
  target: RoleTarget;
  candidateId: string;
  score: number;
  unmetRequired: number;
  levelSurplus: number;
}

export type RoleContext = Omit<ScoringContext, "hardRequired" | "candidateId">;

/** Every target the person's evidence bears on, best first (compareRanked). */
export function rankRoles(index: RoleIndex, evidence: readonly EvidenceRow[], ctx: RoleContext): RoleRank[] {
  const live = liveEvidence(evidence, ctx);
  const reachable = new Set<number>();
  const touched = new Set<string>();
  for (const e of live) {
    for (const i of index.targetsReached.get(e.conceptId) ?? []) reachable.add(i);
    for (const id of index.conceptsReached.get(e.conceptId) ?? []) touched.add(id);
  }
  const weighCtx = { taxonomy: ctx.taxonomy, config: ctx.config, nowMs: ctx.nowMs };
  const memo = new Map<string, Weighed>();
  let untouched: Weighed | undefined;
  const weigh = (r: RoleTarget["requirements"][number]): Weighed => {
    if (!touched.has(r.conceptId)) {
      untouched ??= weighRequirement(r, [], weighCtx);
      return untouched;
    }
    const key = `${r.conceptId}\u0000${r.minLevel ?? ""}`;
    let w = memo.get(key);
    if (!w) {
      w = weighRequirement(r, live, weighCtx);
      memo.set(key, w);
    }
    return w;
  };
  const ranked: RoleRank[] = [];
  for (const i of reachable) {
    const target = index.targets[i] as RoleTarget;
    const weighed = target.requirements.map(weigh);
    if (!weighed.some((w) => w.estimate.basis !== "none")) continue;
    const { score, unmetRequired, levelSurplus } = aggregate(target.requirements, weighed, false);
    ranked.push({ target, candidateId: targetKey(target), score, unmetRequired, levelSurplus });
  }
  return ranked.sort(compareRanked);
}

/** The reference: scoreCandidate over every target. rankRoles must agree with it exactly. */
export function rankRolesExhaustive(
  targets: readonly RoleTarget[],
  evidence: readonly EvidenceRow[],
  ctx: RoleContext,
): RoleRank[] {
  const ranked: RoleRank[] = [];
  for (const target of targets) {
    const s = scoreRole(target, evidence, ctx);
    if (s.explanation.found.length === 0) continue;
    ranked.push({
      target,
      candidateId: s.candidateId,
      score: s.score,
      unmetRequired: s.unmetRequired,
      levelSurplus: s.levelSurplus,
    });
  }
  return ranked.sort(compareRanked);
}

/** One target scored and explained for one person, exactly as a match would. */
export const scoreRole = (
  target: RoleTarget,
  evidence: readonly EvidenceRow[],
  ctx: RoleContext,
): CandidateScore =>
  scoreCandidate(target.requirements, evidence, {
    ...ctx,
    hardRequired: false,
    candidateId: targetKey(target),
  });
